/** One mapping from a run's settings to the engine's pipeline parameters, used by the worker, the CLI and the benchmark. Plain TypeScript. */
import { blindNormalizeOptions, defaultVectorizerFor, type EngineName, type PipelineParams, type VectorizerParams } from '../../ml/index';
import type { TrainingParams } from '../../preload/contract';

/** The engine's own defaults for the Advanced settings: its n-grams; features and C chosen by its inner cross-validation (null). */
export function engineDefaults(engine: EngineName): Pick<TrainingParams, 'ngramMax' | 'maxFeatures' | 'regularization'> {
  return { ngramMax: defaultVectorizerFor(engine).ngramMax ?? 2, maxFeatures: null, regularization: null };
}

/**
 * The pipeline parameters of a run. Settings equal to the engine's defaults are left out, so a run
 * with default settings writes the same model bytes as the engine called with none. A fixed feature
 * count or C turns the fast engine's inner cross-validation off (it would otherwise choose them).
 */
export function pipelineParamsOf(
  params: Pick<TrainingParams, 'engine' | 'seed'> & { ngramMax: 1 | 2 | null; maxFeatures: number | null; regularization: number | null; blind?: boolean },
): Partial<PipelineParams> {
  const defaults = engineDefaults(params.engine);
  const isFixed = params.maxFeatures !== null || params.regularization !== null;
  const vectorizer: Partial<VectorizerParams> = {
    ...(params.ngramMax !== null && params.ngramMax !== defaults.ngramMax ? { ngramMax: params.ngramMax } : {}),
    ...(params.maxFeatures !== null ? { chi2Features: params.maxFeatures } : {}),
    // Blind: the model's cleaner masks personal data, at training and at every later prediction (it is saved with the model).
    ...(params.blind ? { normalize: { ...blindNormalizeOptions } } : {}),
  };
  return {
    engine: params.engine,
    seed: params.seed,
    ...(Object.keys(vectorizer).length > 0 ? { vectorizer } : {}),
    ...(params.regularization !== null ? { fast: { C: params.regularization } } : {}),
    ...(isFixed && params.engine === 'fast' ? { tune: false as const } : {}),
  };
}
