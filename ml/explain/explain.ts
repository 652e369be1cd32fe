/**
 * Explanations: which terms pushed a text toward a class (contribution = weight × feature value),
 * with character offsets into the ORIGINAL text for highlighting, and a class's top terms.
 */
import { normalizeTracked } from '../text/normalize';
import { defaultTokenizeOptions, forEachToken } from '../text/tokenize';
import { capAnalysedText } from '../features/usable-text';
import type { ModelInput, TextClassifier } from '../models/pipeline';

/** A [start, end) character range in the original text. */
export interface Span {
  start: number;
  end: number;
}

/** One feature's share of a class score. */
export interface Contribution {
  term: string;
  /** The feature's value in this document (e.g. its TF-IDF; the focused view's when the term is in both views). */
  value: number;
  /** The term's weight in this text's score: the views' weights mixed by the text's broad share. */
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
  const spans = new Map<string, Span[]>();
  const add = (term: string, from: number, to: number) => {
    const span = { start: offsets.starts[from]!, end: offsets.ends[to - 1]! };
    const list = spans.get(term);
    if (list) list.push(span);
    else spans.set(term, [span]);
  };
  // The wanted bigrams by first token: a pair is joined into a string only when it is one of them
  // (tokens hold no space, so "a b" is the pair (a, b) exactly).
  const bigrams = new Map<string, Set<string>>();
  for (const term of only ?? []) {
    const space = term.indexOf(' ');
    if (space < 0) continue;
    const first = term.slice(0, space);
    const seconds = bigrams.get(first) ?? new Set<string>();
    seconds.add(term.slice(space + 1));
    bigrams.set(first, seconds);
  }
  const hasBigrams = params.ngramMax === 2;
  let index = 0;
  let previous = '';
  let previousStart = 0;
  forEachToken(clean, { ...defaultTokenizeOptions, ...params.tokenize }, (token, start, end) => {
    if (index < params.headlineTokens) {
      const headline = `h:${token}`;
      if (!only || only.has(headline)) add(headline, start, end);
    }
    if (!only || only.has(token)) add(token, start, end);
    if (hasBigrams && index > 0 && (!only || bigrams.get(previous)?.has(token))) add(`${previous} ${token}`, previousStart, end);
    index++;
    previous = token;
    previousStart = start;
  });
  return spans;
}

/**
 * Every term's share of one text's score for class `target`: the focused model's weight × value,
 * times the text's focused share, plus the broad view's, times its share; a term in both views is
 * one contribution (its value is the focused view's, its weight the mix of both).
 */
function termContributions(pipeline: TextClassifier, input: ModelInput, target: number): Contribution[] {
  const byTerm = new Map<string, Contribution>();
  const add = (term: string, value: number, weight: number) => {
    const known = byTerm.get(term);
    if (!known) byTerm.set(term, { term, value, weight, contribution: weight * value, spans: [] });
    else {
      known.contribution += weight * value;
      known.weight = known.contribution / known.value;
    }
  };
  const share = input.broadShares?.[0] ?? 0;
  const weights = pipeline.model.classWeights(target);
  const names = pipeline.featureNames;
  const X = input.focused;
  for (let q = X.indptr[0]!; q < X.indptr[1]!; q++) add(names[X.indices[q]!]!, X.values[q]!, weights ? (1 - share) * weights[X.indices[q]!]! : 0);
  const broad = pipeline.broad;
  const B = input.broad;
  if (broad && B) {
    const K = pipeline.classes.length;
    const terms = broad.vectorizer.vocabulary;
    for (let q = B.indptr[0]!; q < B.indptr[1]!; q++) add(terms[B.indices[q]!]!, B.values[q]!, share * broad.weights[B.indices[q]! * K + target]!);
  }
  return [...byTerm.values()];
}

/** Explains the prediction for one text (or its score for `classLabel`). */
export function explainPrediction(pipeline: TextClassifier, fullText: string, options: { top?: number; classLabel?: string } = {}): Explanation {
  const top = options.top ?? 10;
  // Only the analysed part of the text is explained; spans stay valid offsets into the full text.
  const text = capAnalysedText(fullText).text;
  const input = pipeline.transform([text]);
  const proba = pipeline.probabilities(input);
  const K = pipeline.classes.length;
  let predicted = 0;
  for (let k = 1; k < K; k++) if (proba[k]! > proba[predicted]!) predicted = k;
  const target = options.classLabel !== undefined ? pipeline.classes.indexOf(options.classLabel) : predicted;
  if (target < 0) throw new Error(`Unknown class "${options.classLabel}".`);
  const contributions = termContributions(pipeline, input, target);
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
