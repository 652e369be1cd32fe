/**
 * Blind mode over the text cleaner: the cleaning options a blind model is trained with, and the
 * masking of a text for display (personal data replaced, everything else left as it was, with a map
 * from the shown text back to the original so highlights still land on the right words).
 */
import { normalizeTracked, type NormalizeOptions } from './normalize';
import type { PersonalDataHints } from './personal-data';
import type { OffsetMap } from './rewrite';

/** The personal-data steps of the cleaner: what blind mode masks. */
const PERSONAL_STEPS = ['maskUrls', 'maskEmails', 'maskPhones', 'maskDigitRuns', 'maskAddresses', 'maskNames'] as const;

/** Cleaner options of a model trained blind: every personal-data step on (the other steps keep their defaults). */
export const blindNormalizeOptions: Partial<NormalizeOptions> = Object.fromEntries(PERSONAL_STEPS.map((step) => [step, true]));

/** True when cleaning with `options` masks every kind of personal data (the model was trained blind). */
export function isBlindNormalize(options: Partial<NormalizeOptions>): boolean {
  // Steps left out of a model's options run with the defaults, where names and addresses are off.
  return options.maskNames === true && options.maskAddresses === true && PERSONAL_STEPS.every((step) => options[step] !== false);
}

/** Only the personal-data steps: no repair, no markup removal, line breaks kept. */
const displayOptions: NormalizeOptions = {
  repairMojibake: false,
  unicodeNfc: false,
  stripHtml: false,
  maskUrls: true,
  maskEmails: true,
  maskPhones: true,
  maskDigitRuns: true,
  maskAddresses: true,
  maskNames: true,
  collapseWhitespace: false,
};

/** A text with its personal data masked, and where each shown character came from. */
export interface MaskedText {
  text: string;
  offsets: OffsetMap;
}

/** Masks names, e-mails, phone numbers, addresses, URLs and long digit runs; the rest of the text is unchanged. */
export function maskPersonalData(text: string, hints: PersonalDataHints = {}): MaskedText {
  return normalizeTracked(text, displayOptions, hints);
}

/** First index whose value is >= target in a non-decreasing array. */
function lowerBound(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where the original [start, end) is in the masked text, or null when any of it was masked (a
 * highlight on a name must not point at the mask, nor survive as a hint of what was there).
 */
export function maskedSpan(masked: MaskedText, start: number, end: number): [number, number] | null {
  const { starts, ends } = masked.offsets;
  const from = lowerBound(starts, start);
  if (from >= starts.length || starts[from] !== start) return null;
  let to = from;
  for (; to < starts.length && ends[to]! <= end; to++) if (ends[to]! - starts[to]! !== 1) return null;
  return to > from && ends[to - 1] === end ? [from, to] : null;
}
