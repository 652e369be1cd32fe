/**
 * Runs one task in its own worker thread and settles with its result, whatever happens to the
 * thread: progress arrives as callbacks; aborting the signal terminates the worker at once (even
 * in the middle of a synchronous loop); running out of memory, crashing, exiting early or overrunning
 * a deadline become a WorkerTaskError whose message is a sentence a user can act on. The caller is
 * never taken down and never left waiting. Plain Node; every task worker (near-duplicates,
 * training, prediction) runs through it.
 */
import type { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol';
import { spawnWorker, type WorkerEntry } from './spawn';

/** How a task failed, for callers that react differently (e.g. offer less data after out_of_memory). */
export type WorkerFailureKind = 'out_of_memory' | 'crashed' | 'failed' | 'timeout';

/** A task that did not produce its result; the message is written for the user. */
export class WorkerTaskError extends Error {
  override name = 'WorkerTaskError';
  constructor(
    readonly kind: WorkerFailureKind,
    message: string,
  ) {
    super(message);
  }
}

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
  /** Stops the task after this long (from start); none by default. */
  timeoutMs?: number;
  /** Extra data for the worker's start (`workerData`). */
  workerData?: unknown;
  /** Appended to the out-of-memory sentence: what the user can do about it. */
  outOfMemoryAdvice?: string;
}

const retryAdvice = 'try again, and report this problem if it keeps happening.';

/** The error an aborted run rejects with (the dispatcher reports it as `cancelled`). */
function abortError(taskName: string): Error {
  return Object.assign(new Error(`${taskName} was cancelled.`), { name: 'AbortError' });
}

/** The sentence for a worker that died without answering. */
function describeDeath<P>(options: RunTaskOptions<P>, error: (Error & { code?: string }) | null, exitCode: number): WorkerTaskError {
  const { taskName } = options;
  if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const limit = options.maxOldGenerationSizeMb ? ` (limit ${options.maxOldGenerationSizeMb} MB)` : '';
    const advice = options.outOfMemoryAdvice ?? 'Try again with less data.';
    return new WorkerTaskError('out_of_memory', `${taskName} ran out of memory${limit} and was stopped. ${advice}`);
  }
  if (error) return new WorkerTaskError('crashed', `${taskName} failed unexpectedly (${error.message}); ${retryAdvice}`);
  return new WorkerTaskError('crashed', `${taskName} stopped unexpectedly (exit code ${exitCode}); ${retryAdvice}`);
}

/** Starts `entry` in a worker thread, sends it `input` and resolves with its result. */
export function runWorkerTask<Input, Result, Progress = never>(entry: WorkerEntry, input: Input, options: RunTaskOptions<Progress>): Promise<Result> {
  const { taskName, signal } = options;
  return new Promise<Result>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(taskName));
    let worker: Worker;
    try {
      const resourceLimits = options.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } : undefined;
      worker = spawnWorker(entry, { workerData: options.workerData, resourceLimits });
    } catch (error) {
      return reject(new WorkerTaskError('crashed', `${taskName} could not start (${(error as Error).message}); reinstall the app or report this problem.`));
    }
    const seq = 1;
    let isSettled = false;
    let isStopping = false;
    let deathError: (Error & { code?: string }) | null = null;
    let timer: NodeJS.Timeout | undefined;

    const finish = (outcome: { result: Result } | { error: Error }) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Answer once the thread is gone, so "cancelled" really means nothing is still running.
      void worker
        .terminate()
        .catch(() => undefined)
        .then(() => ('result' in outcome ? resolve(outcome.result) : reject(outcome.error)));
    };
    const onAbort = () => {
      if (!options.stopGraceMs) return finish({ error: abortError(taskName) });
      isStopping = true;
      worker.postMessage({ type: 'cancel', seq } satisfies ToWorker<Input>);
      clearTimeout(timer);
      timer = setTimeout(() => finish({ error: abortError(taskName) }), options.stopGraceMs);
    };

    worker.on('message', (message: FromWorker<Result, Progress>) => {
      if (isSettled) return;
      if (message.type === 'ready') return options.onStarted?.();
      if (message.seq !== seq) return;
      // Asked to stop: its last word only means it has stopped; the run is still cancelled.
      if (isStopping) return message.type === 'progress' ? undefined : finish({ error: abortError(taskName) });
      if (message.type === 'progress') {
        try {
          options.onProgress?.(message.progress);
        } catch (error) {
          // A broken progress listener ends the run as a rejection instead of an uncaught exception.
          finish({ error: error as Error });
        }
        return;
      }
      if (message.type === 'result') finish({ result: message.result });
      else finish({ error: new WorkerTaskError('failed', `${taskName} failed: ${message.error.message}`) });
    });
    // 'error' is always followed by 'exit', and messages the worker sent before dying are delivered
    // before 'exit': deciding there means a result posted just before a crash still counts.
    worker.on('error', (error: Error & { code?: string }) => (deathError = error));
    worker.on('exit', (exitCode) => finish({ error: isStopping ? abortError(taskName) : describeDeath(options, deathError, exitCode) }));
    signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs !== undefined) {
      const seconds = Math.round(options.timeoutMs / 100) / 10;
      timer = setTimeout(
        () => finish({ error: new WorkerTaskError('timeout', `${taskName} took longer than ${seconds} seconds and was stopped; ${retryAdvice}`) }),
        options.timeoutMs,
      );
    }
    worker.postMessage({ type: 'request', seq, input } satisfies ToWorker<Input>);
  });
}
