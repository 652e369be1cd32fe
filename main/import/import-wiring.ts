/**
 * Builds the import service of one data directory with the import policy: a parse pool per job,
 * the cross-process lock, and after each job the near-duplicate flags and a `dataset.changed`
 * announcement. Plain Node; called by the composition root.
 */
import type { DatasetSummary } from '../../preload/contract';
import type { EventBus } from '../rpc/event-bus';
import type { Db } from '../store/database';
import type { DocumentsRepo } from '../store/documents-repo';
import { createImportRepo } from '../store/import-repo';
import { createNearDuplicateIndexRepo } from '../store/near-duplicate-index-repo';
import { startBackgroundCheckpoints } from '../store/wal-checkpointer';
import { startBatchWriter } from './batch-writer';
import { createImportLock } from './import-lock';
import { createImportService, type ImportService } from './import-service';
import { flagNearDuplicates } from './near-duplicates';
import { createParsePool, defaultPoolSize } from '../parsing/parse-pool';
import type { WriteQueue } from '../store/write-queue';

/** Import tuning for tests and benchmarks. */
export interface ImportTuning {
  batchSize?: number;
  poolSize?: number;
  perFileTimeoutMs?: number;
  /** Documents per near-duplicate search task (tests make the pass long with a small one). */
  nearDuplicateChunk?: number;
  /** WAL size past which an import waits for a complete checkpoint between batches (default importWalLimitBytes). */
  walLimitBytes?: number;
}

/** What the import domain is built from. */
export interface ImportWiringDeps {
  db: Db;
  documents: DocumentsRepo;
  dataDir: string;
  databasePath: string;
  events: EventBus;
  /** The counts announced after each job. */
  datasetSummary: () => DatasetSummary;
  tuning?: ImportTuning;
  writes?: WriteQueue;
}

/** The import service with its parser, lock and after-job policy. */
export function wireImportService(deps: ImportWiringDeps): ImportService {
  const tuning = deps.tuning ?? {};
  const poolSize = tuning.poolSize;
  return createImportService({
    repo: createImportRepo(deps.db, deps.documents),
    events: deps.events,
    createParser: () => createParsePool({ size: poolSize, perFileTimeoutMs: tuning.perFileTimeoutMs }),
    // A batch's transaction (20–55 ms with the full-text index) would be the main thread's longest stall.
    createWriter: () => startBatchWriter(deps.db, deps.databasePath),
    batchSize: tuning.batchSize,
    writes: deps.writes,
    lock: createImportLock(deps.db),
    // A table import writes hundreds of megabytes: its checkpoints' fsyncs would stall the main thread.
    whileWriting: () => startBackgroundCheckpoints(deps.db, deps.databasePath, { walLimitBytes: tuning.walLimitBytes }),
    // Two files in flight per worker keeps every worker busy while the main thread reads and hashes.
    concurrency: 2 * (poolSize ?? defaultPoolSize()),
    afterJob: async (job, signal) => {
      // Only after a finished run. Cancel and quitting must not wait for the search: `signal` (the
      // job's, aborted by both) stops it; the documents it had not reached stay unchecked until the
      // next pass, which is incremental (each chunk is stored as soon as it is searched).
      if (job.counts.imported && job.state === 'finished' && !signal.aborted) {
        // Flags are advice for curation: if the search fails, the import itself still stands and
        // the failure is a sentence in the data-health summary.
        try {
          const { problem } = await flagNearDuplicates(
            { db: deps.db, documents: deps.documents, index: createNearDuplicateIndexRepo(deps.db), databasePath: deps.databasePath },
            { signal, documentsPerChunk: tuning.nearDuplicateChunk },
          );
          if (problem) console.warn(problem);
        } catch (error) {
          if ((error as Error).name !== 'AbortError') throw error;
        }
      }
      deps.events.emit('dataset.changed', deps.datasetSummary());
    },
  });
}
