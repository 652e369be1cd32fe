/**
 * Waiting in unit tests without depending on the machine's speed: poll a condition with a deadline
 * sized for a loaded 2-core machine (vi.waitFor's own default is one second, which a busy machine
 * overruns). A passing test pays only for the polls it needs; the deadline matters only to report
 * a failure.
 */
import { vi } from 'vitest';

/** How long a condition may take to come true on a loaded machine before the test fails. */
export const loadedMachineDeadlineMs = 60_000;

/** Polls `check` (which throws or rejects until it holds) until it passes or the deadline ends. */
export function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: loadedMachineDeadlineMs, interval: 20 });
}
