/**
 * Flags near-duplicate documents for the curation view after an import: the search runs in a
 * worker thread, the flags are written here in one transaction. Plain Node.
 */
import type { DocumentsRepo } from '../store/documents-repo';
import { spawnWorker } from '../workers/spawn';
import type { NearDuplicateReply, NearDuplicateWorkerData } from './near-duplicate-worker';

/** Finds near-duplicates among all documents and stores `near_duplicate_of`; returns how many are flagged. */
export async function flagNearDuplicates(documents: DocumentsRepo, databasePath: string, nearThreshold = 0.8): Promise<number> {
  const workerData: NearDuplicateWorkerData = { databasePath, nearThreshold };
  const worker = spawnWorker(
    { bundledName: 'near-duplicate-worker', sourcePath: 'import/near-duplicate-worker.ts' },
    { workerData, resourceLimits: { maxOldGenerationSizeMb: 1024 } },
  );
  const reply = await new Promise<NearDuplicateReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The near-duplicate search stopped unexpectedly (exit code ${code}).`)));
  }).finally(() => void worker.terminate());
  if (!reply.ok) throw new Error(`The near-duplicate search failed: ${reply.error.message}`);
  documents.replaceNearDuplicateFlags(reply.pairs);
  return reply.pairs.length;
}
