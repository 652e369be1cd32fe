/**
 * Flags near-duplicate documents for the curation view after an import, incrementally: only
 * documents not yet in the band index are searched, chunk by chunk, each chunk in a worker thread
 * through the task runner; band keys and flags are written here, one transaction per chunk. A
 * failure never takes the app down: it becomes a sentence kept for the data-health summary (the
 * documents stay unchecked and are checked by the next pass). Plain Node.
 */
import type { Db } from '../store/database';
import type { DocumentsRepo } from '../store/documents-repo';
import type { NearDuplicateIndexRepo } from '../store/near-duplicate-index-repo';
import { runWorkerTask } from '../workers/run-task';
import type { WorkerEntry } from '../workers/spawn';
import type { NearDuplicateInput, NearDuplicateWorkerApi } from './near-duplicate-search';

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
      deps.db.transaction(() => {
        deps.index.saveBands(chunk.documentIds, chunk.bandKeys, chunk.bandsPerDocument);
        deps.documents.addNearDuplicateFlags(chunk.pairs);
      })();
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
