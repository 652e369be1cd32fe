/** The handler for every contract method; adding a method to the contract without one here fails to compile. */
import nodePath from 'node:path';
import { contract, type AppInfo } from '../../preload/contract';
import { AppError } from './app-error';
import type { ImportService } from '../import/import-service';
import type { Db } from '../store/database';
import { schemaVersion } from '../store/database';
import type { DatasetRepo } from '../store/dataset-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { HandlersFor } from './dispatcher';
import type { EventBus } from './event-bus';
import { appVersion } from './version';

/** What the handlers are built from. */
export interface HandlerDeps {
  dataDir: string;
  databasePath: string;
  db: Db;
  events: EventBus;
  transport: AppInfo['transport'];
  settings: SettingsRepo;
  dataset: DatasetRepo;
  imports: ImportService;
  pickFolder?: () => Promise<string | null>;
}

/** Paths typed in the UI must be absolute: relative to what would be the server's working folder. */
function absolutePath(target: string): string {
  if (!nodePath.isAbsolute(target))
    throw new AppError('bad_input', `"${target}" is not a full path; give the whole path, e.g. /home/you/resumes or C:\\Users\\you\\resumes.`);
  return target;
}

/** Returns the contract with its complete handler map. */
export function createHandlers(deps: HandlerDeps) {
  const handlers: HandlersFor<typeof contract> = {
    'app.info': () => ({
      name: 'Resume Studio',
      version: appVersion,
      dataDir: deps.dataDir,
      databasePath: deps.databasePath,
      schemaVersion: schemaVersion(deps.db),
      transport: deps.transport,
      platform: process.platform,
    }),
    'dataset.summary': () => deps.dataset.summary(),
    'settings.get': () => deps.settings.get(),
    'settings.set': (patch) => {
      const next = deps.settings.set(patch);
      deps.events.emit('settings.changed', next);
      return next;
    },
    'dataset.health': () => deps.dataset.health(),
    'import.pickFolder': async () => (deps.pickFolder ? { supported: true, path: await deps.pickFolder() } : { supported: false, path: null }),
    'import.preview': ({ path, ...mapping }) => deps.imports.preview(absolutePath(path), mapping),
    'import.start': ({ path, ...mapping }) => deps.imports.start(absolutePath(path), mapping),
    'import.cancel': ({ jobId }) => deps.imports.cancel(jobId),
    'import.resume': ({ jobId }) => deps.imports.resume(jobId),
    'import.jobs': () => deps.imports.jobs(),
    'import.report': ({ jobId, status, offset, limit }) => deps.imports.report(jobId, status, offset, limit),
  };
  return { contract, handlers };
}
