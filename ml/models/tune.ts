/**
 * Inner cross-validation for the fast engine, on the training rows only. Two stages over a small
 * grid: first every (feature count, title weight) at the middle C, then every C at the best of
 * those. Each setting is scored by out-of-fold macro-F1 on the documents as given and with their
 * first line removed; the best mean of the two wins, so a title weight must help both. Bounded: at
 * most `maxRows` documents (a stratified sample above that) and (|features|·|weights| + |C| − 1) ×
 * folds fits.
 */
import { macroF1 } from '../eval/metrics';
import { groupStratifiedKFold, groupStratifiedSplit } from '../eval/split';
import type { Chi2Result } from '../features/chi2';
import type { TokenPool } from '../features/token-pool';
import type { BroadParams } from './broad-view';
import { CrossFitter, duplicateGroups, type CrossFitConfig, type HeldOutScores } from './cross-fit';
import { argmaxRows, type FitHooks } from './estimator';
import { LinearSvmClassifier, type SvmParams } from './svm-classifier';

/** The values tried. */
export interface TuneGrid {
  features: number[];
  headlineWeight: number[];
  /** Tried at the best (features, title weight); the middle value is used to find those. */
  C: number[];
}

/** Settings of the inner cross-validation. */
export interface TuneOptions {
  folds: number;
  /** Above this many training documents, tune on a stratified sample of this size. */
  maxRows: number;
  grid: TuneGrid;
  /** "full+stripped": mean macro-F1 with and without each document's first line; "full": as given. */
  objective: 'full+stripped' | 'full';
  seed: number;
}

/**
 * Defaults: 3 folds, ≤ 3,000 documents, 4 settings (12 fits). The title weight stays at 0.5: in
 * 3-fold CV inside the reference's three training splits (never their test files), 0.5 added about
 * 2.6 macro-F1 points on whole resumes and cost 0.2 on title-stripped ones, where weight 1 added 4.2
 * and cost 1.7 — only the lower weight helps both. Add weights to the grid to tune it.
 */
export const defaultTuneOptions: TuneOptions = {
  folds: 3,
  maxRows: 3000,
  grid: { features: [1500, 3000], headlineWeight: [0.5], C: [0.25, 0.5, 1] },
  objective: 'full+stripped',
  seed: 42,
};

/** One tried setting and its out-of-fold scores. */
export interface TuneTrial extends CrossFitConfig {
  macroF1: number;
  strippedMacroF1: number;
  score: number;
}

/** What the inner cross-validation chose, how, and the out-of-fold scores of the choice (for calibration). */
export interface TuneResult {
  chosen: CrossFitConfig;
  objective: TuneOptions['objective'];
  folds: number;
  rows: number;
  trials: TuneTrial[];
  /** Pool document index of each tuning row, and its out-of-fold decision scores (rows × classes) under the chosen setting. */
  oofRows: Int32Array;
  oofScores: Float64Array;
  /** The broad view's out-of-fold scores of the same rows (null when it is off). */
  broadOofScores: Float64Array | null;
  /** chi² (and its class sums) over every training document when tuning saw them all (saves the final vectorizers a pass), else null. */
  chi2: Chi2Result | null;
}

/** Runs the inner cross-validation of the fast engine; see the file header. `dense` holds `width` engineered values per pool document. */
export function tuneFastEngine(
  pool: TokenPool,
  y: Int32Array,
  nClasses: number,
  dense: Float64Array,
  width: number,
  svm: Partial<SvmParams>,
  chi2On: 'presence' | 'tfidf',
  options: TuneOptions,
  broad: BroadParams | null,
  hooks: FitHooks = {},
): TuneResult {
  let docs: Int32Array = Int32Array.from({ length: pool.size }, (_, i) => i);
  if (docs.length > options.maxRows) docs = groupStratifiedSplit(y, duplicateGroups(pool, docs), 1 - options.maxRows / docs.length, options.seed).train;
  const yRows = Int32Array.from(docs, (d) => y[d]!);
  const foldOf = groupStratifiedKFold(yRows, duplicateGroups(pool, docs), options.folds, options.seed);
  const withStripped = options.objective === 'full+stripped';
  const folds = Array.from({ length: options.folds }, (_, f) => f);
  const fitter = new CrossFitter(pool, nClasses, y, dense, width, docs, foldOf, folds, chi2On, withStripped, broad);
  // C weighs a sum over rows: a fold fits fewer rows than the final model, so its C is scaled up by
  // the ratio to keep the same balance of loss and penalty (and comparable margins for calibration).
  const makeModel = (config: CrossFitConfig, trainRows: number) => new LinearSvmClassifier({ ...svm, C: (config.C * pool.size) / trainRows });
  const { grid } = options;
  const middleC = grid.C[Math.floor((grid.C.length - 1) / 2)]!;
  const stage1 = grid.features.flatMap((features) => grid.headlineWeight.map((headlineWeight) => ({ features, headlineWeight, C: middleC })));
  const totalFits = (stage1.length + grid.C.length - 1) * folds.length;
  let fitsBefore = 0;
  const stageHooks: FitHooks = {
    signal: hooks.signal,
    classHelper: hooks.classHelper,
    onProgress: (p) => hooks.onProgress?.({ ...p, epoch: fitsBefore + p.epoch, maxEpochs: totalFits }),
  };
  const trials: TuneTrial[] = [];
  const scores: HeldOutScores[] = [];
  const score = (configs: CrossFitConfig[]) => {
    const out = fitter.run(configs, makeModel, stageHooks);
    fitsBefore += configs.length * folds.length;
    configs.forEach((config, c) => {
      const full = macroF1(yRows, argmaxRows(out[c]!.full, nClasses), nClasses);
      const stripped = withStripped ? macroF1(yRows, argmaxRows(out[c]!.stripped!, nClasses), nClasses) : NaN;
      trials.push({ ...config, macroF1: full, strippedMacroF1: stripped, score: withStripped ? (full + stripped) / 2 : full });
      scores.push(out[c]!);
    });
  };
  // Ties go to the earlier trial (fewer features, lower title weight, then the middle C).
  const best = () => trials.reduce((b, t, i) => (t.score > trials[b]!.score + 1e-12 ? i : b), 0);
  score(stage1);
  const { features, headlineWeight } = trials[best()]!;
  fitter.keepMatricesOf(features, headlineWeight);
  score(grid.C.filter((C) => C !== middleC).map((C) => ({ features, headlineWeight, C })));
  const chosen = best();
  return {
    chosen: { features: trials[chosen]!.features, headlineWeight: trials[chosen]!.headlineWeight, C: trials[chosen]!.C },
    objective: options.objective,
    folds: options.folds,
    rows: docs.length,
    trials,
    oofRows: docs,
    oofScores: scores[chosen]!.full,
    broadOofScores: broad ? fitter.broadRun() : null,
    chi2: docs.length === pool.size ? fitter.chi2All() : null,
  };
}
