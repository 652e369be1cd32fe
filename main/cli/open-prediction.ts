/**
 * Prediction for the CLI (`predict`, `serve`): from a model file, or from a data directory's active
 * model with the review threshold set in its Settings. Plain Node.
 */
import path from 'node:path';
import { fileModelSource, type ModelSource } from '../predict/model-source';
import { createPredictionEngine, type PredictionEngine } from '../predict/prediction-engine';
import type { PredictorOptions } from '../predict/predictor';
import { studioModelSource } from '../predict/studio-model-source';
import { openDatabase } from '../store/database';
import { prepareDataDir } from '../store/data-dir-checks';
import { createModelsRepo } from '../store/models-repo';
import { createTrainingRepo } from '../store/training-repo';
import { createEventBus } from '../rpc/event-bus';
import { createSettingsRepo } from '../store/settings-repo';
import { resolveDataDir } from '../core/data-dir';

/** Where the model comes from and how to predict. */
export interface PredictionSetup {
  /** A model file; wins over the data directory. */
  modelFile?: string;
  /** The data directory whose active model is used (default: the usual one). */
  dataDir?: string;
  /** A fixed review threshold; default: the data directory's setting, else the model's suggestion. */
  reviewThreshold?: number;
  predictor?: PredictorOptions;
  /** How often the data directory is checked for a model activated by another process (tests shorten it). */
  pollMs?: number;
}

/** An engine and what to close with it. */
export interface OpenedPrediction {
  engine: PredictionEngine;
  /** Says where the model came from, for the first line a command prints. */
  origin: string;
  /** The data directory's blind mode, read per call (a model file has none: false). */
  isBlind: () => boolean;
  close(): Promise<void>;
}

/** Builds the engine for `setup` and waits for its model. */
export async function openPrediction(setup: PredictionSetup): Promise<OpenedPrediction> {
  let source: ModelSource;
  let threshold: () => number | null = () => setup.reviewThreshold ?? null;
  let closeDb = () => undefined as void;
  let isBlind = () => false;
  let origin: string;
  if (setup.modelFile) {
    source = fileModelSource(setup.modelFile);
    origin = `model file ${path.resolve(setup.modelFile)}`;
  } else {
    const dataDir = path.resolve(resolveDataDir(setup.dataDir));
    prepareDataDir(dataDir);
    const db = await openDatabase(path.join(dataDir, 'studio.sqlite'));
    const settings = createSettingsRepo(db);
    // Nothing in this process activates a model, so its bus stays silent; the app or the CLI's
    // `train` may, in another process: the source watches the database for that (serve follows it).
    const models = createModelsRepo(db);
    source = studioModelSource({ models, runs: createTrainingRepo(db, models), events: createEventBus(), watch: { db, intervalMs: setup.pollMs } });
    threshold = () => setup.reviewThreshold ?? settings.get().reviewThreshold;
    // Blind mode is the data directory's, as in the app: texts are masked before the model, names in answers.
    isBlind = () => settings.get().blindMode;
    closeDb = () => db.close();
    origin = `the active model of ${dataDir}`;
  }
  const engine = createPredictionEngine({ source, reviewThresholdOverride: threshold, predictor: setup.predictor, isBlind: () => isBlind() });
  await engine.ready();
  return {
    engine,
    origin,
    isBlind: () => isBlind(),
    async close() {
      await engine.close();
      closeDb();
    },
  };
}
