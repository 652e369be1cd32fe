/**
 * The prediction worker's handlers: it holds one loaded model and answers "load this model" and
 * "predict these texts" requests in order, so a model swap lands between two requests, never
 * inside one. No prediction logic lives here (predict-document.ts has it). Served by
 * prediction-worker.ts; the main thread imports the types and NoModelError only.
 */
import type { ModelInfo } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import type { WorkerHandlers } from '../workers/serve-worker';
import { loadModel, predictDocument, type DocumentOutcome, type LoadedModel, type ModelSourceEntry, type PredictDocumentOptions } from './predict-document';

/** The prediction worker's interface. */
export type PredictionWorkerApi = {
  load: { input: { entry: ModelSourceEntry | null }; result: ModelInfo | null; progress: never };
  predict: { input: { items: { text: string; name: string | null }[]; options: PredictDocumentOptions }; result: DocumentOutcome[]; progress: never };
};

/** There is no model to predict with; the message says what to do. Thrown in the worker and on the main thread alike. */
export class NoModelError extends AppError {
  constructor(reason = 'No model is loaded for prediction; train one or choose an active model first.') {
    super('conflict', reason);
    this.name = 'NoModelError';
  }
}

/** Creates the stateful handlers: one model at a time, replaced by each `load`. */
export function createPredictionHandlers(): WorkerHandlers<PredictionWorkerApi> {
  let model: LoadedModel | null = null;
  let loadError: Error | null = null;
  return {
    load({ entry }) {
      // A model that fails to load leaves none (answering with the previous one would mislabel its
      // predictions), and every prediction until the next load says why.
      model = null;
      loadError = null;
      try {
        model = entry ? loadModel(entry) : null;
      } catch (error) {
        loadError = error as Error;
        throw error;
      }
      return model?.info ?? null;
    },
    predict({ items, options }) {
      if (loadError) throw loadError;
      if (!model) throw new NoModelError();
      const loaded = model;
      return items.map((item) => predictDocument(loaded, item.text, item.name, options));
    },
  };
}
