/**
 * The main thread's handle on prediction: worker threads that hold the current model, swapped
 * when `setModel` is called (the active model changed), so no prediction blocks the UI or the
 * HTTP loop. A thread that dies is replaced and reloads the model by itself. Plain Node; used by
 * the prediction service (app, public API) and the CLI.
 */
import type { ModelInfo } from '../../preload/contract';
import { createResidentWorker, type ResidentWorker } from '../workers/resident-worker';
import type { WorkerEntry } from '../workers/spawn';
import type { DocumentOutcome, ModelSourceEntry, PredictDocumentOptions } from './predict-document';
import type { PredictionReply, PredictionRequest } from './prediction-task';

/** Where the prediction worker lives, bundled and as source. */
export const predictionWorkerEntry: WorkerEntry = { bundledName: 'prediction-worker', sourcePath: 'predict/prediction-worker.ts' };

/** Options of the predictor. */
export interface PredictorOptions {
  /** Worker threads (default 1: the app predicts a file at a time; `serve` may use more). */
  threads?: number;
  /** Heap limit per thread; default 512 MB. */
  maxOldGenerationSizeMb?: number;
  requestTimeoutMs?: number;
}

/** Prediction off the main thread, with one current model. */
export interface Predictor {
  /** Loads `entry` (null: no model) in every thread; resolves with its info, rejects with a sentence when it cannot be loaded. */
  setModel(entry: ModelSourceEntry | null): Promise<ModelInfo | null>;
  /** The info of the model last loaded, or null. */
  model(): ModelInfo | null;
  /** Predicts texts with the current model; a refused text gets its sentence in place of a prediction. */
  predict(items: { text: string; name: string | null }[], options: PredictDocumentOptions, signal?: AbortSignal): Promise<DocumentOutcome[]>;
  close(): Promise<void>;
}

/** Creates a predictor; its threads start with the first model or request. */
export function createPredictor(options: PredictorOptions = {}): Predictor {
  let entry: ModelSourceEntry | null = null;
  let info: ModelInfo | null = null;
  const worker: ResidentWorker<PredictionRequest, PredictionReply> = createResidentWorker(predictionWorkerEntry, {
    taskName: 'Prediction',
    size: options.threads ?? 1,
    maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 512,
    requestTimeoutMs: options.requestTimeoutMs,
    // A new or replacement thread loads the current model before its first request.
    prelude: () => [{ kind: 'load', entry }],
  });
  return {
    async setModel(next) {
      entry = next;
      info = null;
      // No model and no thread yet: nothing to unload, and no reason to start a thread.
      if (next === null && worker.threadsRunning() === 0) return null;
      const replies = await worker.broadcast({ kind: 'load', entry: next });
      const reply = replies[0];
      info = reply?.kind === 'loaded' ? reply.info : null;
      return info;
    },
    model: () => info,
    async predict(items, predictOptions, signal) {
      const reply = await worker.request({ kind: 'predict', items, options: predictOptions }, { signal });
      if (reply.kind !== 'predicted') throw new Error('The prediction worker answered out of turn.');
      return reply.outcomes;
    },
    close: () => worker.close(),
  };
}
