/**
 * Flags near-duplicate documents for the curation view after an import: the search runs in a
 * worker thread through the task runner, the flags are written here in one transaction. Plain Node.
 */
import type { DocumentsRepo } from '../store/documents-repo';
import { runWorkerTask } from '../workers/run-task';
import type { WorkerEntry } from '../workers/spawn';
import type { NearDuplicateInput } from './near-duplicate-search';

/** Where the near-duplicate worker lives, bundled and as source. */
export const nearDuplicateWorkerEntry: WorkerEntry = { bundledName: 'near-duplicate-worker', sourcePath: 'import/near-duplicate-worker.ts' };

/** Finds near-duplicates among all documents and stores `near_duplicate_of`; returns how many are flagged. */
export async function flagNearDuplicates(
  documents: DocumentsRepo,
  databasePath: string,
  options: { nearThreshold?: number; signal?: AbortSignal; maxOldGenerationSizeMb?: number } = {},
): Promise<number> {
  const input: NearDuplicateInput = { databasePath, nearThreshold: options.nearThreshold ?? 0.8 };
  const pairs = await runWorkerTask<NearDuplicateInput, [number, number][]>(nearDuplicateWorkerEntry, input, {
    taskName: 'The near-duplicate search',
    signal: options.signal,
    maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 1024,
    outOfMemoryAdvice: 'The import itself is kept; near-duplicates are not flagged this time.',
  });
  documents.replaceNearDuplicateFlags(pairs);
  return pairs.length;
}
