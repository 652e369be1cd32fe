/**
 * The main thread's handle on prediction: worker threads that hold the current model, swapped
 * when `setModel` is called (the active model changed), so no prediction blocks the UI or the
 * HTTP loop. A thread that dies is replaced and reloads the model by itself. Plain Node; used by
 * the prediction service (app, public API) and the CLI.
 */
import os from 'node:os';
import type { ModelInfo } from '../../preload/contract';
import type { WorkerEntry } from '../workers/spawn';
import { createWorkerGroup, type WorkerGroup } from '../workers/worker-group';
import type { DocumentOutcome, ModelSourceEntry, PredictDocumentOptions } from './predict-document';
import type { FileOutcome, FileRequest, PredictionWorkerApi } from './prediction-task';

/** Where the prediction worker lives, bundled and as source. */
export const predictionWorkerEntry: WorkerEntry = { bundledName: 'prediction-worker', sourcePath: 'predict/prediction-worker.ts' };

/** Fewest texts a batch sends to one thread when it is split; below, messaging costs more than it shares. */
export const minTextsPerThread = 8;

/**
 * How a batch of `count` texts is cut for `threads` threads: contiguous [start, end) ranges of near
 * equal size, at most one per thread and none under minTextsPerThread (one range when it is small).
 */
export function splitBatch(count: number, threads: number): [number, number][] {
  const parts = Math.max(1, Math.min(threads, Math.floor(count / minTextsPerThread)));
  return Array.from({ length: parts }, (_, i) => [Math.floor((i * count) / parts), Math.floor(((i + 1) * count) / parts)]);
}

/**
 * Most prediction threads `serve` starts by default: each holds its own copy of the model, and past
 * a few the one main thread's HTTP and JSON work is the limit (run more processes behind a load
 * balancer instead).
 */
export const maxDefaultServeThreads = 4;

/** The prediction threads `serve` starts without --threads: one per core, at most maxDefaultServeThreads. */
export function defaultServeThreads(): number {
  return Math.max(1, Math.min(maxDefaultServeThreads, os.availableParallelism()));
}

/** Heap limit of a prediction thread by default: a model plus the largest file the parsers read. */
export const defaultPredictionHeapMb = 512;
/** A request (a file read and predicted, or a batch of texts) that takes longer stops its thread, by default. */
export const defaultPredictionTimeoutMs = 30_000;

/** Options of the predictor. */
export interface PredictorOptions {
  /**
   * Worker threads (default 1: the app gets its files two at a time and parsing one costs far more
   * than predicting it, so a second thread would only hold a second model; `serve` uses defaultServeThreads).
   */
  threads?: number;
  /** Heap limit per thread; default 512 MB. */
  maxOldGenerationSizeMb?: number;
  requestTimeoutMs?: number;
  /** The worker to start (tests start one that misbehaves on cue); default the prediction worker. */
  workerEntry?: WorkerEntry;
}

/** Prediction off the main thread, with one current model. */
export interface Predictor {
  /** Loads `entry` (null: no model) in every thread; resolves with its info, rejects with a sentence when it cannot be loaded. */
  setModel(entry: ModelSourceEntry | null): Promise<ModelInfo | null>;
  /** The info of the model last loaded, or null. */
  model(): ModelInfo | null;
  /** Reads a file (bytes, which move to the thread, or a path) and predicts it in one request to a thread. */
  predictFile(request: FileRequest, signal?: AbortSignal): Promise<FileOutcome>;
  /** Predicts texts with the current model; a refused text gets its sentence in place of a prediction. */
  predict(items: { text: string; name: string | null }[], options: PredictDocumentOptions, signal?: AbortSignal): Promise<DocumentOutcome[]>;
  /** Threads running now (they start on demand, up to `threads`). */
  threadsRunning(): number;
  close(): Promise<void>;
}

/** Creates a predictor; its threads start with the first model or request. */
export function createPredictor(options: PredictorOptions = {}): Predictor {
  let entry: ModelSourceEntry | null = null;
  let info: ModelInfo | null = null;
  const size = Math.max(1, Math.floor(options.threads ?? 1));
  const group: WorkerGroup<PredictionWorkerApi> = createWorkerGroup<PredictionWorkerApi>(options.workerEntry ?? predictionWorkerEntry, {
    taskName: 'Prediction',
    afterDeath: 'restarted',
    prefixTaskErrors: false,
    size,
    maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? defaultPredictionHeapMb,
    requestTimeoutMs: options.requestTimeoutMs ?? defaultPredictionTimeoutMs,
    // A new or replacement thread loads the current model before its first request.
    setup: () => [{ kind: 'load', input: { entry } }],
  });
  return {
    async setModel(next) {
      entry = next;
      info = null;
      // No model and no thread yet: nothing to unload, and no reason to start a thread.
      if (next === null && group.stats().threadsRunning === 0) return null;
      const [loaded] = await group.broadcast('load', { entry: next });
      info = loaded ?? null;
      return info;
    },
    model: () => info,
    async predict(items, predictOptions, signal) {
      // A batch is shared out over the threads, so one client's batch uses every core. The parts are
      // posted in one synchronous step, so a model swap (also a message to each thread) lands before
      // or after all of them, never between two; each text's answer does not depend on the others.
      const parts = splitBatch(items.length, size);
      const replies = await Promise.all(
        parts.map(([start, end]) => group.request('predict', { items: items.slice(start, end), options: predictOptions }, { signal })),
      );
      return replies.flat();
    },
    predictFile(request, signal) {
      // Bytes that own their whole buffer (a dropped file's copy) move to the thread instead of being
      // copied; a view into a shared buffer (a pooled Buffer) is copied.
      const { source } = request;
      const owned = source.kind === 'bytes' && source.bytes.byteOffset === 0 && source.bytes.byteLength === source.bytes.buffer.byteLength;
      const transfer = owned && source.bytes.buffer instanceof ArrayBuffer ? [source.bytes.buffer] : undefined;
      return group.request('file', request, { signal, transfer });
    },
    threadsRunning: () => group.stats().threadsRunning,
    close: () => group.close(),
  };
}
