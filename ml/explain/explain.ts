/**
 * Explanations: which terms pushed a text toward a class (contribution = weight × feature value),
 * with character offsets into the ORIGINAL text for highlighting, and a class's top terms.
 */
import { normalizeTracked } from '../text/normalize';
import { defaultTokenizeOptions, forEachToken } from '../text/tokenize';
import { capAnalysedText } from '../features/usable-text';
import type { TextClassifier } from '../models/pipeline';

/** A [start, end) character range in the original text. */
export interface Span {
  start: number;
  end: number;
}

/** One feature's share of a class score. */
export interface Contribution {
  term: string;
  /** The feature's value in this document (e.g. its TF-IDF). */
  value: number;
  weight: number;
  contribution: number;
  spans: Span[];
}

/** The explanation of one prediction. */
export interface Explanation {
  label: string;
  probability: number;
  probabilities: { label: string; probability: number }[];
  /** Features that pushed toward `label`, largest first. */
  toward: Contribution[];
  /** Features that pushed away from `label`, most negative first. */
  against: Contribution[];
  /** True when the text was longer than MAX_ANALYSED_CHARS and only its beginning was analysed. */
  truncated: boolean;
}

/** Where each term occurs in the original text (unigrams, bigrams, headline terms); `only` limits it to those terms. */
export function termSpans(pipeline: TextClassifier, fullText: string, only?: ReadonlySet<string>): Map<string, Span[]> {
  const params = pipeline.vectorizer.params;
  const text = capAnalysedText(fullText).text;
  const { text: clean, offsets } = normalizeTracked(text, params.normalize);
  const tokens: { token: string; start: number; end: number }[] = [];
  forEachToken(clean, { ...defaultTokenizeOptions, ...params.tokenize }, (token, start, end) => tokens.push({ token, start, end }));
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

/** Explains the prediction for one text (or its score for `classLabel`). */
export function explainPrediction(pipeline: TextClassifier, fullText: string, options: { top?: number; classLabel?: string } = {}): Explanation {
  const top = options.top ?? 10;
  // Only the analysed part of the text is explained; spans stay valid offsets into the full text.
  const text = capAnalysedText(fullText).text;
  const X = pipeline.transform([text]);
  const proba = pipeline.probabilities(X);
  const K = pipeline.classes.length;
  let predicted = 0;
  for (let k = 1; k < K; k++) if (proba[k]! > proba[predicted]!) predicted = k;
  const target = options.classLabel !== undefined ? pipeline.classes.indexOf(options.classLabel) : predicted;
  if (target < 0) throw new Error(`Unknown class "${options.classLabel}".`);
  const weights = pipeline.model.classWeights(target);
  const names = pipeline.featureNames;
  const contributions: Contribution[] = [];
  for (let q = X.indptr[0]!; q < X.indptr[1]!; q++) {
    const j = X.indices[q]!;
    const value = X.values[q]!;
    const weight = weights ? weights[j]! : 0;
    contributions.push({ term: names[j]!, value, weight, contribution: weight * value, spans: [] });
  }
  const toward = contributions
    .filter((c) => c.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || (a.term < b.term ? -1 : 1))
    .slice(0, top);
  const against = contributions
    .filter((c) => c.contribution < 0)
    .sort((a, b) => a.contribution - b.contribution || (a.term < b.term ? -1 : 1))
    .slice(0, top);
  // Spans only for the terms returned: locating every term of a long resume costs more than the prediction.
  const shown = [...toward, ...against];
  const spans = termSpans(pipeline, text, new Set(shown.map((c) => c.term)));
  for (const c of shown) c.spans = spans.get(c.term) ?? [];
  return {
    label: pipeline.classes[target]!,
    probability: proba[target]!,
    probabilities: pipeline.classes.map((label, k) => ({ label, probability: proba[k]! })).sort((a, b) => b.probability - a.probability),
    toward,
    against,
    truncated: text.length < fullText.length,
  };
}

/** The terms with the largest weights for a class. */
export function topTermsForClass(pipeline: TextClassifier, classLabel: string, top = 20): { term: string; weight: number }[] {
  const k = pipeline.classes.indexOf(classLabel);
  if (k < 0) throw new Error(`Unknown class "${classLabel}".`);
  const weights = pipeline.model.classWeights(k);
  if (!weights) return [];
  const names = pipeline.featureNames;
  return Array.from(weights, (weight, j) => ({ term: names[j]!, weight }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
    .slice(0, top);
}
