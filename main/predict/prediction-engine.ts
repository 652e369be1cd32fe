/**
 * Prediction without storage: bytes → the import's parsers in the worker pool → text → the model
 * in the prediction worker → a prediction marked "needs review" below the threshold. Holds the
 * current model of its source (swapped when the source announces a change) and the review
 * threshold chosen from that model's validation predictions unless one is set. The app's
 * prediction service and the public API both run on it, so both answer alike for the same bytes.
 * Plain Node.
 */
import type { ModelInfo, PredictStatus, Prediction, ReviewThreshold, UnreadableStatus } from '../../preload/contract';
import type { ExtractResult } from '../import/extract/result';
import { createParsePool, type ParsePool } from '../import/parse-pool';
import type { ModelSource, ModelSourceState } from './model-source';
import { NoModelError } from './prediction-task';
import { createPredictor, type Predictor, type PredictorOptions } from './predictor';
import { chooseReviewThreshold } from './review-threshold';

/** One text's answer: a prediction, or why it got none. */
export type TextAnswer = { ok: true; prediction: Prediction } | { ok: false; status: UnreadableStatus; reason: string };

/** One file's answer; a prediction comes with the text it was made on. */
export type FileAnswer = { ok: true; prediction: Prediction; text: string; format: string } | { ok: false; status: UnreadableStatus; reason: string };

/** Options of the engine. */
export interface PredictionEngineOptions {
  source: ModelSource;
  /** A threshold set by the user (Settings, `serve --review-threshold`); null: the model's suggested one. */
  reviewThresholdOverride?: () => number | null;
  predictor?: PredictorOptions;
  /** Parse threads for dropped and uploaded files (default 1). */
  parseThreads?: number;
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
  let pool: ParsePool | null = null;
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
    const choice = chooseReviewThreshold(state.validation);
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

  /** Parses in the pool, then predicts the text; a file without usable text gets its status and sentence. */
  const predictParsed = async (parse: (parser: ParsePool) => Promise<ExtractResult>, name: string, signal?: AbortSignal): Promise<FileAnswer> => {
    await loading;
    requireModel();
    pool ??= createParsePool({ size: options.parseThreads ?? 1 });
    const parsed = await parse(pool);
    if (signal?.aborted) throw Object.assign(new Error('The prediction was cancelled.'), { name: 'AbortError' });
    if (parsed.status !== 'imported') return { ok: false, status: parsed.status, reason: parsed.reason };
    const [answer] = await engine.predictTexts([{ text: parsed.text, name }], signal);
    if (!answer!.ok) return answer!;
    return { ok: true, prediction: answer!.prediction, text: parsed.text, format: parsed.format };
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
    predictBytes: (bytes, name, signal) => predictParsed((parser) => parser.parseBytes(bytes, name), name, signal),
    predictPath: (filePath, name, signal) => predictParsed((parser) => parser.parse(filePath, name), name, signal),
    async close() {
      unsubscribe();
      await Promise.all([predictor.close(), pool?.close()]);
    },
  };
  return engine;
}
