/**
 * Long-lived task workers for work that needs warm state (a loaded model): unlike runWorkerTask,
 * which starts a thread per task, these threads stay up and answer many requests, matched by
 * sequence number. A thread that crashes, runs out of memory or overruns a request's deadline is
 * terminated; its pending requests reject with a WorkerTaskError sentence and the next request
 * starts a fresh thread, which first gets the prelude (e.g. "load this model"). Idle threads are
 * unref'd, so a forgotten close() cannot hang the CLI. Plain Node.
 */
import type { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol';
import { WorkerTaskError } from './run-task';
import { spawnWorker, type WorkerEntry } from './spawn';

/** Options of a resident worker group. */
export interface ResidentWorkerOptions<Input> {
  /** Names the work in sentences, e.g. "Prediction". */
  taskName: string;
  /** Threads to run; requests go to the least busy one. Default 1. */
  size?: number;
  maxOldGenerationSizeMb?: number;
  /** A request that takes longer stops its thread; default 30 s. */
  requestTimeoutMs?: number;
  /** Requests every new thread runs first, in order (their failures surface on later requests). */
  prelude?: () => Input[];
}

/** A group of long-lived worker threads serving requests. */
export interface ResidentWorker<Input, Result> {
  /** Runs one request; aborting its signal rejects it at once with an AbortError. */
  request(input: Input, options?: { signal?: AbortSignal }): Promise<Result>;
  /**
   * Sends `input` to every running thread (e.g. a new model) and resolves with their answers; with
   * none running it starts one, whose prelude must already cover `input`, and answers with the
   * prelude's last result. Threads started later get the prelude.
   */
  broadcast(input: Input): Promise<Result[]>;
  /** Terminates every thread; pending requests reject. */
  close(): Promise<void>;
  /** Threads started since creation (a replaced thread counts again). */
  threadsStarted(): number;
  /** Threads running now. */
  threadsRunning(): number;
}

interface Pending<Result> {
  resolve(result: Result): void;
  reject(error: Error): void;
  /** Armed once the thread is ready, so loading it does not eat into a request's deadline. */
  timer: NodeJS.Timeout | null;
}

interface Thread<Result> {
  worker: Worker;
  pending: Map<number, Pending<Result>>;
  deathError: (Error & { code?: string }) | null;
  isReady: boolean;
  isRetired: boolean;
  startTimer: NodeJS.Timeout | null;
}

/** Time a new thread gets to load before it is given up as unable to start. */
const startupAllowanceMs = 20_000;

const retryAdvice = 'try again, and report this problem if it keeps happening.';

/** The error a closed group or an aborted request rejects with. */
function abortError(message: string): Error {
  return Object.assign(new Error(message), { name: 'AbortError' });
}

/** Creates a group of resident workers running `entry`; threads start on the first request. */
export function createResidentWorker<Input, Result>(entry: WorkerEntry, options: ResidentWorkerOptions<Input>): ResidentWorker<Input, Result> {
  const { taskName } = options;
  const size = Math.max(1, Math.floor(options.size ?? 1));
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const threads: Thread<Result>[] = [];
  let nextSeq = 1;
  let started = 0;
  let isClosed = false;

  const retire = (thread: Thread<Result>, error: Error) => {
    if (thread.isRetired) return;
    thread.isRetired = true;
    if (thread.startTimer) clearTimeout(thread.startTimer);
    const index = threads.indexOf(thread);
    if (index >= 0) threads.splice(index, 1);
    for (const pending of thread.pending.values()) {
      if (pending.timer) clearTimeout(pending.timer);
      pending.reject(error);
    }
    thread.pending.clear();
    void thread.worker.terminate().catch(() => undefined);
  };

  const describeDeath = (thread: Thread<Result>, exitCode: number): WorkerTaskError => {
    const error = thread.deathError;
    if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      const limit = options.maxOldGenerationSizeMb ? ` (limit ${options.maxOldGenerationSizeMb} MB)` : '';
      return new WorkerTaskError('out_of_memory', `${taskName} ran out of memory${limit} and was restarted; ${retryAdvice}`);
    }
    if (error) return new WorkerTaskError('crashed', `${taskName} failed unexpectedly (${error.message}) and was restarted; ${retryAdvice}`);
    return new WorkerTaskError('crashed', `${taskName} stopped unexpectedly (exit code ${exitCode}) and was restarted; ${retryAdvice}`);
  };

  const updateRef = (thread: Thread<Result>) => (thread.pending.size > 0 ? thread.worker.ref() : thread.worker.unref());

  const arm = (thread: Thread<Result>, pending: Pending<Result>) => {
    const seconds = Math.round(requestTimeoutMs / 100) / 10;
    pending.timer = setTimeout(
      () => retire(thread, new WorkerTaskError('timeout', `${taskName} took longer than ${seconds} seconds and was stopped; ${retryAdvice}`)),
      requestTimeoutMs,
    );
  };

  const post = (thread: Thread<Result>, input: Input, signal?: AbortSignal): Promise<Result> =>
    new Promise<Result>((resolve, reject) => {
      const seq = nextSeq++;
      const onAbort = () => {
        const pending = thread.pending.get(seq);
        if (!pending) return;
        thread.pending.delete(seq);
        if (pending.timer) clearTimeout(pending.timer);
        updateRef(thread);
        // The task's own signal stops it; its late answer, if any, is ignored.
        thread.worker.postMessage({ type: 'cancel', seq } satisfies ToWorker<Input>);
        reject(abortError(`${taskName} was cancelled.`));
      };
      const settle =
        <T>(done: (value: T) => void) =>
        (value: T) => {
          signal?.removeEventListener('abort', onAbort);
          done(value);
        };
      const pending: Pending<Result> = { resolve: settle(resolve), reject: settle(reject), timer: null };
      if (thread.isReady) arm(thread, pending);
      thread.pending.set(seq, pending);
      updateRef(thread);
      signal?.addEventListener('abort', onAbort, { once: true });
      thread.worker.postMessage({ type: 'request', seq, input } satisfies ToWorker<Input>);
    });

  const start = (): { thread: Thread<Result>; prelude: Promise<Result>[] } => {
    const resourceLimits = options.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } : undefined;
    let worker: Worker;
    try {
      worker = spawnWorker(entry, { resourceLimits });
    } catch (error) {
      throw new WorkerTaskError('crashed', `${taskName} could not start (${(error as Error).message}); reinstall the app or report this problem.`);
    }
    started++;
    const thread: Thread<Result> = { worker, pending: new Map(), deathError: null, isReady: false, isRetired: false, startTimer: null };
    thread.startTimer = setTimeout(
      () => retire(thread, new WorkerTaskError('crashed', `${taskName} could not start within ${startupAllowanceMs / 1000} seconds; ${retryAdvice}`)),
      startupAllowanceMs,
    );
    thread.startTimer.unref();
    worker.on('message', (message: FromWorker<Result, unknown>) => {
      if (message.type === 'ready') {
        thread.isReady = true;
        if (thread.startTimer) clearTimeout(thread.startTimer);
        for (const pending of thread.pending.values()) arm(thread, pending);
        return;
      }
      if (message.type === 'progress') return;
      const pending = thread.pending.get(message.seq);
      if (!pending) return; // answered after an abort
      thread.pending.delete(message.seq);
      if (pending.timer) clearTimeout(pending.timer);
      updateRef(thread);
      if (message.type === 'result') pending.resolve(message.result);
      else pending.reject(new WorkerTaskError('failed', message.error.message));
    });
    // 'error' is always followed by 'exit'; answers sent before dying arrive before 'exit'.
    worker.on('error', (error: Error & { code?: string }) => (thread.deathError = error));
    worker.on('exit', (exitCode) => retire(thread, describeDeath(thread, exitCode)));
    threads.push(thread);
    const prelude = (options.prelude?.() ?? []).map((input) => post(thread, input));
    // Nobody may be waiting on the prelude (a thread started for a request): its failure then shows
    // in the requests that follow, which the worker answers with the same error.
    for (const answer of prelude) answer.catch(() => undefined);
    updateRef(thread);
    return { thread, prelude };
  };

  const pick = (): Thread<Result> => {
    const idle = threads.find((t) => t.pending.size === 0);
    if (idle) return idle;
    if (threads.length < size) return start().thread;
    return threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  };

  return {
    request(input, { signal } = {}) {
      if (isClosed) return Promise.reject(abortError(`${taskName} has stopped.`));
      if (signal?.aborted) return Promise.reject(abortError(`${taskName} was cancelled.`));
      let thread: Thread<Result>;
      try {
        thread = pick();
      } catch (error) {
        return Promise.reject(error);
      }
      return post(thread, input, signal);
    },
    async broadcast(input) {
      if (isClosed) throw abortError(`${taskName} has stopped.`);
      if (threads.length === 0) {
        const { prelude } = start();
        const results = await Promise.all(prelude);
        return results.slice(-1);
      }
      return Promise.all(threads.map((thread) => post(thread, input)));
    },
    async close() {
      isClosed = true;
      const closing = [...threads];
      for (const thread of closing) retire(thread, abortError(`${taskName} has stopped.`));
      await Promise.all(closing.map((thread) => thread.worker.terminate().catch(() => undefined)));
    },
    threadsStarted: () => started,
    threadsRunning: () => threads.length,
  };
}
