/**
 * How a pipeline is fitted: a pool of tokenized documents (from a prepared corpus, so fits on rows
 * of one corpus tokenize it once) → (fast) inner cross-validation picks the feature count, title
 * weight and C → the vocabulary and the final model on every training row → a temperature fitted
 * on held-out scores. A run's final model takes these choices from its holdout model instead. The
 * held-out scores are the inner CV's out-of-fold scores when it ran; otherwise a 3-fold cross-fit
 * (fast, untuned) or, for mljs (≈80 s per fit), one extra model on a stratified holdout of the
 * training rows, which bounds calibration at 0.8 of a fit.
 */
import { appendDenseColumns } from '../features/csr';
import type { TokenPool } from '../features/token-pool';
import { defaultTfidfParams, TextVectorizer, type VectorizerParams } from '../features/vectorizer';
import { groupStratifiedKFold, groupStratifiedSplit } from '../eval/split';
import { calibrateTemperature, type Calibration } from './calibration';
import type { FitHooks, SparseClassifier } from './estimator';
import type { TextClassifier, TuningSummary } from './pipeline';
import { CrossFitter, duplicateGroups } from './cross-fit';
import { defaultTuneOptions, tuneFastEngine } from './tune';

/** Everything a fit produces. */
export interface FitResult {
  vectorizer: TextVectorizer;
  model: SparseClassifier;
  features: number;
  tuning: TuningSummary | null;
  calibration: Calibration;
  /** The held-out scores the temperature was fitted on, or null when the calibration was reused. */
  heldOut: HeldOutRows | null;
  timings: { vectorizeMs: number; tuneMs: number; fitMs: number; calibrateMs: number; trainMs: number };
}

/** Decision scores (temperature 1, rows × classes) of fitted rows, each made by a model that did not train on that row. */
export interface HeldOutRows {
  /** Index of each scored row among the fit's rows. */
  rows: Int32Array;
  scores: Float64Array;
}

/**
 * Choices a fit can take from an earlier fit instead of making them again: the final model of a run
 * uses what its holdout model's inner cross-validation chose (feature count, title weight, C) and
 * that model's temperature, so it costs one vectorize and one solve.
 */
export interface ReusedChoices {
  features: number;
  headlineWeight: number;
  C: number | undefined;
  tuning: TuningSummary | null;
  calibration: Calibration;
}

/**
 * Fits `pipeline`'s engine on a pool of tokenized documents with labels y and `width` engineered
 * values per document. `readMs` is the time already spent reading the texts into the pool (it is
 * reported as part of vectorizeMs); `reuse` skips tuning and calibration.
 */
export function fitPipeline(
  pipeline: TextClassifier,
  pool: TokenPool,
  y: Int32Array,
  nClasses: number,
  dense: { values: Float64Array; width: number },
  hooks: FitHooks,
  options: { readMs: number; reuse?: ReusedChoices },
): FitResult {
  const params = pipeline.params;
  const started = Date.now();
  hooks.onProgress?.({ phase: 'vectorize', epoch: 1, maxEpochs: 1, trainLoss: NaN, validationLoss: null, validationAccuracy: null });
  const vectorizerParams: VectorizerParams = { ...defaultTfidfParams, ...params.vectorizer };
  const { reuse } = options;
  const tune = !reuse && params.engine === 'fast' && params.tune !== false ? { ...defaultTuneOptions, seed: params.seed, ...params.tune } : null;
  let tuning: TuningSummary | null = null;
  let calibration: Calibration | null = null;
  let heldOut: HeldOutRows | null = null;
  let C = params.fast.C;
  let chi2: Float64Array | undefined;
  if (reuse) {
    vectorizerParams.chi2Features = reuse.features;
    vectorizerParams.headlineWeight = reuse.headlineWeight;
    C = reuse.C;
    tuning = reuse.tuning;
    calibration = reuse.calibration;
  } else if (tune) {
    const result = tuneFastEngine(pool, y, nClasses, dense.values, dense.width, { seed: params.seed, ...params.fast }, vectorizerParams.chi2On, tune, hooks);
    vectorizerParams.chi2Features = result.chosen.features;
    vectorizerParams.headlineWeight = result.chosen.headlineWeight;
    C = result.chosen.C;
    const { oofRows, oofScores, chi2: tunedChi2, ...summary } = result;
    chi2 = tunedChi2 ?? undefined;
    tuning = summary;
    heldOut = { rows: oofRows, scores: oofScores };
    calibration = calibrateTemperature(
      oofScores,
      Int32Array.from(oofRows, (d) => y[d]!),
      nClasses,
      `out-of-fold scores of the ${result.folds}-fold inner cross-validation (${result.rows} training documents, chosen setting)`,
    );
  } else {
    const step = (epoch: number) =>
      hooks.onProgress?.({ phase: 'calibrate', epoch, maxEpochs: 1, trainLoss: NaN, validationLoss: null, validationAccuracy: null });
    step(0);
    // The cross-fit's own progress reports fits as 'tune' steps; here they are calibration work.
    ({ calibration, heldOut } = heldOutCalibration(pipeline, pool, y, nClasses, dense.values, dense.width, vectorizerParams, { signal: hooks.signal }));
    step(1);
  }
  const tuned = Date.now();
  const vectorizer = new TextVectorizer(vectorizerParams);
  const X = appendDenseColumns(vectorizer.fitFromPool(pool, { y, nClasses }, chi2), dense.values, dense.width);
  hooks.onVectorized?.();
  const vectorized = Date.now();
  const model = pipeline.newModel(C === undefined ? {} : { C }).fit(X, y, nClasses, hooks);
  const fitted = Date.now();
  // Calibration ran before the final fit (it needs the pool, which the final vectorizer empties);
  // its time is reported under calibrateMs when it was not part of tuning.
  const tuneMs = tune ? tuned - started : 0;
  const calibrateMs = tune || reuse ? 0 : tuned - started;
  return {
    vectorizer,
    model,
    features: X.cols,
    tuning,
    calibration,
    heldOut,
    timings: {
      vectorizeMs: options.readMs + (vectorized - tuned),
      tuneMs,
      fitMs: fitted - vectorized,
      calibrateMs,
      trainMs: tuneMs + calibrateMs + (fitted - vectorized),
    },
  };
}

/** A temperature from held-out scores of an untuned engine (3-fold cross-fit, or one stratified holdout for mljs). */
function heldOutCalibration(
  pipeline: TextClassifier,
  pool: TokenPool,
  y: Int32Array,
  nClasses: number,
  dense: Float64Array,
  width: number,
  v: VectorizerParams,
  hooks: FitHooks,
): { calibration: Calibration; heldOut: HeldOutRows } {
  const docs = Int32Array.from({ length: pool.size }, (_, i) => i);
  const groups = duplicateGroups(pool, docs);
  const config = { features: v.chi2Features > 0 ? v.chi2Features : pool.candidates.length, headlineWeight: v.headlineWeight, C: 0 };
  const makeModel = () => pipeline.newModel();
  let foldOf: Int32Array;
  let scoredFolds: number[];
  let source: string;
  if (pipeline.params.engine === 'mljs') {
    const fraction = pipeline.params.calibrationHoldout;
    const { test } = groupStratifiedSplit(y, groups, fraction, pipeline.params.seed);
    foldOf = new Int32Array(docs.length).fill(1);
    for (const r of test) foldOf[r] = 0;
    scoredFolds = [0];
    source = `a ${Math.round(fraction * 100)}% stratified holdout of the training documents, scored by a second model fitted (features included) on the other ${Math.round((1 - fraction) * 100)}%`;
  } else {
    foldOf = groupStratifiedKFold(y, groups, 3, pipeline.params.seed);
    scoredFolds = [0, 1, 2];
    source = 'out-of-fold scores of a 3-fold cross-fit on the training documents (features chosen per fold)';
  }
  const fitter = new CrossFitter(pool, nClasses, y, dense, width, docs, foldOf, scoredFolds, v.chi2On, false);
  const [scores] = fitter.run([config], makeModel, hooks);
  const scored = docs.filter((d) => scoredFolds.includes(foldOf[d]!));
  const K = nClasses;
  const rows = new Float64Array(scored.length * K);
  scored.forEach((d, i) => rows.set(scores!.full.subarray(d * K, (d + 1) * K), i * K));
  const calibration = calibrateTemperature(
    rows,
    Int32Array.from(scored, (d) => y[d]!),
    nClasses,
    source,
  );
  return { calibration, heldOut: { rows: Int32Array.from(scored), scores: rows } };
}
