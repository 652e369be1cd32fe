/**
 * Moves WAL checkpoints off the main thread while a long write runs (an import): the main
 * connection stops checkpointing on its own and a worker checkpoints instead; stopping puts the
 * main connection's automatic checkpoints back. If the worker fails, the main connection takes
 * over at once, so the log never grows unchecked.
 *
 * A checkpoint copies frames but only a writer that finds every frame copied starts the log over;
 * a writer that never pauses (a table import's back-to-back batches) keeps the worker one batch
 * behind for ever, and the log grew to 1.5 GB beside a 300 MB database. So the writer asks
 * `afterBatch()` between batches: past `walLimitBytes` it waits (without blocking the event loop)
 * for the worker's next complete checkpoint, and its next commit restarts the log and cuts the
 * file back to the limit (journal_size_limit). Plain Node; used by the import domain.
 */
import fs from 'node:fs';
import { runWorkerTask } from '../workers/run-task';
import type { WorkerEntry } from '../workers/spawn';
import { automaticCheckpointPages, journalSizeLimitBytes, type Db } from './database';
import type { CheckpointWorkerApi } from './wal-checkpoint-task';

/** The WAL size past which an import waits for a complete checkpoint before its next batch. */
export const importWalLimitBytes = 64 * 1024 * 1024;

/** Where the checkpoint worker lives, bundled and as source. */
export const walCheckpointWorkerEntry: WorkerEntry = { bundledName: 'wal-checkpoint-worker', sourcePath: 'store/wal-checkpoint-worker.ts' };

/** A running background checkpointer. */
export interface BackgroundCheckpoints {
  /** Resolves once the worker runs (or has failed and the main connection took over). */
  started: Promise<void>;
  /** Stops the worker (after its current checkpoint) and restores automatic checkpoints. */
  stop(): Promise<void>;
  /**
   * Between two write transactions: resolves at once while the WAL file is within the limit, else
   * after the worker's next complete checkpoint (or a few intervals, if a reader elsewhere keeps it
   * from completing), so the next commit starts the log over.
   */
  afterBatch(): Promise<void>;
}

/** Options of the background checkpointer. */
export interface BackgroundCheckpointOptions {
  intervalMs?: number;
  /** Hears of each checkpoint done (with the count so far). */
  onCheckpointed?: (count: number) => void;
  /** See afterBatch; default importWalLimitBytes. */
  walLimitBytes?: number;
}

/** Starts checkpointing `databasePath` in a worker every `intervalMs` (default 200 ms). */
export function startBackgroundCheckpoints(db: Db, databasePath: string, options: BackgroundCheckpointOptions = {}): BackgroundCheckpoints {
  const { intervalMs = 200, onCheckpointed, walLimitBytes = importWalLimitBytes } = options;
  const controller = new AbortController();
  // Waiting writers, released by a complete checkpoint, by the worker failing or by stop().
  let waiters: (() => void)[] = [];
  let isWorkerRunning = true;
  const release = () => {
    for (const resolve of waiters) resolve();
    waiters = [];
  };
  // A connection closed meanwhile (the app quitting) has nothing left to restore.
  const restore = () => {
    isWorkerRunning = false;
    release();
    if (!db.open) return;
    db.pragma(`wal_autocheckpoint = ${automaticCheckpointPages}`);
    db.pragma(`journal_size_limit = ${journalSizeLimitBytes}`);
  };
  db.pragma('wal_autocheckpoint = 0');
  // -1: no limit (an unbounded run, the benchmark's "before" side); SQLite reads "Infinity" as 0.
  db.pragma(`journal_size_limit = ${Number.isFinite(walLimitBytes) ? Math.floor(walLimitBytes) : -1}`);
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const running = runWorkerTask<CheckpointWorkerApi, 'checkpoint'>(
    walCheckpointWorkerEntry,
    'checkpoint',
    { databasePath, intervalMs },
    {
      taskName: 'Background checkpointing',
      signal: controller.signal,
      stopGraceMs: 500,
      maxOldGenerationSizeMb: 64,
      onStarted: markStarted,
      onProgress: (report) => {
        if (report.isComplete) release();
        onCheckpointed?.(report.runs);
      },
    },
  )
    .catch((error: Error) => {
      if (error.name !== 'AbortError') {
        // Checkpoints matter more than smoothness: the main connection resumes them.
        restore();
        console.warn(`${error.message} Checkpoints run on the main thread again.`);
      }
    })
    .finally(markStarted);
  const walBytes = () => {
    try {
      return fs.statSync(`${databasePath}-wal`).size;
    } catch {
      return 0;
    }
  };
  return {
    started,
    async stop() {
      controller.abort();
      await running;
      restore();
    },
    afterBatch() {
      // The main connection checkpoints by itself again once the worker is gone: nothing to wait for.
      if (!isWorkerRunning || walBytes() <= walLimitBytes) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        // A reader in another process can keep checkpoints from completing; the import goes on.
        setTimeout(resolve, 20 * intervalMs).unref();
      });
    },
  };
}
