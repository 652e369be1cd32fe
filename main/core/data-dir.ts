/** Where the data directory is: one rule for the app, the browser mode and the CLI. Plain Node. */
import os from 'node:os';
import path from 'node:path';

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

/** The database file inside a data directory: one name for the app, the CLI and `restore`. */
export function databaseFileIn(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'studio.sqlite');
}
