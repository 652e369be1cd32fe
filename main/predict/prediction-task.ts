/**
 * The prediction worker's handlers: it holds one loaded model and answers "load this model",
 * "predict these texts" and "read this file and predict it" requests in order, so a model swap
 * lands between two requests, never inside one. A file is parsed and predicted in the same request
 * (one trip to a thread per dropped file). No parsing or prediction logic lives here (parse-task.ts
 * and predict-document.ts have it). Served by prediction-worker.ts; the main thread imports the
 * types and NoModelError only.
 */
import { createHash } from 'node:crypto';
import type { ModelInfo, Prediction, ResumeText, UnreadableStatus } from '../../preload/contract';
import { parseTask, type ParseSource } from '../parsing/parse-task';
import { AppError } from '../rpc/app-error';
import type { WorkerHandlers } from '../workers/serve-worker';
import { loadModel, predictDocument, type DocumentOutcome, type LoadedModel, type ModelSourceEntry, type PredictDocumentOptions } from './predict-document';

/** A file to read and predict: where its bytes come from, its name, and the prediction options. */
export interface FileRequest {
  source: ParseSource;
  fileName: string;
  maxBytes?: number;
  options: PredictDocumentOptions;
}

/**
 * One file's answer: a prediction with the text it was made on and, for bytes sent along (a dropped
 * file), their size and SHA-256 so the main thread can store it without them; or why there is none.
 */
export type FileOutcome =
  | { ok: true; prediction: Prediction; text: ResumeText; format: string; sizeBytes: number | null; contentHash: string | null }
  | { ok: false; status: UnreadableStatus; reason: ResumeText };

/** The prediction worker's interface. */
export type PredictionWorkerApi = {
  load: { input: { entry: ModelSourceEntry | null }; result: ModelInfo | null; progress: never };
  predict: { input: { items: { text: string; name: string | null }[]; options: PredictDocumentOptions }; result: DocumentOutcome[]; progress: never };
  file: { input: FileRequest; result: FileOutcome; progress: never };
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
      const loaded = requireModel();
      return items.map((item) => predictDocument(loaded, item.text, item.name, options));
    },
    async file({ source, fileName, maxBytes, options }) {
      const loaded = requireModel();
      const parsed = await parseTask({ source, fileName, maxBytes });
      if (parsed.status !== 'imported') return { ok: false, status: parsed.status, reason: parsed.reason };
      const outcome = predictDocument(loaded, parsed.text, fileName, options);
      if (!outcome.ok) return outcome;
      const bytes = source.kind === 'bytes' ? source.bytes : null;
      return {
        ok: true,
        prediction: outcome.prediction,
        text: parsed.text,
        format: parsed.format,
        sizeBytes: bytes?.byteLength ?? null,
        contentHash: bytes ? createHash('sha256').update(bytes).digest('hex') : null,
      };
    },
  };

  function requireModel(): LoadedModel {
    if (loadError) throw loadError;
    if (!model) throw new NoModelError();
    return model;
  }
}
