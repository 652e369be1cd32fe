/**
 * What configures a pipeline and what its tuning reports: the types fit-plan.ts and pipeline.ts
 * share, here so that neither imports the other (the pipeline hands fit-plan its params and a
 * model factory).
 */
import type { EngineeredOptions } from '../features/engineered';
import type { VectorizerParams } from '../features/vectorizer';
import type { BroadParams } from './broad-view';
import type { MljsParams } from './mljs-adapter';
import type { SvmParams } from './svm-classifier';
import type { TuneOptions, TuneResult } from './tune';

/** The available engines. */
export type EngineName = 'fast' | 'mljs';

/** Everything that configures a pipeline. */
export interface PipelineParams {
  engine: EngineName;
  /** Seeds every random choice of a fit (solver order, inner folds, calibration holdout). */
  seed: number;
  vectorizer: Partial<VectorizerParams>;
  engineered: Partial<EngineeredOptions>;
  fast: Partial<SvmParams>;
  mljs: Partial<MljsParams>;
  /** Inner cross-validation of the fast engine; false keeps the given C, feature count and title weight. */
  tune: Partial<TuneOptions> | false;
  /** The fast engine's broad view for short texts; false leaves it out (mljs never has one). */
  broad: Partial<BroadParams> | false;
  /** Share of the training rows held out to calibrate engines that are not tuned by cross-validation. */
  calibrationHoldout: number;
}

/** Per-engine vectorizer defaults: TF-IDF 1–2-grams, headline terms, chi² on TF-IDF mass; 3k (fast, tuned) or 2k (mljs, dense). */
export function defaultVectorizerFor(engine: EngineName): Partial<VectorizerParams> {
  return {
    weighting: 'tfidf',
    ngramMax: 2,
    minDf: 2,
    maxDf: 0.9,
    sublinearTf: true,
    norm: 'l2',
    headlineTokens: 5,
    headlineWeight: engine === 'mljs' ? 1 : 0.5,
    chi2On: engine === 'mljs' ? 'presence' : 'tfidf',
    chi2Features: engine === 'mljs' ? 2000 : 3000,
  };
}

/** What the inner cross-validation chose and how (stored in the model). */
export type TuningSummary = Omit<TuneResult, 'oofRows' | 'oofScores' | 'broadOofScores' | 'chi2'>;
