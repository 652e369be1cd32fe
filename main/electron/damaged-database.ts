/**
 * A damaged database at start, in the desktop app: a native dialog says what is wrong and offers
 * restoring the newest intact backup (or, without one, an empty database); the damaged file is kept
 * aside, and the app then starts normally. Electron is injected (the dialog's promise), so it is
 * unit-tested without it; imported by main/electron/index.ts.
 */
import path from 'node:path';
import type { MessageBoxOptions } from 'electron';
import { DatabaseDamagedError } from '../store/integrity';
import type { RestoreOutcome } from '../../preload/contract';

/** What the flow needs from the shell and the store. */
export interface DamagedDatabaseDeps {
  /** dialog.showMessageBox without a window (none is open yet). */
  ask(options: MessageBoxOptions): Promise<{ response: number }>;
  restore(file: string, from: 'backup' | 'empty'): RestoreOutcome;
  log(message: string): void;
}

/** Restores tried in one start before giving up (each restore replaces the file, so one suffices). */
const maxRestores = 2;

/** The dialog for a refused database: the finding, what restoring costs, and the two choices. */
export function damagedDatabaseDialog(damaged: DatabaseDamagedError, productName: string): MessageBoxOptions & { buttons: string[] } {
  const finding = `${damaged.databasePath} failed SQLite's integrity check (${damaged.problems[0] ?? 'unknown damage'}). Nothing was written to it.`;
  const offer = damaged.backup
    ? `Restore the newest intact backup, made ${new Date(damaged.backup.modifiedMs).toLocaleString()}? Changes made since then are lost. The damaged file is kept beside it as ${path.basename(damaged.databasePath)}.corrupt-….`
    : `There is no intact backup. Start with an empty database? The damaged file is kept beside it as ${path.basename(damaged.databasePath)}.corrupt-….`;
  return {
    type: 'error',
    title: productName,
    message: 'The database is damaged',
    detail: `${finding}\n\n${offer}`,
    buttons: [damaged.backup ? 'Restore Backup' : 'Start With an Empty Database', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

/**
 * Opens the core; a damaged database is offered a restore, then opened again. Resolves to null when
 * the user chose Quit; other start-up failures are thrown as before.
 */
export async function openWithRestore<T>(open: () => Promise<T>, deps: DamagedDatabaseDeps, productName: string): Promise<T | null> {
  for (let restores = 0; ; restores++) {
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof DatabaseDamagedError) || restores >= maxRestores) throw error;
      deps.log(error.message);
      const { response } = await deps.ask(damagedDatabaseDialog(error, productName));
      if (response !== 0) return null;
      const outcome = deps.restore(error.databasePath, error.backup ? 'backup' : 'empty');
      deps.log(`Restored ${error.databasePath} from ${outcome.restoredFrom ?? 'nothing (empty database)'}; kept aside: ${outcome.keptAsidePaths.join(', ')}`);
    }
  }
}
