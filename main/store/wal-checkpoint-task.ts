/**
 * Background WAL checkpoints: copying the write-ahead log into the database file ends in an fsync
 * that takes tens of milliseconds (more on a busy disk). During a long import the main connection's
 * automatic checkpoints would block the event loop that often; this task runs them on a connection
 * of its own in a worker thread instead, until it is asked to stop. Plain Node.
 */
import Database from 'better-sqlite3';
import type { TaskContext } from '../workers/serve-worker';

/** The checkpoint worker's interface: one request kind that runs until it is cancelled. */
export type CheckpointWorkerApi = { checkpoint: { input: CheckpointInput; result: number; progress: CheckpointReport } };

/** What one checkpoint did. */
export interface CheckpointReport {
  /** Checkpoints run so far. */
  runs: number;
  /**
   * Every frame of the log is now in the database file: the writer's next transaction starts the
   * log over from its beginning (and cuts the file to journal_size_limit) instead of appending.
   */
  isComplete: boolean;
}

/** What the checkpoint task is given. */
export interface CheckpointInput {
  databasePath: string;
  intervalMs: number;
}

/**
 * Checkpoints (PASSIVE: never waits for the writer) every intervalMs until the signal aborts,
 * reporting the count after each; returns how many ran.
 */
export async function runCheckpoints({ databasePath, intervalMs }: CheckpointInput, { signal, progress }: TaskContext<CheckpointReport>): Promise<number> {
  const db = new Database(databasePath, { fileMustExist: true });
  let runs = 0;
  try {
    db.pragma('busy_timeout = 1000');
    while (!signal.aborted) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', wake);
          resolve();
        };
        const timer = setTimeout(wake, intervalMs);
        signal.addEventListener('abort', wake, { once: true });
      });
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      progress({ runs: ++runs, isComplete: result !== undefined && result.busy === 0 && result.log === result.checkpointed });
    }
    return runs;
  } finally {
    db.close();
  }
}
