/**
 * The import's batch writes, on a connection of their own in a worker thread. One batch (50 files)
 * is one transaction, and the full-text index makes it cost 20–55 ms on this 2-core machine (FTS5
 * writes each document's terms as it is inserted); on the main thread that was the import's longest
 * stall, ≤ 50 ms in two of seven runs of the 2,484 PDFs. Here it holds no event loop the window or
 * the HTTP bridge waits on. A failed batch is rolled back by its transaction and answered as data
 * with SQLite's code, so "the disk is full" stays that sentence on the main thread. Plain Node;
 * served by batch-writer-worker.ts.
 */
import { openConnection, type Db } from '../store/database';
import { createImportRepo, type BatchWritten, type ItemToWrite } from '../store/import-repo';

/** One batch to write. */
export interface BatchToWrite {
  databasePath: string;
  jobId: number;
  items: ItemToWrite[];
  /**
   * The main connection's max_page_count (a per-connection limit, not stored in the file): the
   * writer honours the size limit its owner set, as the main connection's own writes did.
   */
  maxPageCount: number;
}

/** What a batch did: the rows it wrote, or why SQLite refused it (nothing of it was kept). */
export type BatchAnswer = { ok: true; written: BatchWritten } | { ok: false; message: string; code: string | null };

/** The batch writer's interface. */
export type BatchWriterApi = { write: { input: BatchToWrite; result: BatchAnswer; progress: never } };

// One connection for the thread's life (its prepared statements are kept between batches).
let open: { databasePath: string; db: Db; repo: ReturnType<typeof createImportRepo> } | null = null;

/** Writes one batch in one transaction on this thread's connection. */
export function writeBatchHere({ databasePath, jobId, items, maxPageCount }: BatchToWrite): BatchAnswer {
  if (open?.databasePath !== databasePath) {
    open?.db.close();
    const db = openConnection(databasePath);
    open = { databasePath, db, repo: createImportRepo(db) };
  }
  try {
    open.db.pragma(`max_page_count = ${Math.floor(maxPageCount)}`);
    return { ok: true, written: open.repo.writeBatch(jobId, items) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : null };
  }
}
