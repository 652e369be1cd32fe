/**
 * Flags near-duplicate documents for the curation view after an import, incrementally: only
 * documents not yet in the band index are searched, chunk by chunk, each chunk in a worker thread
 * through the task runner, which also stores the chunk's band keys and flags on its own connection
 * (near-duplicate-chunk-task.ts); this thread only counts. A failure never takes the app down: it
 * becomes a sentence kept for the data-health summary (the documents stay unchecked and are
 * checked by the next pass). Plain Node.
 */
import type { Db } from '../store/database';
import type { DocumentsRepo } from '../store/documents-repo';
import type { NearDuplicateIndexRepo } from '../store/near-duplicate-index-repo';
import { runWorkerTask } from '../workers/run-task';
import type { WorkerEntry } from '../workers/spawn';
import type { NearDuplicateChunkInput, NearDuplicateWorkerApi } from './near-duplicate-chunk-task';

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
 * Documents whose band keys one transaction writes (in the worker): each slice holds SQLite's write
 * lock, which a user's relabel on another connection waits for. 500 took 30-41 ms with 50,000
 * resumes indexed (a slice costs more as the index grows: its keys land all over it); 100, 15-29 ms.
 */
export const DOCUMENTS_PER_SAVE = 100;

/** Flags one transaction writes (in the worker). Setting a flag rewrites the document's row with its text (~0.15 ms each here). */
export const FLAGS_PER_SAVE = 100;

/** Indexes every document added since the last pass and flags the near-duplicates among them. */
export async function flagNearDuplicates(deps: NearDuplicatePassDeps, options: NearDuplicatePassOptions = {}): Promise<NearDuplicatePassOutcome> {
  const input: NearDuplicateChunkInput = {
    databasePath: deps.databasePath,
    nearThreshold: options.nearThreshold ?? 0.8,
    maxDocuments: options.documentsPerChunk ?? 5_000,
    maxCandidatesPerBand: options.maxCandidatesPerBand ?? 8,
    documentsPerSave: options.documentsPerSave ?? DOCUMENTS_PER_SAVE,
    flagsPerSave: options.flagsPerSave ?? FLAGS_PER_SAVE,
    maxPageCount: deps.db.pragma('max_page_count', { simple: true }) as number,
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
      outcome.checked += chunk.checked;
      outcome.flagged += chunk.flagged;
      if (chunk.isLast || chunk.checked === 0) break;
    }
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    const pending = deps.documents.countNotCheckedForNearDuplicates();
    // SQLite's own messages ("… database or disk is full") end without a full stop.
    const message = (error as Error).message.replace(/([^.!?])$/, '$1.');
    outcome.problem = `${message} ${pending} document${pending === 1 ? ' is' : 's are'} not checked for near-duplicates yet; the next import checks them again.`;
  }
  deps.index.setProblem(outcome.problem);
  return outcome;
}
