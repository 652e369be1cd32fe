/**
 * Stores a finished run's result: the per-document predictions in small batches (so the main
 * thread never blocks for long on 50k rows), then the run, its model and the activation in one
 * transaction. A crash between the two leaves a 'running' run that the next start marks
 * interrupted, with the previous model still active. Plain Node.
 */
import type { TrainingParams } from '../../preload/contract';
import type { StoredPrediction, TrainingRepo } from '../store/training-repo';
import type { TrainTaskResult } from './train-task';

/** Rows per write batch: each batch is one short transaction between event-loop turns. */
const rowsPerBatch = 2000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the predictions, then finishes the run and activates its model; returns the model id. */
export async function storeFinishedRun(
  runs: TrainingRepo,
  runId: number,
  params: TrainingParams,
  result: TrainTaskResult,
  signal: AbortSignal,
): Promise<number> {
  for (const columns of result.predictions) {
    const n = columns.documentIds.length;
    for (let start = 0; start < n; start += rowsPerBatch) {
      if (signal.aborted) throw Object.assign(new Error('Training was cancelled.'), { name: 'AbortError' });
      const batch: StoredPrediction[] = [];
      for (let i = start; i < Math.min(n, start + rowsPerBatch); i++)
        batch.push({
          source: columns.source,
          documentId: columns.documentIds[i]!,
          trueCategory: result.classes[columns.trueIndex[i]!]!,
          predictedCategory: result.classes[columns.predictedIndex[i]!]!,
          confidence: columns.confidence[i]!,
          trueProbability: columns.trueProbability[i]!,
        });
      runs.addPredictions(runId, batch);
      await nextTurn();
    }
  }
  return runs.finish(runId, {
    datasetHash: result.datasetHash,
    documents: result.documents,
    classes: result.classes.length,
    features: result.features,
    holdout: result.holdout,
    calibration: result.calibration,
    cv: result.cv,
    split: result.split,
    timings: result.timings,
    epochs: result.epochs,
    reviewThreshold: result.reviewThreshold,
    model: {
      origin: 'trained',
      // No count in the name: pages show the count beside it, formatted, and two spellings of one number read as two numbers.
      name: `Run ${runId} · ${params.engine} engine`,
      format: 'resume-studio.text-classifier',
      modelJson: result.modelJson,
      engine: params.engine,
      classes: result.classes,
      documents: result.documents,
      dataHash: result.datasetHash,
      macroF1: result.holdout.macro.f1,
    },
  });
}
