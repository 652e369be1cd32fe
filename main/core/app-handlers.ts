/** Handlers of the `app.*` methods: what this backend is, as the composition root built it. Plain Node. */
import type { AppInfo, appMethods } from '../../preload/contract';
import type { HandlersFor } from '../rpc/dispatcher';
import { AppError } from '../rpc/app-error';
import { schemaVersion, type Db } from '../store/database';
import { appVersion } from './version';

/** What the app handlers report on. */
export interface AppHandlerDeps {
  dataDir: string;
  databasePath: string;
  db: Db;
  transport: AppInfo['transport'];
  /** What opening the database had to do first (an empty file kept aside), or null. */
  startupNotice?: string | null;
}

/** The app domain's handler group. */
export function createAppHandlers(deps: AppHandlerDeps): HandlersFor<typeof appMethods> {
  return {
    'app.info': () => ({
      name: 'Resume Studio',
      version: appVersion,
      dataDir: deps.dataDir,
      databasePath: deps.databasePath,
      schemaVersion: schemaVersion(deps.db),
      transport: deps.transport,
      platform: process.platform,
    }),
    // This core opened the database, so it passed the integrity check at start; the message says
    // what opening it had to do first, if anything.
    'app.databaseHealth': () => ({ status: 'ok', databasePath: deps.databasePath, message: deps.startupNotice ?? null, problems: [], backup: null }),
    'app.restoreDatabase': () => {
      throw new AppError('conflict', `The database ${deps.databasePath} passed its integrity check at start and is in use; there is nothing to restore.`);
    },
  };
}
