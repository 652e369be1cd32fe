/**
 * The model behind "Label with suggestions": the fast engine fitted with fixed, cheap settings (no
 * inner cross-validation) on the labelled rows of a corpus read once, so it can be refitted every
 * few answers in about a second. Its temperature comes from the 3-fold cross-fit the untuned engine
 * runs anyway, and those out-of-fold predictions double as its validation predictions (for the review
 * threshold and the estimated accuracy). Pure.
 */
import type { FitHooks } from '../models/estimator';
import { TextClassifier, type PipelineParams } from '../models/pipeline';
import type { PreparedCorpus } from '../models/prepared-corpus';
import { probabilitiesOfRows } from '../eval/evaluate';
import { topClassOf } from './uncertainty';

/**
 * The fixed settings: the fast engine's usual 1–2-gram TF-IDF with chi² selection, a C inside
 * the inner cross-validation's grid, and no tuning (tuning costs 9 fits per refresh).
 */
export function labellingModelParams(seed: number, overrides: { features?: number; C?: number } = {}): Partial<PipelineParams> {
  return { engine: 'fast', seed, tune: false, broad: false, fast: { C: overrides.C ?? 0.5 }, vectorizer: { chi2Features: overrides.features ?? 3000 } };
}

/** One validation prediction: made by a fold model that did not train on the row. */
export interface LabellingValidation {
  confidence: number;
  isCorrect: boolean;
}

/** A fitted labelling model and its validation predictions. */
export interface LabellingModel {
  pipeline: TextClassifier;
  validation: LabellingValidation[];
}

/** Fits the labelling model on `rows` of a prepared corpus (read with labellingModelParams' vectorizer settings). */
export function fitLabellingModel(prepared: PreparedCorpus, rows: ArrayLike<number>, params: Partial<PipelineParams>, hooks: FitHooks = {}): LabellingModel {
  const pipeline = new TextClassifier(params).fitPrepared(prepared, rows, hooks);
  return { pipeline, validation: validationOf(pipeline, prepared, rows) };
}

/** The calibrated top-class confidence of each held-out row of the last fit, and whether it was right. */
function validationOf(pipeline: TextClassifier, prepared: PreparedCorpus, rows: ArrayLike<number>): LabellingValidation[] {
  const heldOut = pipeline.lastHeldOut;
  if (!heldOut) return [];
  const K = pipeline.classes.length;
  const { label, probability } = topClassOf(pipeline.probabilitiesOfScores(heldOut.scores), K);
  return Array.from(heldOut.rows, (row, i) => ({
    confidence: probability[i]!,
    isCorrect: pipeline.classes[label[i]!] === prepared.labels[rows[row]!],
  }));
}

/** Calibrated probabilities of rows of the prepared corpus (rows × the model's classes). */
export function suggestionsFor(model: LabellingModel, prepared: PreparedCorpus, rows: ArrayLike<number>): Float64Array {
  return rows.length === 0 ? new Float64Array(0) : probabilitiesOfRows(model.pipeline, prepared, rows);
}
