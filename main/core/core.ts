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
import { createDatasetRepo } from '../store/dataset-repo';
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
  dispatcher: Dispatcher;
  /** Typed in-process call through the dispatcher (validation included); throws AppError on failure. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): Promise<void>;
}

/** Options for building the core. */
export interface CoreOptions {
  dataDir: string;
  transport: AppInfo['transport'];
}

/** The default data directory when none is given: per-user, outside the install folder. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? home, 'Resume Studio');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Resume Studio');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'resume-studio');
}

/** Opens the data directory (creating it), migrates the database and wires the handlers. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const databasePath = path.join(dataDir, 'studio.sqlite');
  const db = await openDatabase(databasePath);
  const events = createEventBus();
  const handlers = createHandlers({
    dataDir,
    databasePath,
    db,
    events,
    transport: options.transport,
    settings: createSettingsRepo(db),
    dataset: createDatasetRepo(db),
  });
  const dispatcher = createDispatcher(handlers.contract, handlers.handlers);
  return {
    dataDir,
    databasePath,
    db,
    events,
    dispatcher,
    async call(method, input) {
      const result = await dispatcher.dispatch(method, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      return result.value as MethodOutput<typeof method>;
    },
    async close() {
      db.close();
    },
  };
}
