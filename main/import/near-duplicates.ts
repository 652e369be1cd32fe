/**
 * Flags near-duplicate documents for the curation view after an import, incrementally: only
 * documents not yet in the band index are searched, chunk by chunk, each chunk in a worker thread
 * through the task runner; band keys and flags are written here, a slice of a chunk per transaction. A
 * failure never takes the app down: it becomes a sentence kept for the data-health summary (the
 * documents stay unchecked and are checked by the next pass). Plain Node.
 */
import type { Db } from '../store/database';
import type { DocumentsRepo } from '../store/documents-repo';
import type { NearDuplicateIndexRepo } from '../store/near-duplicate-index-repo';
import { runWorkerTask } from '../workers/run-task';
import type { WorkerEntry } from '../workers/spawn';
import type { NearDuplicateChunk, NearDuplicateInput, NearDuplicateWorkerApi } from './near-duplicate-search';

/** Where the near-duplicate worker lives, bundled and as source. */
export const nearDuplicateWorkerEntry: WorkerEntry = { bundledName: 'near-duplicate-worker', sourcePath: 'import/near-duplicate-worker.ts' };

/** What the pass is built from. */
export interface NearDuplicatePassDeps {
  db: Db;
  documents: DocumentsRepo;
  index: NearDuplicateIndexRepo;
  databasePath: string;
}

/** Tuning; the defaults suit real resumes (a chunk of 5,000 texts is tens of MB in the worker). */
export interface NearDuplicatePassOptions {
  nearThreshold?: number;
  documentsPerChunk?: number;
  /** Documents whose band keys one transaction writes (DOCUMENTS_PER_SAVE). */
  documentsPerSave?: number;
  /** Near-duplicate flags one transaction writes (FLAGS_PER_SAVE). */
  flagsPerSave?: number;
  maxCandidatesPerBand?: number;
  signal?: AbortSignal;
  maxOldGenerationSizeMb?: number;
}

/** How a pass ended: documents checked and flagged, and the sentence kept when it failed. */
export interface NearDuplicatePassOutcome {
  checked: number;
  flagged: number;
  problem: string | null;
}

/**
 * Documents whose band keys one transaction writes: 2,484 resumes' in one held the main thread
 * ~57 ms at the end of an import (a chunk of 5,000, twice that), past the 50 ms a window may stall.
 * A slice costs more as the index grows (its keys land all over it): 500 took 9-23 ms with 2,500
 * resumes indexed and 30-41 ms with 50,000.
 */
export const DOCUMENTS_PER_SAVE = 100;

/**
 * Flags one transaction writes. Setting a flag rewrites the document's row with its text (~0.15 ms
 * each here): the 5,000 flags of a chunk of resampled copies held the main thread 0.7 s in one.
 */
export const FLAGS_PER_SAVE = 100;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes a chunk's flags, then its band keys, a slice per transaction with a turn of the event loop
 * between. The flags go first: a document is "checked" once its bands are in, so one whose slice a
 * crash lost is searched again by the next pass and flagged again (the same update).
 */
async function saveChunk(deps: NearDuplicatePassDeps, chunk: NearDuplicateChunk, perSave: number, flagsPerSave: number): Promise<void> {
  const { documentIds, bandKeys, bandsPerDocument, pairs } = chunk;
  for (let start = 0; start < pairs.length; start += flagsPerSave) {
    deps.db.transaction(() => deps.documents.addNearDuplicateFlags(pairs.slice(start, start + flagsPerSave)))();
    await nextTurn();
  }
  for (let start = 0; start < documentIds.length; start += perSave) {
    if (start > 0) await nextTurn();
    const end = Math.min(documentIds.length, start + perSave);
    deps.db.transaction(() => {
      deps.index.saveBands(documentIds.slice(start, end), bandKeys.slice(start * bandsPerDocument, end * bandsPerDocument), bandsPerDocument);
    })();
  }
}

/** Indexes every document added since the last pass and flags the near-duplicates among them. */
export async function flagNearDuplicates(deps: NearDuplicatePassDeps, options: NearDuplicatePassOptions = {}): Promise<NearDuplicatePassOutcome> {
  const input: NearDuplicateInput = {
    databasePath: deps.databasePath,
    nearThreshold: options.nearThreshold ?? 0.8,
    maxDocuments: options.documentsPerChunk ?? 5_000,
    maxCandidatesPerBand: options.maxCandidatesPerBand ?? 8,
  };
  const outcome: NearDuplicatePassOutcome = { checked: 0, flagged: 0, problem: null };
  try {
    for (;;) {
      const chunk = await runWorkerTask<NearDuplicateWorkerApi, 'search'>(nearDuplicateWorkerEntry, 'search', input, {
        taskName: 'The near-duplicate search',
        signal: options.signal,
        maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 512,
        outOfMemoryAdvice: 'The import itself is kept.',
      });
      await saveChunk(deps, chunk, options.documentsPerSave ?? DOCUMENTS_PER_SAVE, options.flagsPerSave ?? FLAGS_PER_SAVE);
      outcome.checked += chunk.documentIds.length;
      outcome.flagged += chunk.pairs.length;
      if (chunk.isLast || chunk.documentIds.length === 0) break;
    }
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    const pending = deps.documents.countNotCheckedForNearDuplicates();
    outcome.problem = `${(error as Error).message} ${pending} document${pending === 1 ? ' is' : 's are'} not checked for near-duplicates yet; the next import checks them again.`;
  }
  deps.index.setProblem(outcome.problem);
  return outcome;
}
