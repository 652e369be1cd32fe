/**
 * Prediction without storage: a file's bytes (or path) → the import's parsers and the model, both
 * in one request to a prediction thread → a prediction marked "needs review" below the threshold. Holds the
 * current model of its source (swapped when the source announces a change) and the review
 * threshold chosen from that model's validation predictions unless one is set. The app's
 * prediction service and the public API both run on it, so both answer alike for the same bytes.
 * Plain Node.
 */
import type { ModelInfo, PredictStatus, Prediction, ResumeText, ReviewThreshold, UnreadableStatus } from '../../preload/contract';
import { parseFailureOutcome } from '../parsing/parse-pool';
import type { ParseSource } from '../parsing/parse-task';
import { WorkerTaskError } from '../workers/worker-failure';
import type { ModelSource, ModelSourceState } from './model-source';
import { NoModelError, type FileOutcome } from './prediction-task';
import { createPredictor, defaultPredictionHeapMb, defaultPredictionTimeoutMs, type Predictor, type PredictorOptions } from './predictor';
import { chooseReviewThreshold } from './review-threshold';

/** One text's answer: a prediction, or why it got none. */
export type TextAnswer = { ok: true; prediction: Prediction } | { ok: false; status: UnreadableStatus; reason: ResumeText };

/** One file's answer; a prediction comes with the text it was made on (and, for bytes, their size and hash). */
export type FileAnswer = FileOutcome;

/** Options of the engine. */
export interface PredictionEngineOptions {
  source: ModelSource;
  /** A threshold set by the user (Settings, `serve --review-threshold`); null: the model's suggested one. */
  reviewThresholdOverride?: () => number | null;
  predictor?: PredictorOptions;
  /** Called after the model or the threshold changed. */
  onStatusChanged?: (status: PredictStatus) => void;
  /** Blind mode (Settings): personal data is removed from every text before the model sees it. */
  isBlind?: () => boolean;
}

/** Prediction for the app and the API. */
export interface PredictionEngine {
  /** Resolves once the first model is loaded (or known to be missing). */
  ready(): Promise<PredictStatus>;
  status(): PredictStatus;
  /** Reads the source again (the active model changed). */
  refresh(): Promise<PredictStatus>;
  /** Announces the status again after the threshold setting changed (the model stays loaded). */
  thresholdChanged(): PredictStatus;
  predictTexts(items: { text: string; name: string | null }[], signal?: AbortSignal): Promise<TextAnswer[]>;
  predictBytes(bytes: Uint8Array, name: string, signal?: AbortSignal): Promise<FileAnswer>;
  /** Reads and predicts a file on this machine (the CLI); unreadable paths get the import's io_error sentences. */
  predictPath(filePath: string, name: string, signal?: AbortSignal): Promise<FileAnswer>;
  close(): Promise<void>;
}

/** Creates the engine and starts loading its source's model. */
export function createPredictionEngine(options: PredictionEngineOptions): PredictionEngine {
  const predictor: Predictor = createPredictor(options.predictor);
  const predictionTimeoutMs = options.predictor?.requestTimeoutMs ?? defaultPredictionTimeoutMs;
  const predictionHeapMb = options.predictor?.maxOldGenerationSizeMb ?? defaultPredictionHeapMb;
  let status: PredictStatus = { model: null, reviewThreshold: null, reason: 'The model is loading.' };
  let suggested: { value: number; basis: string } | null = null;
  let loading: Promise<PredictStatus> = Promise.resolve(status);

  const threshold = (): ReviewThreshold | null => {
    if (!suggested) return null;
    const custom = options.reviewThresholdOverride?.() ?? null;
    return { value: custom ?? suggested.value, suggested: suggested.value, isCustom: custom !== null, basis: suggested.basis };
  };

  // The first load is not a change anyone waits to hear about; later ones are.
  let isFirstLoad = true;
  const publish = (model: ModelInfo | null, reason: string | null) => {
    status = { model, reviewThreshold: model ? threshold() : null, reason };
    if (!isFirstLoad) options.onStatusChanged?.(status);
    return status;
  };

  const load = async (): Promise<PredictStatus> => {
    // In a task of its own: a new model is announced inside the task that stored it, with the run's
    // events and the dataset's counts, and reading its JSON (15-37 ms at 200k resumes) there made
    // one main-thread stall of ~70 ms of the two.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      return await loadFromSource();
    } catch (error) {
      // The predictor stopped (closing) or a thread failed: no model, with the reason.
      suggested = null;
      return publish(null, (error as Error).message);
    }
  };

  const loadFromSource = async (): Promise<PredictStatus> => {
    let state: ModelSourceState;
    try {
      state = options.source.read();
    } catch (error) {
      await predictor.setModel(null);
      return publish(null, (error as Error).message);
    }
    if (!state.entry) {
      await predictor.setModel(null);
      suggested = null;
      return publish(null, state.reason);
    }
    const choice = state.reviewThreshold ?? chooseReviewThreshold(state.validation);
    suggested = { value: choice.threshold, basis: choice.basis };
    try {
      return publish(await predictor.setModel(state.entry), null);
    } catch (error) {
      suggested = null;
      return publish(null, (error as Error).message);
    }
  };

  // Changes are loaded one after another, so the last change always wins.
  const refresh = () =>
    (loading = loading.then(load, load).finally(() => {
      isFirstLoad = false;
    }));
  const unsubscribe = options.source.subscribe(() => void refresh());
  void refresh();

  const requireModel = (): { threshold: number } => {
    const current = status;
    if (!current.model || !current.reviewThreshold) throw new NoModelError(current.reason ?? 'No model is loaded.');
    return { threshold: current.reviewThreshold.value };
  };

  /**
   * Reads and predicts a file in one request to a prediction thread; a file it cannot read gets its
   * status and sentence, as the importer words them (a parse that hangs or crashes takes the
   * thread with it, which is replaced and reloads the model).
   */
  const predictFile = async (source: ParseSource, name: string, signal?: AbortSignal): Promise<FileAnswer> => {
    await loading;
    const { threshold } = requireModel();
    try {
      return await predictor.predictFile({ source, fileName: name, options: { reviewThreshold: threshold, blind: options.isBlind?.() ?? false } }, signal);
    } catch (error) {
      if (!(error instanceof WorkerTaskError) || error.failure.kind === 'failed') throw error;
      const outcome = parseFailureOutcome(error.failure, predictionTimeoutMs, predictionHeapMb);
      if (outcome instanceof Error) throw error;
      return { ok: false, status: outcome.status as UnreadableStatus, reason: (outcome as { reason: string }).reason };
    }
  };

  const engine: PredictionEngine = {
    ready: () => loading,
    status: () => (status.model ? { ...status, reviewThreshold: threshold() } : status),
    refresh,
    thresholdChanged: () => publish(status.model, status.reason),
    async predictTexts(items, signal) {
      await loading;
      const { threshold } = requireModel();
      const outcomes = await predictor.predict(items, { reviewThreshold: threshold, blind: options.isBlind?.() ?? false }, signal);
      return outcomes.map((o) => (o.ok ? o : { ok: false, status: o.status, reason: o.reason }));
    },
    predictBytes: (bytes, name, signal) => predictFile({ kind: 'bytes', bytes }, name, signal),
    predictPath: (filePath, name, signal) => predictFile({ kind: 'path', filePath }, name, signal),
    async close() {
      unsubscribe();
      await predictor.close();
    },
  };
  return engine;
}
