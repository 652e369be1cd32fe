/**
 * End-to-end tests in Debian's Chromium against the built app served by the real HTTP bridge
 * (tests/e2e/fixtures.ts starts one backend per test on a fresh data directory). Needs a prior
 * `npx electron-vite build`. Screenshot tests are tagged @screenshots and run only with
 * SCREENSHOTS=1.
 */
import { defineConfig } from '@playwright/test';

const takeScreenshots = process.env.SCREENSHOTS === '1';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 2,
  fullyParallel: true,
  // No retries: a retry hides the next flaky test instead of fixing it.
  retries: 0,
  // Deadlines sized for a loaded 2-core machine (npm run test:busy): they only end a test that is
  // already failing, so a passing run never waits for them. Long steps: tests/e2e/deadlines.ts.
  timeout: 600_000,
  expect: { timeout: 60_000 },
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  grep: takeScreenshots ? /@screenshots/ : undefined,
  grepInvert: takeScreenshots ? undefined : /@screenshots/,
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: { mode: 'retain-on-failure', screenshots: false, sources: false },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Root in a container needs --no-sandbox; the rest keep Chromium off the (closed) network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
