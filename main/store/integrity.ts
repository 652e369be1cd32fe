/**
 * The database's health at start: SQLite's `PRAGMA quick_check` on a read-only connection, before
 * anything writes (or migrates), and the newest backup to point to when it fails. A damaged file
 * is refused as data (DatabaseDamagedError: path, backup, problems) so a restore screen can be
 * built on it. Plain Node; used by main/store/database.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../rpc/app-error';

/** What quick_check found. */
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

/** Runs quick_check on `file` through a read-only connection (nothing is written to it). */
export function quickCheck(file: string, maxProblems = 10): IntegrityReport {
  const startMs = performance.now();
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = probe.pragma(`quick_check(${maxProblems})`) as { quick_check: string }[];
    // SQLite prefixes the first finding with a "*** in database main ***" line; keep the findings.
    const lines = rows.flatMap((row) => row.quick_check.split('\n')).filter((line) => line && !line.startsWith('***'));
    const ok = lines.length === 1 && lines[0] === 'ok';
    return { ok, problems: ok ? [] : lines, checkMs: performance.now() - startMs };
  } catch (error) {
    // A page so broken that the check itself cannot read it is damage too.
    return { ok: false, problems: [(error as Error).message], checkMs: performance.now() - startMs };
  } finally {
    probe.close();
  }
}

/** A database that failed its integrity check; it was not opened for writing. */
export class DatabaseDamagedError extends AppError {
  /** Discriminates this failure for a restore screen (issue 13). */
  readonly kind = 'database_damaged';
  constructor(
    readonly databasePath: string,
    /** The newest backup next to it, or null when there is none. */
    readonly backupPath: string | null,
    readonly problems: string[],
  ) {
    const advice = backupPath
      ? `The newest backup is ${backupPath}: quit Resume Studio, move the damaged file aside and copy the backup in its place (changes since that backup are lost).`
      : 'There is no backup next to it: quit Resume Studio and move the damaged file aside to start again with an empty one, or try `sqlite3 <file> .recover` on a copy.';
    super(
      'failed',
      `The database ${databasePath} is damaged (SQLite's integrity check says: ${problems[0] ?? 'unknown damage'}). ` +
        `It was left exactly as it is and nothing was written to it. ${advice}`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

/** Throws DatabaseDamagedError when `file` fails quick_check; returns the report otherwise. */
export function assertIntact(file: string): IntegrityReport {
  const report = quickCheck(file);
  if (!report.ok) throw new DatabaseDamagedError(file, listBackups(file)[0]?.path ?? null, report.problems);
  return report;
}
