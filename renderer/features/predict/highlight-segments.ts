/**
 * Splits a resume text into plain and highlighted segments from a prediction's evidence. Evidence
 * spans overlap (a bigram covers its two words, a headline term repeats a word), so each character
 * takes the strongest term covering it and neighbouring characters of the same term merge. Pure.
 */
import type { Evidence } from '../../../preload/contract';

/** A run of text, highlighted when a term of evidence covers it. */
export interface TextSegment {
  text: string;
  /** The term that drove the prediction here, with its contribution and strength 1 (weak) to 3 (strong). */
  mark: { term: string; contribution: number; strength: 1 | 2 | 3 } | null;
}

/** Strength buckets relative to the strongest term, so the darkest colour always marks the top term. */
function strengthOf(contribution: number, strongest: number): 1 | 2 | 3 {
  const share = strongest > 0 ? contribution / strongest : 0;
  return share > 0.66 ? 3 : share > 0.33 ? 2 : 1;
}

/** The segments of `text` under `evidence`; spans outside the text are clipped. */
export function highlightSegments(text: string, evidence: readonly Evidence[]): TextSegment[] {
  const strongest = Math.max(0, ...evidence.map((e) => e.contribution));
  const spans = evidence.flatMap((e) =>
    e.spans.map((s) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end), term: e.term, contribution: e.contribution })),
  );
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    if (from === to) continue;
    let best: (typeof spans)[number] | null = null;
    for (const span of spans) if (span.start <= from && span.end >= to && (!best || span.contribution > best.contribution)) best = span;
    const mark = best ? { term: best.term, contribution: best.contribution, strength: strengthOf(best.contribution, strongest) } : null;
    const previous = segments.at(-1);
    if (previous && previous.mark?.term === mark?.term) previous.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), mark });
  }
  return segments;
}

export { readableTerm } from '../../../preload/contracts/terms';
