/**
 * Checks numeric command-line options, so `--batch-size abc` or `--port 99999` is a sentence rather
 * than NaN flowing on (NaN batch size = one giant transaction). Used by the CLI commands and by the
 * browser-mode entry (main/bridge/web.ts). Plain Node.
 */
import { AppError } from '../rpc/app-error';

/** `value` as a whole number within [min, max], or undefined when the option was not given. */
export function integerOption(name: string, value: string | undefined, range: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const parsed = /^[+]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < range.min || parsed > range.max) {
    throw new AppError('bad_input', `--${name} must be a whole number from ${range.min} to ${range.max}, not "${value}".`);
  }
  return parsed;
}
