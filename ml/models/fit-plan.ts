/**
 * How a pipeline is fitted: a pool of tokenized documents (from a prepared corpus, so fits on rows
 * of one corpus tokenize it once) → (fast) inner cross-validation picks the feature count, title
 * weight and C → the vocabulary and the final model on every training row → a temperature fitted
 * on held-out scores. A run's final model takes these choices from its holdout model instead. The
 * held-out scores are the inner CV's out-of-fold scores when it ran; otherwise a 3-fold cross-fit
 * (fast, untuned) or, for mljs (≈80 s per fit), one extra model on a stratified holdout of the
 * training rows, which bounds calibration at 0.8 of a fit.
 */
import type { TokenPool } from '../features/token-pool';
import { defaultTfidfParams, TextVectorizer, type VectorizerParams } from '../features/vectorizer';
import { groupStratifiedKFold, groupStratifiedSplit } from '../eval/split';
import type { Chi2Result } from '../features/chi2';
import { calibrateTemperature, withTopLabelMap, type Calibration } from './calibration';
import type { FitHooks, SparseClassifier } from './estimator';
import type { PipelineParams, TuningSummary } from './pipeline-params';
import { calibrateViews, defaultBroadParams, fitBroadView, gateTokensOf, type BroadParams, type BroadView } from './broad-view';
import { CrossFitter, duplicateGroups } from './cross-fit';
import { defaultTuneOptions, tuneFastEngine } from './tune';

/** What a fit needs of the pipeline it fits: its settings and fresh estimators of its engine. */
export interface FitSubject {
  params: PipelineParams;
  newModel(overrides?: { C?: number }): SparseClassifier;
}

/** Everything a fit produces. */
export interface FitResult {
  vectorizer: TextVectorizer;
  model: SparseClassifier;
  broad: BroadView | null;
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
  /** The broad view's scale (null: the source had no broad view, so this fit has none either). */
  broadScale: number | null;
}

/**
 * Fits `pipeline`'s engine on a pool of tokenized documents with labels y and `width` engineered
 * values per document. `readMs` is the time already spent reading the texts into the pool (it is
 * reported as part of vectorizeMs); `reuse` skips tuning and calibration.
 */
export function fitPipeline(
  pipeline: FitSubject,
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
  let broad = broadParamsOf(params);
  let tuning: TuningSummary | null = null;
  let calibration: Calibration | null = null;
  let broadScale = 1;
  let heldOut: HeldOutRows | null = null;
  let C = params.fast.C;
  let chi2: Chi2Result | undefined;
  if (reuse) {
    vectorizerParams.chi2Features = reuse.features;
    vectorizerParams.headlineWeight = reuse.headlineWeight;
    C = reuse.C;
    tuning = reuse.tuning;
    calibration = reuse.calibration;
    if (reuse.broadScale === null) broad = null;
    else broadScale = reuse.broadScale;
  } else if (tune) {
    const result = tuneFastEngine(
      pool,
      y,
      nClasses,
      dense.values,
      dense.width,
      { seed: params.seed, ...params.fast },
      vectorizerParams.chi2On,
      tune,
      broad,
      hooks,
    );
    vectorizerParams.chi2Features = result.chosen.features;
    vectorizerParams.headlineWeight = result.chosen.headlineWeight;
    C = result.chosen.C;
    const { oofRows, oofScores, broadOofScores, chi2: tunedChi2, ...summary } = result;
    chi2 = tunedChi2 ?? undefined;
    tuning = summary;
    const source = `out-of-fold predictions of the ${result.folds}-fold inner cross-validation (${result.rows} training documents, chosen setting)`;
    const yOof = Int32Array.from(oofRows, (d) => y[d]!);
    if (broad && broadOofScores) {
      const tokens = Int32Array.from(oofRows, (d) => pool.bodyTokens(d));
      const gate = { gateTokens: gateTokensOf(tokens, broad.gateShare), gatePower: broad.gatePower };
      const views = calibrateViews(oofScores, broadOofScores, yOof, nClasses, tokens, gate, source);
      ({ calibration, scale: broadScale } = views);
      heldOut = { rows: oofRows, scores: views.mixed };
    } else {
      calibration = calibrateTemperature(oofScores, yOof, nClasses, source);
      heldOut = { rows: oofRows, scores: oofScores };
    }
  } else {
    const step = (epoch: number) =>
      hooks.onProgress?.({ phase: 'calibrate', epoch, maxEpochs: 1, trainLoss: NaN, validationLoss: null, validationAccuracy: null });
    step(0);
    // The cross-fit's own progress reports fits as 'tune' steps; here they are calibration work.
    ({ calibration, broadScale, heldOut } = heldOutCalibration(pipeline, pool, y, nClasses, dense, vectorizerParams, broad, {
      signal: hooks.signal,
      classHelper: hooks.classHelper,
    }));
    step(1);
  }
  // The top-label map bends what the temperature left (top-label-map.ts), on the same held-out rows.
  if (!reuse && heldOut && calibration)
    calibration = withTopLabelMap(
      calibration,
      heldOut.scores,
      Int32Array.from(heldOut.rows, (r) => y[r]!),
      nClasses,
    );
  let broadView: BroadView | null = null;
  if (broad) {
    // Both vocabularies rank by the same chi², whose class sums are the broad view's centroids.
    chi2 ??= pool.chi2(y, nClasses, vectorizerParams.chi2On);
    broadView = fitBroadView(pool, y, nClasses, vectorizerParams, broad, broadScale, chi2);
  }
  // The class sums (candidates × classes, hundreds of MB at 50k documents) are not needed past the
  // broad view: let them go before the training matrix is built.
  const chi2Scores = chi2?.scores;
  chi2 = undefined;
  const tuned = Date.now();
  const vectorizer = new TextVectorizer(vectorizerParams);
  const X = vectorizer.fitFromPool(pool, { y, nClasses }, chi2Scores, dense.width > 0 ? dense : undefined);
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
    broad: broadView,
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

/** The broad view's settings of a pipeline, or null when it has none (mljs, or turned off). */
export function broadParamsOf(params: PipelineParams): BroadParams | null {
  if (params.engine !== 'fast' || params.broad === false) return null;
  const broad = { ...defaultBroadParams, ...params.broad };
  return broad.features > 0 ? broad : null;
}

/** A temperature (and the broad view's scale) from held-out scores of an untuned engine: a 3-fold cross-fit, or one stratified holdout for mljs. */
function heldOutCalibration(
  pipeline: FitSubject,
  pool: TokenPool,
  y: Int32Array,
  nClasses: number,
  dense: { values: Float64Array; width: number },
  v: VectorizerParams,
  broad: BroadParams | null,
  hooks: FitHooks,
): { calibration: Calibration; broadScale: number; heldOut: HeldOutRows } {
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
    source = `predictions on a ${Math.round(fraction * 100)}% stratified holdout of the training documents, by a second model fitted (features included) on the other ${Math.round((1 - fraction) * 100)}%`;
  } else {
    foldOf = groupStratifiedKFold(y, groups, 3, pipeline.params.seed);
    scoredFolds = [0, 1, 2];
    source = 'out-of-fold predictions of a 3-fold cross-fit on the training documents (features chosen per fold)';
  }
  const fitter = new CrossFitter(pool, nClasses, y, dense.values, dense.width, docs, foldOf, scoredFolds, v.chi2On, false, broad);
  const [scores] = fitter.run([config], makeModel, hooks);
  const scored = docs.filter((d) => scoredFolds.includes(foldOf[d]!));
  const K = nClasses;
  const rowsOf = (all: Float64Array) => {
    const rows = new Float64Array(scored.length * K);
    scored.forEach((d, i) => rows.set(all.subarray(d * K, (d + 1) * K), i * K));
    return rows;
  };
  const yScored = Int32Array.from(scored, (d) => y[d]!);
  const scoredRows = Int32Array.from(scored);
  if (!broad) {
    const focused = rowsOf(scores!.full);
    return { calibration: calibrateTemperature(focused, yScored, K, source), broadScale: 1, heldOut: { rows: scoredRows, scores: focused } };
  }
  const broadScores = fitter.broadRun();
  const tokens = Int32Array.from(scored, (d) => pool.bodyTokens(d));
  const gate = { gateTokens: gateTokensOf(tokens, broad.gateShare), gatePower: broad.gatePower };
  const { calibration, scale, mixed } = calibrateViews(rowsOf(scores!.full), rowsOf(broadScores), yScored, K, tokens, gate, source);
  return { calibration, broadScale: scale, heldOut: { rows: scoredRows, scores: mixed } };
}
