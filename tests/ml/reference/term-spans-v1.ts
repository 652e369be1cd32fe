/**
 * Frozen copy of termSpans as it was before it joined only the wanted bigrams (commit 854987f): the
 * oracle the faster version must equal span for span. Do not optimise; see tests/ml/fast-paths.test.ts.
 */
import type { Span } from '../../../ml/explain/explain';
import { capAnalysedText } from '../../../ml/features/usable-text';
import type { TextClassifier } from '../../../ml/models/pipeline';
import { normalizeTracked } from '../../../ml/text/normalize';
import { defaultTokenizeOptions } from '../../../ml/text/tokenize';
import { forEachTokenV1 } from './tokenize-v1';

/** termSpans as it was: every token kept, every unigram, headline term and bigram looked up. */
export function termSpansV1(pipeline: TextClassifier, fullText: string, only?: ReadonlySet<string>): Map<string, Span[]> {
  const params = pipeline.vectorizer.params;
  const text = capAnalysedText(fullText).text;
  const { text: clean, offsets } = normalizeTracked(text, params.normalize);
  const tokens: { token: string; start: number; end: number }[] = [];
  forEachTokenV1(clean, { ...defaultTokenizeOptions, ...params.tokenize }, (token, start, end) => tokens.push({ token, start, end }));
  const spans = new Map<string, Span[]>();
  const add = (term: string, from: number, to: number) => {
    if (only && !only.has(term)) return;
    const span = { start: offsets.starts[from]!, end: offsets.ends[to - 1]! };
    const list = spans.get(term);
    if (list) list.push(span);
    else spans.set(term, [span]);
  };
  tokens.forEach((t, i) => {
    if (i < params.headlineTokens) add(`h:${t.token}`, t.start, t.end);
    add(t.token, t.start, t.end);
    if (params.ngramMax === 2 && i > 0) add(`${tokens[i - 1]!.token} ${t.token}`, tokens[i - 1]!.start, t.end);
  });
  return spans;
}
