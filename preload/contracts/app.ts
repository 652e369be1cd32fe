/** The `app.*` methods and events: what the backend is and where it keeps its data. Pure. */
import { z } from 'zod';
import { method, noInput } from './define';

/** What `app.info` tells about the running backend. */
export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  transport: 'electron' | 'http' | 'cli';
  platform: string;
}

/** Whether the backend opened its database, and the way back when it refused a damaged one. */
export interface DatabaseHealth {
  status: 'ok' | 'damaged';
  databasePath: string;
  /** What is wrong and what to do, in sentences; when ok, what opening it had to do first (an empty file kept aside), else null. */
  message: string | null;
  /** SQLite's own findings; empty when ok. */
  problems: string[];
  /** The newest backup that passes the integrity check (what a restore copies in), or null. */
  backup: { path: string; modifiedAt: string } | null;
}

/** What restoring a damaged database did. */
export interface RestoreOutcome {
  /** The backup copied in, or null when the store starts empty. */
  restoredFrom: string | null;
  /** Where the damaged file (and its -wal / -shm) now are: kept, never deleted. */
  keptAsidePaths: string[];
}

/** The views the menu and the navigation can show. */
export type AppView = 'import' | 'dataset' | 'train' | 'evaluate' | 'predict' | 'label' | 'settings';

/** The app domain's methods. */
export const appMethods = {
  'app.info': method<AppInfo>()(noInput),
  'app.databaseHealth': method<DatabaseHealth>()(noInput),
  /** Only while the database is refused as damaged: the newest intact backup, or an empty store; the damaged file is kept aside. */
  'app.restoreDatabase': method<RestoreOutcome>()(z.object({ from: z.enum(['backup', 'empty']) }).strict()),
} as const;

/** The app domain's events. */
export interface AppEvents {
  /**
   * The application menu asks the UI to show a view; `path` (with `import`) is a folder the
   * operating system asked the app to open, for the Import dialog's path box.
   */
  'ui.navigated': { view: AppView; path?: string };
}
