/**
 * The composition root: builds the backend from a data directory. Used by the Electron shell,
 * the HTTP bridge, the CLI and tests alike. Plain Node; never imports electron.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppInfo, MethodInput, MethodName, MethodOutput } from '../../preload/contract';
import { AppError } from './app-error';
import { openDatabase, type Db } from '../store/database';
import { createImportService, type ImportService } from '../import/import-service';
import { createImportLock } from '../import/import-lock';
import { flagNearDuplicates } from '../import/near-duplicates';
import { createParsePool } from '../import/parse-pool';
import { createDatasetRepo } from '../store/dataset-repo';
import { createImportRepo } from '../store/import-repo';
import { createSettingsRepo } from '../store/settings-repo';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createEventBus, type EventBus } from './event-bus';
import { createHandlers } from './handlers';

/** Everything a transport needs. */
export interface Core {
  dataDir: string;
  databasePath: string;
  db: Db;
  events: EventBus;
  imports: ImportService;
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
  importOptions?: { batchSize?: number; poolSize?: number; perFileTimeoutMs?: number };
}

/** The default data directory when none is given: per-user, outside the install folder. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? home, 'Resume Studio');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Resume Studio');
  // Same folder as Electron's app.getPath('userData'), so the CLI and the app share one store.
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Resume Studio');
}

/** The data directory to use: an explicit flag, else RESUME_STUDIO_DATA_DIR, else the per-user default. */
export function resolveDataDir(flag?: string): string {
  return flag ?? process.env.RESUME_STUDIO_DATA_DIR ?? defaultDataDir();
}

/** Opens the data directory (creating it), migrates the database and wires the handlers. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const databasePath = path.join(dataDir, 'studio.sqlite');
  const db = await openDatabase(databasePath);
  const events = createEventBus();
  const dataset = createDatasetRepo(db);
  const tuning = options.importOptions ?? {};
  const poolSize = tuning.poolSize;
  const imports = createImportService({
    repo: createImportRepo(db),
    events,
    createParser: () => createParsePool({ size: poolSize, perFileTimeoutMs: tuning.perFileTimeoutMs }),
    batchSize: tuning.batchSize,
    lock: createImportLock(db),
    // Two files in flight per worker keeps every worker busy while the main thread reads and hashes.
    concurrency: 2 * (poolSize ?? Math.max(1, os.availableParallelism() - 1)),
    afterJob: async (job) => {
      if (job.counts.imported) {
        // Flags are advice for curation: if the search fails, the import itself still stands.
        await flagNearDuplicates(db, databasePath).catch((error: Error) => console.warn(`Near-duplicate search skipped: ${error.message}`));
      }
      events.emit('dataset.changed', dataset.summary());
    },
  });
  const handlers = createHandlers({
    dataDir,
    databasePath,
    db,
    events,
    transport: options.transport,
    settings: createSettingsRepo(db),
    dataset,
    imports,
    pickFolder: options.pickFolder,
  });
  const dispatcher = createDispatcher(handlers.contract, handlers.handlers);
  return {
    dataDir,
    databasePath,
    db,
    events,
    imports,
    dispatcher,
    async call(method, input) {
      const result = await dispatcher.dispatch(method, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      return result.value as MethodOutput<typeof method>;
    },
    async close() {
      await imports.close();
      db.close();
    },
  };
}
