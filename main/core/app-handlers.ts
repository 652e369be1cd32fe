/** Handlers of the `app.*` methods: what this backend is, as the composition root built it. Plain Node. */
import type { AppInfo, appMethods } from '../../preload/contract';
import type { HandlersFor } from '../rpc/dispatcher';
import { schemaVersion, type Db } from '../store/database';
import { appVersion } from './version';

/** What the app handlers report on. */
export interface AppHandlerDeps {
  dataDir: string;
  databasePath: string;
  db: Db;
  transport: AppInfo['transport'];
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
  };
}
