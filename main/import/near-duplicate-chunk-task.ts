/**
 * One chunk of the near-duplicate pass as the worker runs it: search the chunk on a read-only
 * connection (near-duplicate-search.ts), then store its flags and band keys on a connection of its
 * own, a slice per transaction, and answer only the counts. Stored on the main thread, a chunk of
 * 5,000 held the event loop ~1.5 s in slices and once per chunk 30–61 ms more (50k–200k resumes),
 * past the 50 ms a window may stall; here it holds no event loop the window or the HTTP bridge
 * waits on. Plain Node; served by near-duplicate-worker.ts.
 */
import { openConnection, type Db } from '../store/database';
import { createNearDuplicateFlags } from '../store/documents-repo';
import { createNearDuplicateIndexRepo } from '../store/near-duplicate-index-repo';
import { indexNearDuplicateChunk, type NearDuplicateChunk, type NearDuplicateInput } from './near-duplicate-search';

/** A chunk's request: what to search, and how to store what it finds. */
export interface NearDuplicateChunkInput extends NearDuplicateInput {
  /** Documents whose band keys one transaction writes. */
  documentsPerSave: number;
  /** Near-duplicate flags one transaction writes. */
  flagsPerSave: number;
  /** The main connection's max_page_count (per connection, not in the file): the size limit its owner set. */
  maxPageCount: number;
}

/** What a stored chunk did. */
export interface NearDuplicateChunkOutcome {
  checked: number;
  flagged: number;
  /** True when no unindexed documents are left after this chunk. */
  isLast: boolean;
}

/** The near-duplicate worker's interface: one request kind, a chunk of the incremental pass, searched and stored. */
export type NearDuplicateWorkerApi = { search: { input: NearDuplicateChunkInput; result: NearDuplicateChunkOutcome; progress: never } };

/**
 * Writes a chunk's flags, then its band keys, a slice per transaction: each holds SQLite's write
 * lock briefly, so a user's relabel on another connection waits a slice, not the chunk. The flags go
 * first: a document is "checked" once its bands are in, so one whose slice a crash lost is searched
 * again by the next pass and flagged again (the same update).
 */
export function saveNearDuplicateChunk(db: Db, chunk: NearDuplicateChunk, documentsPerSave: number, flagsPerSave: number): void {
  const { documentIds, bandKeys, bandsPerDocument, pairs } = chunk;
  const flags = createNearDuplicateFlags(db);
  const index = createNearDuplicateIndexRepo(db);
  for (let start = 0; start < pairs.length; start += flagsPerSave)
    db.transaction(() => flags.addNearDuplicateFlags(pairs.slice(start, start + flagsPerSave))).immediate();
  for (let start = 0; start < documentIds.length; start += documentsPerSave) {
    const end = Math.min(documentIds.length, start + documentsPerSave);
    db.transaction(() => {
      index.saveBands(documentIds.slice(start, end), bandKeys.slice(start * bandsPerDocument, end * bandsPerDocument), bandsPerDocument);
    }).immediate();
  }
}

/** Searches the next chunk and stores it; answers its counts. */
export function searchAndSaveChunk(input: NearDuplicateChunkInput): NearDuplicateChunkOutcome {
  const chunk = indexNearDuplicateChunk(input);
  if (chunk.documentIds.length > 0) {
    const db = openConnection(input.databasePath);
    try {
      db.pragma(`max_page_count = ${Math.floor(input.maxPageCount)}`);
      saveNearDuplicateChunk(db, chunk, input.documentsPerSave, input.flagsPerSave);
    } finally {
      db.close();
    }
  }
  return { checked: chunk.documentIds.length, flagged: chunk.pairs.length, isLast: chunk.isLast };
}
