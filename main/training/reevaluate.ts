/**
 * Recomputes a stored run's holdout report from the database, independently of what the run stored:
 * the same snapshot (checked by its hash), the same split and parameters, a fresh fit. `resume-studio
 * eval --data-dir DIR --run N` prints it, and a test checks it equals what the UI shows. Plain Node.
 */
import { findDuplicateGroups, holdoutEvaluation, type EvaluationReport } from '../../ml/index';
import type { RunDetail } from '../../preload/contract';
import { MIN_DOCUMENTS_PER_CATEGORY } from './plan';
import { pipelineParamsOf } from './pipeline-params';
import { readSnapshot, usableCorpus } from './snapshot';

/** The holdout report of `run` recomputed from the database; throws a sentence when the data changed since. */
export function reevaluateRun(databasePath: string, run: RunDetail): EvaluationReport {
  if (run.state !== 'finished') throw new Error(`run ${run.id} ${run.state}; only a finished run can be evaluated again`);
  const snapshot = readSnapshot(databasePath, MIN_DOCUMENTS_PER_CATEGORY, { blind: run.params.blind });
  if (snapshot.hash !== run.datasetHash)
    throw new Error(`the labelled documents changed since run ${run.id} (relabelled, excluded or imported); train again to evaluate the current data`);
  const corpus = usableCorpus(snapshot);
  return holdoutEvaluation(corpus, pipelineParamsOf(run.params), {
    testFraction: run.params.testFraction,
    seed: run.params.seed,
    groups: findDuplicateGroups(corpus.texts),
  }).report;
}
