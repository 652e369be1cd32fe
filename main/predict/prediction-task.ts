/**
 * The prediction worker's task: it holds one loaded model and answers "load this model" and
 * "predict these texts" requests in order, so a model swap lands between two requests, never
 * inside one. No prediction logic lives here (predict-document.ts has it). Served by
 * prediction-worker.ts; the main thread imports the types only.
 */
import type { ModelInfo } from '../../preload/contract';
import { loadModel, predictDocument, type DocumentOutcome, type LoadedModel, type ModelSourceEntry, type PredictDocumentOptions } from './predict-document';

/** A request to the prediction worker. */
export type PredictionRequest =
  { kind: 'load'; entry: ModelSourceEntry | null } | { kind: 'predict'; items: { text: string; name: string | null }[]; options: PredictDocumentOptions };

/** The worker's answer to one request. */
export type PredictionReply = { kind: 'loaded'; info: ModelInfo | null } | { kind: 'predicted'; outcomes: DocumentOutcome[] };

/** Thrown when a prediction is asked of a worker that holds no model. */
export class NoModelError extends Error {
  override name = 'NoModelError';
  constructor() {
    super('No model is loaded for prediction; train one or choose an active model first.');
  }
}

/** Creates the stateful handler: one model at a time, replaced by each `load`. */
export function createPredictionTask(): (request: PredictionRequest) => PredictionReply {
  let model: LoadedModel | null = null;
  let loadError: Error | null = null;
  return (request) => {
    if (request.kind === 'load') {
      // A model that fails to load leaves none (answering with the previous one would mislabel its
      // predictions), and every prediction until the next load says why.
      model = null;
      loadError = null;
      try {
        model = request.entry ? loadModel(request.entry) : null;
      } catch (error) {
        loadError = error as Error;
        throw error;
      }
      return { kind: 'loaded', info: model?.info ?? null };
    }
    if (loadError) throw loadError;
    if (!model) throw new NoModelError();
    const loaded = model;
    return { kind: 'predicted', outcomes: request.items.map((item) => predictDocument(loaded, item.text, item.name, request.options)) };
  };
}
