/**
 * One task in a thread of its own: a one-thread worker group that runs a single request and closes.
 * Progress arrives as callbacks; aborting the signal terminates the thread at once (even in the
 * middle of a synchronous loop), or first asks the task to stop when a stop grace is given; running
 * out of memory, crashing, exiting early or overrunning a deadline become a WorkerTaskError whose
 * message is a sentence a user can act on. The caller is never taken down and never left waiting.
 * Plain Node; every one-shot worker (near-duplicates, training, checkpoints) runs through it.
 */
import type { WorkerApi } from './protocol';
import type { WorkerEntry } from './spawn';
import { createWorkerGroup, type WorkerGroup } from './worker-group';

export { WorkerTaskError, type WorkerFailure } from './worker-failure';

/** Options of one run. */
export interface RunTaskOptions<Progress> {
  /** Names the task in sentences, e.g. "The near-duplicate search". */
  taskName: string;
  /** Aborting terminates the worker; the run rejects with an AbortError once the thread is gone. */
  signal?: AbortSignal;
  /**
   * On abort, first ask the task to stop (its own signal aborts) and give it this long to finish
   * cleanly (close a database, say) before the worker is terminated. Default 0: terminate at once.
   */
  stopGraceMs?: number;
  onProgress?: (progress: Progress) => void;
  /** Called once the worker has loaded and is about to run the task (its `ready` message). */
  onStarted?: () => void;
  /** Heap limit of the worker; exceeding it stops the task with a sentence instead of the process. */
  maxOldGenerationSizeMb?: number;
  /** Stops the task after this long (from the worker's `ready`); none by default. */
  timeoutMs?: number;
  /** Extra data for the worker's start (`workerData`). */
  workerData?: unknown;
  /** Appended to the out-of-memory sentence: what the user can do about it. */
  outOfMemoryAdvice?: string;
}

/** The one-thread group a task runs in; started ahead of its request (warm()), it is ready when the request comes. */
export function createTaskGroup<Api extends WorkerApi>(entry: WorkerEntry, options: RunTaskOptions<unknown>): WorkerGroup<Api> {
  return createWorkerGroup<Api>(entry, {
    taskName: options.taskName,
    outOfMemoryAdvice: options.outOfMemoryAdvice,
    maxOldGenerationSizeMb: options.maxOldGenerationSizeMb,
    requestTimeoutMs: options.timeoutMs,
    workerData: options.workerData,
  });
}

/**
 * Starts `entry` in a worker thread, sends it a `kind` request with `input` and resolves with its
 * result. `group`: a thread started earlier for this task (createTaskGroup with the same options),
 * used instead of a new one; it is closed with the task either way.
 */
export async function runWorkerTask<Api extends WorkerApi, K extends keyof Api & string>(
  entry: WorkerEntry,
  kind: K,
  input: Api[K]['input'],
  options: RunTaskOptions<Api[K]['progress']>,
  group: WorkerGroup<Api> = createTaskGroup<Api>(entry, options),
): Promise<Api[K]['result']> {
  try {
    return await group.request(kind, input, {
      signal: options.signal,
      onAbort: 'terminate',
      stopGraceMs: options.stopGraceMs,
      onProgress: options.onProgress,
      onStarted: options.onStarted,
    });
  } finally {
    await group.close();
  }
}
