/**
 * Moves WAL checkpoints off the main thread while a long write runs (an import): the main
 * connection stops checkpointing on its own and a worker checkpoints instead; stopping puts the
 * main connection's automatic checkpoints back. If the worker fails, the main connection takes
 * over at once, so the log never grows unchecked. Plain Node; used by the import domain.
 */
import { runWorkerTask } from '../workers/run-task';
import type { WorkerEntry } from '../workers/spawn';
import { automaticCheckpointPages, type Db } from './database';
import type { CheckpointWorkerApi } from './wal-checkpoint-task';

/** Where the checkpoint worker lives, bundled and as source. */
export const walCheckpointWorkerEntry: WorkerEntry = { bundledName: 'wal-checkpoint-worker', sourcePath: 'store/wal-checkpoint-worker.ts' };

/** A running background checkpointer. */
export interface BackgroundCheckpoints {
  /** Resolves once the worker runs (or has failed and the main connection took over). */
  started: Promise<void>;
  /** Stops the worker (after its current checkpoint) and restores automatic checkpoints. */
  stop(): Promise<void>;
}

/**
 * Starts checkpointing `databasePath` in a worker every `intervalMs` (default 200 ms);
 * `onCheckpointed` hears of each checkpoint done (with the count so far).
 */
export function startBackgroundCheckpoints(db: Db, databasePath: string, intervalMs = 200, onCheckpointed?: (count: number) => void): BackgroundCheckpoints {
  const controller = new AbortController();
  // A connection closed meanwhile (the app quitting) has nothing left to restore.
  const restore = () => void (db.open && db.pragma(`wal_autocheckpoint = ${automaticCheckpointPages}`));
  db.pragma('wal_autocheckpoint = 0');
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
      onProgress: onCheckpointed,
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
  return {
    started,
    async stop() {
      controller.abort();
      await running;
      restore();
    },
  };
}
