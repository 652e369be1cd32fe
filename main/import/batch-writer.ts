/**
 * The main thread's handle on an import's batch-writer thread (batch-writer-task.ts): one per job,
 * started as the job starts so it has loaded before the first batch, closed when the job ends.
 * A refused batch rejects with an error carrying SQLite's code, as a write on the main connection
 * did; a thread that dies mid-batch rejects it too (its transaction never committed). Plain Node;
 * used by the import wiring.
 */
import type { Db } from '../store/database';
import type { BatchWritten, ItemToWrite } from '../store/import-repo';
import type { WorkerEntry } from '../workers/spawn';
import { createWorkerGroup } from '../workers/worker-group';
import type { BatchWriterApi } from './batch-writer-task';

/** Where the batch writer lives, bundled and as source. */
export const batchWriterWorkerEntry: WorkerEntry = { bundledName: 'batch-writer-worker', sourcePath: 'import/batch-writer-worker.ts' };

/** Writes an import's batches off the main thread. */
export interface BatchWriter {
  write(jobId: number, items: ItemToWrite[]): Promise<BatchWritten>;
  close(): Promise<void>;
}

/** Starts the writer thread of one job over the database `db` has open at `databasePath`. */
export function startBatchWriter(db: Db, databasePath: string): BatchWriter {
  const group = createWorkerGroup<BatchWriterApi>(batchWriterWorkerEntry, { size: 1, taskName: 'Saving the import', prefixTaskErrors: false });
  void group.warm();
  return {
    async write(jobId, items) {
      const maxPageCount = db.pragma('max_page_count', { simple: true }) as number;
      const answer = await group.request('write', { databasePath, jobId, items, maxPageCount });
      if (!answer.ok) throw Object.assign(new Error(answer.message), answer.code ? { code: answer.code } : {});
      return answer.written;
    },
    close: () => group.close(),
  };
}
