/**
 * The labelling model's refreshes, off the main thread: one training-worker thread that stays up
 * (so the texts it read and tokenized stay loaded) and runs one refresh at a time. A thread that
 * dies or runs out of memory is replaced by the next refresh, which reads the texts again; the
 * queue keeps answering from the last model meanwhile. Plain Node.
 */
import type { LabellingRefreshInput } from '../training/labelling-task';
import type { TrainingWorkerApi } from '../training/training-worker';
import { trainingWorkerEntry } from '../training/worker-entry';
import { createWorkerGroup } from '../workers/worker-group';

/** Heap of the refresh thread: the tokenized texts of tens of thousands of resumes and one model. */
const refreshMemoryMb = 2048;
/** A refresh that takes longer is stopped (its thread replaced); the first one also reads every text. */
const refreshTimeoutMs = 10 * 60_000;

/** Runs refreshes in the resident thread. */
export function createLabellingRefresher() {
  const worker = createWorkerGroup<TrainingWorkerApi>(trainingWorkerEntry, {
    taskName: 'Refreshing the suggestions',
    afterDeath: 'restarted',
    maxOldGenerationSizeMb: refreshMemoryMb,
    requestTimeoutMs: refreshTimeoutMs,
  });
  return {
    /** Fits the labelling model on the database's current labels. */
    refresh: (input: LabellingRefreshInput, signal?: AbortSignal) => worker.request('labelling', input, { signal }),
    close: () => worker.close(),
  };
}

/** The refresher's type. */
export type LabellingRefresher = ReturnType<typeof createLabellingRefresher>;
