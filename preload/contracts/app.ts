/** The `app.*` methods and events: what the backend is and where it keeps its data. Pure. */
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

/** The views the menu and the navigation can show. */
export type AppView = 'import' | 'dataset' | 'train' | 'evaluate' | 'predict' | 'settings';

/** The app domain's methods. */
export const appMethods = {
  'app.info': method<AppInfo>()(noInput),
} as const;

/** The app domain's events. */
export interface AppEvents {
  /**
   * The application menu asks the UI to show a view; `path` (with `import`) is a folder the
   * operating system asked the app to open, for the Import dialog's path box.
   */
  'ui.navigated': { view: AppView; path?: string };
}
