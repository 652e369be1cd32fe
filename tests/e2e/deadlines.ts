/**
 * Deadlines of the e2e tests, sized for a loaded 2-core machine (npm run test:busy). A deadline
 * only ends a test that is already failing: a passing run never waits for one. The default for
 * each test and each expect is in playwright.config.ts; this is the one for the long steps (an
 * import, a training run) that a test waits on explicitly.
 */

/** An import of a test folder or a training run, on a loaded machine. */
export const longStepMs = 240_000;
