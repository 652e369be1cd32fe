/**
 * The way back from a damaged database: the newest backup that passes the integrity check is
 * copied in, and the damaged file (with its -wal / -shm) is kept aside under a dated name, never
 * deleted. With no good backup, the damaged file is only moved aside and the next start creates an
 * empty store. Runs while nothing has the database open (the app refused to open it). Plain Node;
 * used by the recovery dispatcher (main/core/recovery.ts), the Electron shell and `resume-studio restore`.
 */
import fs from 'node:fs';
import { AppError } from '../rpc/app-error';
import type { RestoreOutcome } from '../../preload/contract';
import { checkIntegrity, newestGoodBackup } from './integrity';

/** SQLite's companion files, which belong to the file they sit next to. */
const companions = ['-wal', '-shm', '-journal'];

/** True when `file` exists and fails the integrity check (or cannot even be read as a database). */
export function isDamaged(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  // The live database: a look at an intact one must not remove the companions another process uses.
  return !checkIntegrity(file, { maxProblems: 1, companions: 'keep-if-intact' }).ok;
}

/** The dated name the damaged file is kept under, e.g. `studio.sqlite.corrupt-2026-11-30T10-00-00-000Z`. */
export function asideName(file: string, now: Date): string {
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * Restores `file` from its newest good backup (`from: 'backup'`) or lets it start empty
 * (`from: 'empty'`); the damaged file is kept aside either way. Refuses a healthy file, since a
 * restore would throw away everything since the backup.
 */
export function restoreDatabase(file: string, from: 'backup' | 'empty', now: () => Date = () => new Date()): RestoreOutcome {
  if (!isDamaged(file)) {
    throw new AppError('conflict', `The database ${file} passed its integrity check; there is nothing to restore.`);
  }
  const backup = from === 'backup' ? newestGoodBackup(file) : null;
  if (from === 'backup' && !backup) {
    throw new AppError('not_found', `There is no intact backup next to ${file}; move the damaged file aside to start with an empty database instead.`);
  }
  const aside = asideName(file, now());
  // The backup is copied (and checked) under a temporary name first, so the damaged file is only
  // touched once a good replacement is ready; the final rename swaps it in atomically.
  const staged = backup ? `${file}.restoring` : null;
  if (backup && staged) {
    fs.copyFileSync(backup.path, staged);
    if (!checkIntegrity(staged).ok) {
      fs.rmSync(staged, { force: true });
      throw new AppError('failed', `The copy of the backup ${backup.path} failed its integrity check; nothing was changed.`);
    }
  }
  // A hard link keeps the damaged bytes under the aside name while `file` stays in place, so no
  // moment exists where the data folder has no database and a start would create an empty one.
  try {
    fs.linkSync(file, aside);
  } catch {
    fs.copyFileSync(file, aside, fs.constants.COPYFILE_EXCL);
  }
  const kept = [aside];
  // A stale WAL replayed over the restored file would write the damaged pages back into it.
  for (const suffix of companions) {
    if (!fs.existsSync(`${file}${suffix}`)) continue;
    fs.renameSync(`${file}${suffix}`, `${aside}${suffix}`);
    kept.push(`${aside}${suffix}`);
  }
  if (staged) fs.renameSync(staged, file);
  else fs.rmSync(file);
  return { restoredFrom: backup?.path ?? null, keptAsidePaths: kept };
}
