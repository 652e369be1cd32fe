/**
 * The shell's logger: electron-log writing to logs/main.log in the data directory. Only the main
 * process logs through it; the renderer is not wired to it (that would need another preload).
 * Electron shell only.
 */
import path from 'node:path';
import log from 'electron-log/main';

/** The shell logger; call setupLog before the first message that should reach the file. */
export const shellLog = log.scope('shell');

/** Points the file transport at <dataDir>/logs/main.log and records uncaught errors there. */
export function setupLog(dataDir: string): string {
  const file = path.join(dataDir, 'logs', 'main.log');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  // No dialog: the user sees errors in the UI; the file is for bug reports.
  log.errorHandler.startCatching({ showDialog: false });
  return file;
}
