/**
 * Opens the SQLite store: an integrity check first (a damaged file is refused untouched), then one
 * writer connection, WAL, foreign keys, busy timeout, migrations under PRAGMA user_version with an
 * online backup first (the newest few kept). Plain Node; imported by main/core only.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../rpc/app-error';
import { readOnlyReason, writableCode } from './data-dir-checks';
import { assertIntact, DatabaseDamagedError, listBackups, missingCompanions, newestGoodBackup, removeCompanions, withReadOnly } from './integrity';
import { migrations as defaultMigrations, type Migration } from './migrations';

/**
 * WAL pages after which a commit checkpoints. Checkpoints run on the committing thread (the main
 * one); small, frequent ones keep each pause short. During imports they move to a worker
 * (wal-checkpointer.ts).
 */
export const automaticCheckpointPages = 256;

/**
 * What a WAL file is cut back to after the log starts over (journal_size_limit): without it the
 * file keeps its largest size until the connection closes.
 */
export const journalSizeLimitBytes = 64 * 1024 * 1024;

/** The connection type every repository takes. */
export type Db = Database.Database;

/** Options for tests: a different migration list, a fixed clock for backup names. */
export interface OpenOptions {
  migrations?: Migration[];
  now?: () => Date;
  /** Backups kept next to the file; older ones are deleted after a new one is made. Default 3. */
  keepBackups?: number;
  /** Hears what was done to the file before opening it (an empty file kept aside), as a sentence for the user. */
  onNotice?: (sentence: string) => void;
}

/**
 * A zero-length database file (a disk that filled as it was created, a copy cut short) would open
 * as a new, empty studio with no word; it holds nothing, but the user should hear that their data
 * is not in it. It is moved aside (kept, never deleted) and the sentence saying so is returned.
 * A zero-length file with a non-empty -wal is left to SQLite: its content may all sit in the log.
 */
export function setAsideEmptyFile(file: string, now: () => Date): string | null {
  if (!fs.existsSync(file) || fs.statSync(file).size > 0) return null;
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return null;
  const aside = `${file}.empty-${now().toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(file, aside);
  fs.rmSync(`${file}-shm`, { force: true });
  fs.rmSync(wal, { force: true });
  return `The database ${file} was an empty file (0 bytes), so it held no resumes; it was kept aside as ${aside} and a new, empty database was created in its place.`;
}

/** Reads user_version without writing anything to the file (WAL mode would change the header). */
function readUserVersion(file: string): number {
  try {
    // The live database (another process may be using it): its -wal / -shm are never removed.
    return withReadOnly(
      file,
      (probe) => probe.pragma('user_version', { simple: true }) as number,
      () => false,
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    // A file whose header is not a database's (or is damaged beyond reading) is damage too: the
    // same restore path as a failed integrity check.
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new DatabaseDamagedError(file, newestGoodBackup(file), [(error as Error).message]);
    throw new AppError('failed', `Cannot open the database ${file}: ${(error as Error).message}. It was not changed.`);
  }
}

/** Opens (creating if needed) and migrates the database at `file`. */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const list = options.migrations ?? defaultMigrations;
  const latest = list.at(-1)?.version ?? 0;
  const folderWritable = !fs.existsSync(path.dirname(file)) || writableCode(path.dirname(file)) === null;
  const notice = folderWritable ? setAsideEmptyFile(file, options.now ?? (() => new Date())) : null;
  if (notice) options.onNotice?.(notice);
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  // SQLite's own words for these ("unable to open database file", "attempt to write a readonly
  // database") do not say what to do.
  const folderCode = writableCode(path.dirname(file));
  if (fs.existsSync(path.dirname(file)) && folderCode) throw new AppError('failed', readOnlyReason(`The data folder ${path.dirname(file)}`, folderCode));
  const fileCode = exists ? writableCode(file) : null;
  if (fileCode) throw new AppError('failed', readOnlyReason(`The database ${file}`, fileCode));
  if (exists) {
    // The looks below leave the -wal / -shm they create (another process may be using this database);
    // if the file is then refused, the ones they created are removed so it is left as it was.
    const createdByLooks = missingCompanions(file);
    try {
      const found = readUserVersion(file);
      if (found > latest) {
        throw new AppError(
          'conflict',
          `The database ${file} was written by a newer version of Resume Studio (schema ${found}, this version knows ${latest}). ` +
            'It was not opened or changed; update Resume Studio to use it.',
        );
      }
      // Before anything writes or migrates: a damaged file taking new rows only spreads the damage.
      assertIntact(file);
    } catch (error) {
      removeCompanions(createdByLooks);
      throw error;
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    configure(db);
    await migrate(db, file, list, options.now ?? (() => new Date()), options.keepBackups ?? 3);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The settings every connection to the studio database uses (each connection has its own). */
function configure(db: Db): void {
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // Checkpoints run on the committing thread; small, frequent ones keep each pause short
  // (measured: max ~26 ms at the default 1000 pages, ~7-11 ms at 256).
  db.pragma(`wal_autocheckpoint = ${automaticCheckpointPages}`);
  db.pragma(`journal_size_limit = ${journalSizeLimitBytes}`);
}

/**
 * A second connection to a database `openDatabase` has already opened, checked and migrated (for a
 * worker thread): same settings, no checks or migrations of its own.
 */
export function openConnection(file: string): Db {
  const db = new Database(file, { fileMustExist: true });
  try {
    configure(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies pending migrations, each in its own transaction, after backing the file up once. */
async function migrate(db: Db, file: string, list: Migration[], now: () => Date, keepBackups: number): Promise<void> {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    await db.backup(`${file}.v${current}.${stamp}.bak`);
    // A migration that keeps failing is retried at every start; without pruning each try leaves
    // another full copy of the database.
    for (const old of listBackups(file).slice(Math.max(1, keepBackups))) fs.rmSync(old.path, { force: true });
  }
  for (const migration of pending) {
    try {
      db.transaction(() => {
        db.exec(migration.up);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'failed',
        `Migration ${migration.version} (${migration.name}) failed and was rolled back; the database stays at schema ${
          db.pragma('user_version', { simple: true }) as number
        }: ${reason}`,
      );
    }
  }
}

/** The schema version of an open database. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
