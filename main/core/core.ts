/**
 * The composition root: builds the backend from a data directory. Used by the Electron shell,
 * the HTTP bridge, the CLI and tests alike. Plain Node; never imports electron. Each domain
 * brings its own handler group; they are spread into one map typed over the whole contract, so a
 * domain whose handlers are left out fails to compile.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract, type AppInfo, type MethodInput, type MethodName, type MethodOutput } from '../../preload/contract';
import { createApiHandlers } from '../api/api-handlers';
import { createApiService, type ApiService } from '../api/api-service';
import { wireCuration, type Curation } from '../curation/curation-wiring';
import { createDatasetHandlers } from '../curation/dataset-handlers';
import { createImportHandlers } from '../import/import-handlers';
import { createLabellingHandlers } from '../labelling/labelling-handlers';
import { createLabellingRefresher, type LabellingRefresher } from '../labelling/labelling-refresher';
import { createLabellingService, type LabellingService } from '../labelling/labelling-service';
import type { ImportService } from '../import/import-service';
import { lockHolderState } from '../import/process-identity';
import { wireImportService, type ImportTuning } from '../import/import-wiring';
import { resolveSampleDir } from '../import/sample-dir';
import { flagNearDuplicates } from '../import/near-duplicates';
import type { ModelSource } from '../predict/model-source';
import { createPredictHandlers } from '../predict/predict-handlers';
import { createPredictService } from '../predict/predict-service';
import { createPredictionEngine, type PredictionEngine } from '../predict/prediction-engine';
import { createPredictor } from '../predict/predictor';
import { studioModelSource } from '../predict/studio-model-source';
import { withBlindEvents, withBlindViews } from '../privacy/blind-views';
import { AppError } from '../rpc/app-error';
import { createDispatcher, type Dispatcher, type HandlersFor } from '../rpc/dispatcher';
import { createEventBus, type EventBus } from '../rpc/event-bus';
import { createSettingsHandlers } from '../settings/settings-handlers';
import { openDatabase, type Db } from '../store/database';
import { createWriteQueue } from '../store/write-queue';
import { prepareDataDir } from '../store/data-dir-checks';
import { createApiRepo } from '../store/api-repo';
import { createDatasetRepo } from '../store/dataset-repo';
import { createDocumentsRepo } from '../store/documents-repo';
import { createImportRepo } from '../store/import-repo';
import { createLabellingRepo } from '../store/labelling-repo';
import { createModelsRepo } from '../store/models-repo';
import { createNearDuplicateIndexRepo } from '../store/near-duplicate-index-repo';
import { createPredictionsRepo } from '../store/predictions-repo';
import { createSettingsRepo } from '../store/settings-repo';
import { createTrainingRepo } from '../store/training-repo';
import { createModelsHandlers } from '../models/models-handlers';
import { createTrainingHandlers } from '../training/training-handlers';
import { createTrainingService, type TrainingService } from '../training/training-service';
import { createEvaluationHandlers } from '../evaluation/evaluation-handlers';
import { createEvaluationService } from '../evaluation/evaluation-service';
import { createAppHandlers } from './app-handlers';
import { databaseFileIn } from './data-dir';
import { appVersion } from './version';

/** Everything a transport needs. */
export interface Core {
  dataDir: string;
  databasePath: string;
  db: Db;
  events: EventBus;
  imports: ImportService;
  /** Table queries, labelling with undo / redo and categories (the CLI's `label` and `export` use them directly). */
  curation: Curation;
  /** The bundled sample dataset's folder, or null when this copy has none. */
  sampleDir: string | null;
  training: TrainingService;
  /** "Label with suggestions": the queue, its answers and the labelling model's refreshes. */
  labelling: LabellingService;
  /** Prediction with the active model (app, in-app API, CLI). */
  prediction: PredictionEngine;
  /** The in-app prediction API (Settings). */
  api: ApiService;
  dispatcher: Dispatcher;
  /** Typed in-process call through the dispatcher (validation included); throws AppError on failure. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): Promise<void>;
}

/** Options for building the core. */
export interface CoreOptions {
  dataDir: string;
  transport: AppInfo['transport'];
  /** Native folder picker (Electron); browser mode and the CLI type a path instead. */
  pickFolder?: () => Promise<string | null>;
  /** Import tuning for tests and benchmarks. */
  importOptions?: ImportTuning;
  /** The bundled sample dataset's folder; default: found beside the app (null: none). */
  sampleDir?: string | null;
  /** Where prediction takes its model; default the studio's active model. */
  modelSource?: ModelSource;
  /** Wraps the labelling model's refresher (tests hold a refresh back to show the queue does not wait for it). */
  wrapLabellingRefresher?: (refresher: LabellingRefresher) => LabellingRefresher;
}

/** Opens the data directory (creating it), migrates the database and wires the handlers. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(options.dataDir);
  prepareDataDir(dataDir);
  const databasePath = databaseFileIn(dataDir);
  // What was done to the file before it opened (an empty one kept aside): told to the UI through
  // app.databaseHealth and to a terminal through stderr.
  let startupNotice: string | null = null;
  const db = await openDatabase(databasePath, {
    onNotice: (sentence) => {
      startupNotice = sentence;
      console.warn(sentence);
    },
  });
  const events = createEventBus();
  const documents = createDocumentsRepo(db);
  const models = createModelsRepo(db);
  const runs = createTrainingRepo(db, models);
  // A run left 'running' by a process that is gone was interrupted by a crash or a kill.
  runs.markInterrupted((owner) => lockHolderState(owner) === 'running');
  const dataset = createDatasetRepo(db, documents, undefined, { runs, models });
  const datasetSummary = () => dataset.summary();
  // The main thread's writes take turns with the curation thread's (see write-queue.ts).
  const writes = createWriteQueue();
  const imports = wireImportService({ db, documents, dataDir, databasePath, events, datasetSummary, writes, tuning: options.importOptions });
  const settings = createSettingsRepo(db);
  const curation = wireCuration({ db, documents, events, datasetSummary, isBlind: () => settings.get().blindMode, thread: { databasePath, writes } });
  // Electron sets process.resourcesPath (the packaged sample lives there); plain Node leaves it undefined.
  const sampleDir =
    options.sampleDir !== undefined
      ? options.sampleDir
      : resolveSampleDir({ resourcesPath: (process as { resourcesPath?: string }).resourcesPath, moduleDir: path.dirname(fileURLToPath(import.meta.url)) });
  const training = createTrainingService({
    databasePath,
    documents,
    runs,
    models,
    settings,
    events,
    writes,
    onDatasetChanged: () => events.emit('dataset.changed', dataset.summary()),
  });
  const evaluation = createEvaluationService({ runs, models, documents });
  const labelling = createLabellingService({
    databasePath,
    documents,
    labels: curation.labels,
    answers: createLabellingRepo(db),
    settings,
    events,
    refresher: (options.wrapLabellingRefresher ?? ((r) => r))(createLabellingRefresher()),
    suggester: createPredictor(),
    unlabelledIds: () => curation.list.matchingIds({ unlabelled: true, excluded: 'hide' }),
    writes,
    labelByModel: curation.labelByModel,
    // A CLI command labels once and exits: no refit after its change.
    autoRefresh: options.transport !== 'cli',
  });
  const prediction = createPredictionEngine({
    // The watch: a model the CLI's `train` activates in another process is picked up here too.
    source: options.modelSource ?? studioModelSource({ models, runs, events, watch: { db } }),
    reviewThresholdOverride: () => settings.get().reviewThreshold,
    isBlind: () => settings.get().blindMode,
    onStatusChanged: (status) => events.emit('predict.statusChanged', status),
  });
  // Near-duplicate checks of resumes added from predictions: close() stops and awaits them, so none
  // writes to (or reports a failure through) a database that is already closed.
  const addedChecks = new Set<Promise<void>>();
  const closing = new AbortController();
  const predict = createPredictService({
    engine: prediction,
    predictions: createPredictionsRepo(db),
    imports: createImportRepo(db, documents),
    events,
    afterDatasetChanged: () => {
      events.emit('dataset.changed', datasetSummary());
      // Added resumes are checked like imported ones; a failure is a sentence, never a lost addition.
      const check = flagNearDuplicates({ db, documents, index: createNearDuplicateIndexRepo(db), databasePath }, { signal: closing.signal }).then(
        ({ problem }) => void (problem && console.warn(problem)),
        // Stopped by close(): the documents stay unchecked and the next pass checks them.
        (error: Error) => void (error.name === 'AbortError' || console.warn(error.message)),
      );
      addedChecks.add(check);
      void check.finally(() => addedChecks.delete(check));
    },
  });
  const api = createApiService({ repo: createApiRepo(db), engine: prediction, events, version: appVersion, isBlind: () => settings.get().blindMode });
  const settingsHandlers = createSettingsHandlers({ settings, events });
  const handlers: HandlersFor<typeof contract> = {
    ...createAppHandlers({ dataDir, databasePath, db, transport: options.transport, startupNotice }),
    ...settingsHandlers,
    // A new review threshold changes every later prediction: announce it with the status.
    'settings.set': async (patch) => {
      const next = await settingsHandlers['settings.set'](patch);
      if ('reviewThreshold' in patch) prediction.thresholdChanged();
      return next;
    },
    ...createDatasetHandlers({ dataset }),
    ...createImportHandlers({ imports, pickFolder: options.pickFolder, sampleDir }),
    ...curation.handlers,
    ...createLabellingHandlers({ labelling }),
    ...createPredictHandlers({ predict }),
    ...createApiHandlers({ api }),
    ...createModelsHandlers({ models, runs, events }),
    ...createTrainingHandlers({ training, runs }),
    ...createEvaluationHandlers({ evaluation, training }),
  };
  const isBlind = () => settings.get().blindMode;
  const dispatcher = createDispatcher(contract, withBlindViews(handlers, { isBlind, documents }));
  // The app (not a CLI command) serves the prediction API again if the user left it on.
  if (options.transport !== 'cli') void api.resume();
  return {
    dataDir,
    databasePath,
    db,
    // Transports forward what they subscribe to: events that name files are masked in blind mode.
    events: withBlindEvents(events, isBlind),
    imports,
    curation,
    sampleDir,
    training,
    labelling,
    prediction,
    api,
    dispatcher,
    async call(method, input) {
      const result = await dispatcher.dispatch(method, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      return result.value as MethodOutput<typeof method>;
    },
    async close() {
      closing.abort();
      await Promise.all(addedChecks);
      await Promise.all([training.close(), labelling.close(), curation.close()]);
      await Promise.all([imports.close(), api.close(), prediction.close()]);
      db.close();
    },
  };
}
