/**
 * Prediction as a service: text → label, probability, the top alternatives and the evidence (terms
 * with their contribution and where they occur in the text). Used by `resume-studio predict` and,
 * in the prediction worker, by the app and the public API. Plain TypeScript over ml/.
 */
import type { Prediction } from '../../preload/contract';
import { explainPrediction, MAX_ANALYSED_CHARS, usableText, type TextClassifier } from '../../ml/index';
import { AppError } from '../rpc/app-error';

/** How much of the explanation to return. */
export interface PredictOptions {
  /** Alternatives listed, most probable first (default 3). */
  top?: number;
  /** Terms of evidence toward the label (default 5). */
  terms?: number;
}

/**
 * What the model says of one text: the contract's Prediction without what its callers add (the
 * name, the review verdict, the model's reference).
 */
export type ModelVerdict = Pick<Prediction, 'label' | 'probability' | 'top' | 'evidence' | 'truncated'>;

/** The note for a truncated text, for callers that print one. */
export const TRUNCATED_NOTE = `only the first ${MAX_ANALYSED_CHARS.toLocaleString('en-US')} characters were analysed`;

/**
 * Predicts the category of `text` with `model` and explains it. A text without enough real words
 * (random bytes, a binary file, a few symbols) is refused with AppError bad_input "no usable text: …"
 * rather than given a confident-looking label.
 */
export function predictText(model: TextClassifier, text: string, options: PredictOptions = {}): ModelVerdict {
  const verdict = usableText(text);
  if (!verdict.usable) throw new AppError('bad_input', verdict.reason!);
  return predictCheckedText(model, text, options);
}

/** The sentence for a model whose numbers gave no real probability (load checks make this a last line). */
export const NON_FINITE_OUTPUT =
  'The model gave no real probability for this text (its numbers overflow), so no category was given; the model is damaged: train or import it again.';

/**
 * predictText for a text its caller has just found usable (usableText), so it is not checked twice.
 * A probability that is not a finite number never becomes an answer: NaN would read as the first
 * category, not in need of review.
 */
export function predictCheckedText(model: TextClassifier, text: string, options: PredictOptions = {}): ModelVerdict {
  const ex = explainPrediction(model, text, { top: options.terms ?? 5 });
  const isFiniteProbability = (p: number) => Number.isFinite(p) && p >= 0 && p <= 1;
  if (!isFiniteProbability(ex.probability) || !ex.probabilities.every((p) => isFiniteProbability(p.probability)))
    throw new AppError('failed', NON_FINITE_OUTPUT);
  return {
    label: ex.label,
    probability: ex.probability,
    top: ex.probabilities.slice(0, options.top ?? 3),
    evidence: ex.toward.map((c) => ({ term: c.term, contribution: Number(c.contribution.toFixed(4)), spans: c.spans })),
    truncated: ex.truncated,
  };
}
