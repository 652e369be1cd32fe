/**
 * The learning curve of a run, computed on request in the training worker: macro-F1 on the run's
 * dedup-aware test split as the training side grows. It re-reads the snapshot and refuses when the
 * data no longer is what the run trained on. Plain Node over ml/.
 */
import { findDuplicateGroups, learningCurve } from '../../ml/index';
import type { LearningCurvePoint, TrainingParams } from '../../preload/contract';
import { pipelineParamsOf } from './pipeline-params';
import { readSnapshot, usableCorpus } from './snapshot';

/** What the learning-curve task is asked. */
export interface LearningCurveInput {
  databasePath: string;
  params: TrainingParams;
  minDocumentsPerCategory: number;
  /** The run's dataset hash; a different snapshot is refused. */
  datasetHash: string;
}

/** Computes the curve, or throws a sentence when the data changed since the run. */
export function runLearningCurveTask(input: LearningCurveInput, signal?: AbortSignal): LearningCurvePoint[] {
  const snapshot = readSnapshot(input.databasePath, input.minDocumentsPerCategory, { blind: input.params.blind });
  if (snapshot.hash !== input.datasetHash)
    throw new Error(
      'The labelled documents changed since this run (relabelled, excluded or imported), so its learning curve cannot be rebuilt; train again to see the curve of the current data.',
    );
  if (signal?.aborted) throw Object.assign(new Error('The learning curve was cancelled.'), { name: 'AbortError' });
  const corpus = usableCorpus(snapshot);
  return learningCurve(corpus, pipelineParamsOf(input.params), {
    seed: input.params.seed,
    groups: findDuplicateGroups(corpus.texts),
    fractions: [0.1, 0.25, 0.5, 0.75, 1],
  });
}
