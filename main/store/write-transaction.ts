/**
 * A write transaction that other processes on the same data folder cannot turn into a raw
 * "database is locked". It begins IMMEDIATE, so the connection's busy timeout applies while
 * another process (the app relabelling, a CLI command) holds the write lock, and the reads inside
 * see that process's result. A deferred transaction would read first and then, on its first
 * write, fail at once if the other process had committed meanwhile (SQLite cannot upgrade a stale
 * snapshot). When the other process holds the lock past the timeout, the caller gets a sentence
 * and nothing is written. Plain Node; used by the labelling actions.
 */
import { AppError } from '../rpc/app-error';
import type { Db } from './database';

/** True when SQLite gave up waiting for another connection (SQLITE_BUSY and its extended codes). */
export function isBusyError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');
}

/** The sentence for a write that waited for another process in vain. */
export function busySentence(db: Db): string {
  const seconds = Math.round((db.pragma('busy_timeout', { simple: true }) as number) / 1000);
  return `Another Resume Studio process (the app, or another command) is writing to this data folder and did not finish within ${seconds} s; nothing was changed. Try again when it is done.`;
}

/** Runs `work` in one IMMEDIATE transaction; a lock held too long by another process becomes a conflict with a sentence. */
export function writeTransaction<T>(db: Db, work: () => T): T {
  try {
    return db.transaction(work).immediate();
  } catch (error) {
    if (isBusyError(error)) throw new AppError('conflict', busySentence(db));
    throw error;
  }
}
