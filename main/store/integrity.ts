/**
 * The database's health at start: SQLite's `PRAGMA integrity_check` on a read-only connection,
 * before anything writes (or migrates), and the newest backup to point to when it fails. The full
 * check, not quick_check: quick_check does not compare indexes with their tables, so a damaged
 * UNIQUE index passed it and the app then stored a duplicate text (issue 22); bench:integrity
 * measures what the difference costs. A damaged file
 * is refused as data (DatabaseDamagedError: path, newest intact backup, problems); main/store/restore.ts
 * is the way back. Plain Node; used by main/store/database.ts and the restore paths.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../rpc/app-error';

/** What the integrity check found. */
export interface IntegrityReport {
  ok: boolean;
  /** SQLite's own lines, at most `maxProblems` of them; empty when ok. */
  problems: string[];
  checkMs: number;
}

/** The backups that migrations leave next to the database (`<file>.v<N>.<stamp>.bak`), newest first. */
export function listBackups(file: string): { path: string; modifiedMs: number }[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .map((name) => {
      const full = path.join(dir, name);
      return { path: full, modifiedMs: fs.statSync(full).mtimeMs };
    })
    .sort((a, b) => b.modifiedMs - a.modifiedMs || b.path.localeCompare(a.path));
}

/** The newest backup next to `file` that passes the integrity check, or null; broken newer ones are skipped. */
export function newestGoodBackup(file: string): { path: string; modifiedMs: number } | null {
  for (const backup of listBackups(file)) if (checkIntegrity(backup.path).ok) return backup;
  return null;
}

/**
 * Runs `read` on a read-only connection to `file`. A read-only connection to a file in WAL mode
 * creates -wal / -shm and leaves them behind; a look must not litter a folder, so the ones it
 * created are removed when the -wal holds nothing and `removeCreated(result)` agrees. Not for a
 * healthy database another process may open meanwhile: deleting the -shm of a live WAL database
 * breaks SQLite's locking between processes (two writers could both claim the import lock).
 */
export function withReadOnly<T>(file: string, read: (db: Database.Database) => T, removeCreated: (result: T | undefined) => boolean = () => true): T {
  const created = missingCompanions(file);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let result: T | undefined;
  try {
    result = read(db);
    return result;
  } finally {
    db.close();
    if (removeCreated(result)) removeCompanions(created);
  }
}

/** The -wal / -shm of `file` that do not exist yet (a look at it is about to create them). */
export function missingCompanions(file: string): string[] {
  return ['-wal', '-shm'].map((suffix) => `${file}${suffix}`).filter((companion) => !fs.existsSync(companion));
}

/** Removes these companion files, unless the -wal among them holds data (it is then part of the database). */
export function removeCompanions(companions: string[]): void {
  const wal = companions.find((companion) => companion.endsWith('-wal'));
  if (!(wal && fs.existsSync(wal) && fs.statSync(wal).size > 0)) for (const companion of companions) fs.rmSync(companion, { force: true });
}

/** Options of an integrity check. */
export interface IntegrityCheckOptions {
  /** SQLite's findings kept (default 10). */
  maxProblems?: number;
  /**
   * The -wal / -shm the look created are removed for a backup (`'remove'`, the default); for a
   * database the app may be using (`'keep-if-intact'`) only when it is damaged, since it is then
   * refused as it was.
   */
  companions?: 'remove' | 'keep-if-intact';
  /** 'full' (default): integrity_check, indexes compared with their tables; 'quick': quick_check, for the benchmark's comparison. */
  level?: 'full' | 'quick';
}

/** Runs SQLite's integrity check on `file` through a read-only connection (nothing is written to it). */
export function checkIntegrity(file: string, options: IntegrityCheckOptions = {}): IntegrityReport {
  const { maxProblems = 10, companions = 'remove', level = 'full' } = options;
  const pragma = level === 'full' ? 'integrity_check' : 'quick_check';
  const startMs = performance.now();
  return withReadOnly(
    file,
    (probe) => {
      try {
        const rows = probe.pragma(`${pragma}(${maxProblems})`) as Record<string, string>[];
        // SQLite prefixes the first finding with a "*** in database main ***" line; keep the findings.
        const lines = rows.flatMap((row) => row[pragma]!.split('\n')).filter((line) => line && !line.startsWith('***'));
        const ok = lines.length === 1 && lines[0] === 'ok';
        return { ok, problems: ok ? [] : lines, checkMs: performance.now() - startMs };
      } catch (error) {
        // A page so broken that the check itself cannot read it is damage too.
        return { ok: false, problems: [(error as Error).message], checkMs: performance.now() - startMs };
      }
    },
    (report) => companions === 'remove' || report?.ok === false,
  );
}

/** A database that failed its integrity check; it was not opened for writing. */
export class DatabaseDamagedError extends AppError {
  /** Discriminates this failure for a restore screen (issue 13). */
  readonly kind = 'database_damaged';
  constructor(
    readonly databasePath: string,
    /** The newest backup next to it that passes the check, or null when there is none. */
    readonly backup: { path: string; modifiedMs: number } | null,
    readonly problems: string[],
  ) {
    const restoreCommand = `resume-studio restore${backup ? '' : ' --empty'} --data-dir "${path.dirname(databasePath)}"`;
    const advice = backup
      ? `The newest intact backup is ${backup.path} (made ${new Date(backup.modifiedMs).toISOString()}): Resume Studio offers to restore it when it starts, ` +
        `or run \`${restoreCommand}\`; the damaged file is kept beside it, and changes since the backup are lost.`
      : 'There is no intact backup next to it: Resume Studio offers to move the damaged file aside (it is kept) and start with an empty database, ' +
        `or run \`${restoreCommand}\`; to rescue its rows, try \`sqlite3 <file> .recover\` on a copy.`;
    super(
      'failed',
      `The database ${databasePath} is damaged (SQLite's integrity check says: ${problems[0] ?? 'unknown damage'}). ` +
        `It was left exactly as it is and nothing was written to it. ${advice}`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

/** Throws DatabaseDamagedError when `file` fails the integrity check; returns the report otherwise. */
export function assertIntact(file: string): IntegrityReport {
  // The live database: other processes (the app, the CLI) may have it open, so its companions stay.
  const report = checkIntegrity(file, { companions: 'keep-if-intact' });
  if (!report.ok) throw new DatabaseDamagedError(file, newestGoodBackup(file), report.problems);
  return report;
}
