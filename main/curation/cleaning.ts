/**
 * What the text cleaner (ml/text) does to one resume, for the resume pane: the extracted and the
 * cleaned text as segments, each marked with the kind of change (masked contact details, removed
 * markup, repaired characters). Whitespace folding is left unmarked: it touches every line break
 * and would hide the changes that matter. Blind mode shows both sides with personal data masked.
 * Pure; used by the documents handlers and blind views.
 */
import { blindNormalizeOptions, maskPersonalData } from '../../ml/text/blind';
import { MASK_TOKENS, normalizeTracked, normalizeWithReport } from '../../ml/text/normalize';
import { nameHintsOfFileName } from '../../ml/text/personal-data';
import type { DocumentCleaning, TextSegment } from '../../preload/contract';

type Change = TextSegment['change'];

const maskTokens = Object.values(MASK_TOKENS);
/** When later steps fold a masked span's spaces into its neighbours, the stronger mark wins. */
const strength: Record<NonNullable<Change>, number> = { removed: 1, repaired: 2, masked: 3 };
const isBlank = (text: string) => /^\s*$/.test(text);

/** The kind of one replacement: `replacement` took the place of `original`. */
function changeOf(original: string, replacement: string): Change {
  if (isBlank(original) && isBlank(replacement)) return null;
  if (maskTokens.some((token) => replacement.includes(token))) return 'masked';
  if (isBlank(replacement)) return 'removed';
  return 'repaired';
}

/** Joins per-character kinds into runs. */
function segmentsOf(text: string, kinds: readonly Change[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || kinds[i] !== kinds[start]) {
      segments.push({ text: text.slice(start, i), change: kinds[start] ?? null });
      start = i;
    }
  }
  return segments;
}

/** Cleans `text` and marks, on both sides, what changed. */
export function cleaningOf(id: number, text: string): DocumentCleaning {
  const { text: cleaned, offsets } = normalizeTracked(text);
  const { report } = normalizeWithReport(text);
  // Every original character starts as removed; characters that survive unchanged, or that a
  // replacement covers, say so below.
  const originalKinds: Change[] = Array.from({ length: text.length }, () => 'removed');
  const cleanedKinds: Change[] = Array.from({ length: cleaned.length }, () => null);
  const isAssigned = new Uint8Array(text.length);
  let i = 0;
  while (i < cleaned.length) {
    const start = offsets.starts[i]!;
    const end = offsets.ends[i]!;
    if (end - start === 1 && text[start] === cleaned[i]) {
      originalKinds[start] = null;
      i++;
      continue;
    }
    // A replacement: the run of cleaned characters that all map to the same original span.
    let j = i + 1;
    while (j < cleaned.length && offsets.starts[j] === start && offsets.ends[j] === end) j++;
    const replacement = cleaned.slice(i, j);
    const kind = changeOf(text.slice(start, end), replacement);
    // A space standing in for removed text is not itself worth marking on the cleaned side.
    if (!isBlank(replacement)) for (let k = i; k < j; k++) cleanedKinds[k] = kind;
    for (let k = start; k < end; k++) {
      const current = originalKinds[k];
      if (!isAssigned[k] || (kind && current && strength[kind] > strength[current])) originalKinds[k] = kind;
      isAssigned[k] = 1;
    }
    i = j;
  }
  // Dropped whitespace is folding, not a change worth showing.
  for (let k = 0; k < text.length; k++) if (originalKinds[k] === 'removed' && /\s/.test(text[k]!)) originalKinds[k] = null;
  return {
    id,
    extracted: segmentsOf(text, originalKinds),
    cleaned: segmentsOf(cleaned, cleanedKinds),
    steps: report.steps.map((s) => ({ step: s.step, changes: s.changes })),
    charsBefore: report.charsBefore,
    charsAfter: report.charsAfter,
  };
}

const maskTokenPattern = new RegExp(maskTokens.join('|'), 'g');

/** Splits unchanged runs around mask tokens and marks the tokens as masked. */
function markMaskTokens(segments: readonly TextSegment[]): TextSegment[] {
  return segments.flatMap((segment) => {
    if (segment.change !== null) return [segment];
    const out: TextSegment[] = [];
    let last = 0;
    for (const match of segment.text.matchAll(maskTokenPattern)) {
      if (match.index > last) out.push({ text: segment.text.slice(last, match.index), change: null });
      out.push({ text: match[0], change: 'masked' });
      last = match.index + match[0].length;
    }
    if (last < segment.text.length) out.push({ text: segment.text.slice(last), change: null });
    return out;
  });
}

/**
 * The cleaning of a resume in blind mode: both sides start from the text with its personal data
 * masked (the extracted side must not show what was masked), the masks marked; the step counts are
 * those of blind cleaning of the stored text.
 */
export function blindCleaningOf(id: number, text: string, fileName: string): DocumentCleaning {
  const hints = { nameHints: nameHintsOfFileName(fileName) };
  const shown = cleaningOf(id, maskPersonalData(text, hints).text);
  const { report } = normalizeWithReport(text, blindNormalizeOptions, hints);
  return {
    ...shown,
    extracted: markMaskTokens(shown.extracted),
    cleaned: markMaskTokens(shown.cleaned),
    steps: report.steps.map((s) => ({ step: s.step, changes: s.changes })),
    charsBefore: text.length,
  };
}
