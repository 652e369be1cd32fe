/**
 * The one driver of worker threads: a group of up to `size` threads running one entry, answering
 * requests typed by kind (its `WorkerApi`), matched by sequence number. It owns the lifecycle every
 * use needs: threads start on demand and first run the setup requests (e.g. "load this model"); a
 * request's deadline is armed when its thread is ready, so loading never eats into it; a thread
 * that dies, runs out of memory, does not start or overruns a deadline is terminated, its requests
 * reject with a WorkerTaskError carrying the failure as data, and the next request starts a fresh
 * thread. Busy threads keep the process alive, idle ones do not (a forgotten close() cannot hang
 * the CLI). One-shot tasks (run-task.ts), the parse pool and the resident prediction threads are
 * thin uses of it. Plain Node.
 */
import type { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerApi, WorkerRequest } from './protocol';
import { spawnWorker, type WorkerEntry } from './spawn';
import { abortError, describeFailure, WorkerTaskError, type FailureWording, type WorkerFailure } from './worker-failure';

/** Options of a group. */
export interface WorkerGroupOptions<Api extends WorkerApi> extends FailureWording {
  /** Threads at most (default 1). */
  size?: number;
  /**
   * Requests one thread holds at once (default unlimited: requests to a warm model are pipelined).
   * 1 queues the rest in the group, so each request has a thread to itself and its deadline is its own.
   */
  requestsPerThread?: number;
  maxOldGenerationSizeMb?: number;
  /** A request that takes longer (once its thread is ready) stops its thread; none by default. */
  requestTimeoutMs?: number;
  /** How long a new thread may take to load before it is given up (default 60 s: a safety net for a broken install, not a deadline a loaded machine should meet). */
  startupAllowanceMs?: number;
  /** Requests every new thread runs first, in order (their failures surface on later requests). */
  setup?: () => WorkerRequest<Api>[];
  /** Data for every thread's start (`workerData`). */
  workerData?: unknown;
  /** The sentence of a failure (default: describeFailure with this group's wording). */
  describe?: (failure: WorkerFailure) => string;
}

/** Options of one request. */
export interface RequestOptions<Progress> {
  /** Aborting rejects the request with an AbortError (see `onAbort`). */
  signal?: AbortSignal;
  /**
   * What aborting does to the thread: `cancel` (default) tells the task to stop and leaves the thread
   * serving others; `terminate` stops the thread and rejects once it is gone, after first giving
   * the task `stopGraceMs` to stop by itself (to close a database, say).
   */
  onAbort?: 'cancel' | 'terminate';
  stopGraceMs?: number;
  onProgress?: (progress: Progress) => void;
  /** Called once the request's thread is ready and the request is on its way. */
  onStarted?: () => void;
  /** Buffers in the input to move to the thread instead of copying (they are unusable here afterwards). */
  transfer?: ArrayBuffer[];
}

/** Counters since creation. */
export interface WorkerGroupStats {
  threadsStarted: number;
  threadsRunning: number;
  timeouts: number;
  crashes: number;
}

/** A group of worker threads serving requests of `Api`. */
export interface WorkerGroup<Api extends WorkerApi> {
  request<K extends keyof Api & string>(kind: K, input: Api[K]['input'], options?: RequestOptions<Api[K]['progress']>): Promise<Api[K]['result']>;
  /**
   * Sends a request to every running thread (e.g. a new model) and resolves with their answers; with
   * none running it starts one, whose setup must already cover it, and answers with the setup's last result.
   */
  broadcast<K extends keyof Api & string>(kind: K, input: Api[K]['input']): Promise<Api[K]['result'][]>;
  /**
   * Starts a thread (and its setup) now when none is running, so the first request finds it loaded.
   * Resolves once a thread has said it is ready, or has gone (never rejects: the first request then
   * fails with the sentence, as it would without warm()).
   */
  warm(): Promise<void>;
  /** Terminates every thread; pending and queued requests reject with an AbortError. */
  close(): Promise<void>;
  stats(): WorkerGroupStats;
}

interface Pending {
  seq: number;
  request: WorkerRequest<WorkerApi>;
  options: RequestOptions<unknown>;
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | null;
  isStopping: boolean;
  thread: Thread | null;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  deathError: (Error & { code?: string }) | null;
  isReady: boolean;
  isRetired: boolean;
  startTimer: NodeJS.Timeout | null;
  /** Resolves when the thread says it is ready or is retired. */
  readyOrGone: Promise<void>;
  settleReadiness(): void;
}

/**
 * A deadline that, once due, decides only after the messages already waiting for this thread are
 * handled. Timers run before messages in an event-loop turn, so when this thread was busy past the
 * deadline (a synchronous loop: a training thread reading 200k resumes while its second thread
 * started and answered), a plain timer would fail a worker whose `ready` or answer is already here.
 */
function setDeadline(ms: number, onDue: () => void): NodeJS.Timeout {
  return setTimeout(() => setImmediate(onDue), ms);
}

/** Creates a group running `entry`; threads start on the first request. */
export function createWorkerGroup<Api extends WorkerApi>(entry: WorkerEntry, options: WorkerGroupOptions<Api>): WorkerGroup<Api> {
  const size = Math.max(1, Math.floor(options.size ?? 1));
  const perThread = options.requestsPerThread ?? Infinity;
  const startupAllowanceMs = options.startupAllowanceMs ?? 60_000;
  const describe = options.describe ?? ((failure: WorkerFailure) => describeFailure(failure, options));
  const fail = (failure: WorkerFailure) => new WorkerTaskError(failure, describe(failure));
  const threads: Thread[] = [];
  const queue: Pending[] = [];
  const counts = { threadsStarted: 0, timeouts: 0, crashes: 0 };
  let nextSeq = 1;
  let isClosed = false;

  // A thread keeps the process alive while it loads or works, not while it waits idle for requests
  // (a warmed thread's readiness may be awaited with nothing else running).
  const updateRef = (thread: Thread) => (thread.pending.size > 0 || !thread.isReady ? thread.worker.ref() : thread.worker.unref());

  const settle = (pending: Pending, outcome: { result: unknown } | { error: Error }) => {
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = null;
    pending.options.signal?.removeEventListener('abort', onAbortOf(pending));
    if ('result' in outcome) pending.resolve(outcome.result);
    else pending.reject(outcome.error);
  };

  /** Takes a thread out of service; its requests reject with `error` once it is gone. */
  const retire = (thread: Thread, error: (pending: Pending) => Error): Promise<void> => {
    if (thread.isRetired) return Promise.resolve();
    thread.isRetired = true;
    thread.settleReadiness();
    if (thread.startTimer) clearTimeout(thread.startTimer);
    const index = threads.indexOf(thread);
    if (index >= 0) threads.splice(index, 1);
    const orphans = [...thread.pending.values()];
    thread.pending.clear();
    for (const pending of orphans) if (pending.timer) clearTimeout(pending.timer);
    // Answer once the thread is gone, so "stopped" really means nothing is still running.
    return thread.worker
      .terminate()
      .catch(() => undefined)
      .then(() => {
        for (const pending of orphans) settle(pending, { error: error(pending) });
        dispatch();
      });
  };

  const arm = (thread: Thread, pending: Pending) => {
    if (options.requestTimeoutMs === undefined || pending.isStopping) return;
    const timeoutMs = options.requestTimeoutMs;
    pending.timer = setDeadline(timeoutMs, () => {
      if (thread.pending.get(pending.seq) !== pending || pending.isStopping) return; // answered meanwhile
      counts.timeouts++;
      // Every request the thread held goes with it, with the same sentence.
      void retire(thread, () => fail({ kind: 'timeout', timeoutMs }));
    });
  };

  const abortHandlers = new WeakMap<Pending, () => void>();
  const onAbortOf = (pending: Pending) => abortHandlers.get(pending) ?? (() => undefined);

  const send = (thread: Thread, pending: Pending) => {
    pending.thread = thread;
    thread.pending.set(pending.seq, pending);
    updateRef(thread);
    if (thread.isReady) {
      arm(thread, pending);
      pending.options.onStarted?.();
    }
    thread.worker.postMessage({ type: 'request', seq: pending.seq, ...pending.request } as ToWorker<Api>, pending.options.transfer);
  };

  const onMessage = (thread: Thread, message: FromWorker<Api>) => {
    if (message.type === 'ready') {
      thread.isReady = true;
      thread.settleReadiness();
      updateRef(thread);
      if (thread.startTimer) clearTimeout(thread.startTimer);
      for (const pending of thread.pending.values()) {
        arm(thread, pending);
        pending.options.onStarted?.();
      }
      return;
    }
    const pending = thread.pending.get(message.seq);
    if (!pending) return; // answered after an abort or a deadline
    if (message.type === 'progress') {
      if (pending.isStopping) return;
      try {
        pending.options.onProgress?.(message.progress);
      } catch (error) {
        // A broken progress listener ends the request as a rejection, not an uncaught exception.
        thread.pending.delete(message.seq);
        updateRef(thread);
        settle(pending, { error: error as Error });
      }
      return;
    }
    thread.pending.delete(message.seq);
    updateRef(thread);
    // Asked to stop: its last word only means it has stopped; the request is still cancelled.
    if (pending.isStopping) settle(pending, { error: abortError(`${options.taskName} was cancelled.`) });
    else if (message.type === 'result') settle(pending, { result: message.result });
    else settle(pending, { error: fail({ kind: 'failed', error: message.error }) });
    dispatch();
  };

  const onExit = (thread: Thread, exitCode: number) => {
    if (thread.isRetired) return; // stopped on purpose (deadline, abort, close)
    counts.crashes++;
    const error = thread.deathError;
    const failure: WorkerFailure =
      error?.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { kind: 'out_of_memory', limitMb: options.maxOldGenerationSizeMb ?? null, beforeReady: !thread.isReady }
        : { kind: 'crashed', detail: error ? error.message : `exit code ${exitCode}`, beforeReady: !thread.isReady };
    void retire(thread, (pending) => (pending.isStopping ? abortError(`${options.taskName} was cancelled.`) : fail(failure)));
  };

  const start = (): Thread => {
    const resourceLimits = options.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } : undefined;
    let worker: Worker;
    try {
      worker = spawnWorker(entry, { workerData: options.workerData, resourceLimits });
    } catch (error) {
      throw fail({ kind: 'start_failed', detail: (error as Error).message, allowanceMs: null });
    }
    counts.threadsStarted++;
    let settleReadiness = () => {};
    const readyOrGone = new Promise<void>((resolve) => (settleReadiness = resolve));
    const thread: Thread = { worker, pending: new Map(), deathError: null, isReady: false, isRetired: false, startTimer: null, readyOrGone, settleReadiness };
    thread.startTimer = setDeadline(startupAllowanceMs, () => {
      if (!thread.isReady) void retire(thread, () => fail({ kind: 'start_failed', detail: 'not ready', allowanceMs: startupAllowanceMs }));
    });
    thread.startTimer.unref();
    worker.on('message', (message: FromWorker<Api>) => onMessage(thread, message));
    // 'error' is always followed by 'exit', and the thread's last messages (its 'ready', a result)
    // arrive before 'exit': deciding there means an answer posted just before a crash still counts.
    worker.on('error', (error: Error & { code?: string }) => (thread.deathError = error));
    worker.on('exit', (exitCode) => onExit(thread, exitCode));
    threads.push(thread);
    updateRef(thread);
    return thread;
  };

  /** Starts a thread and sends it the setup; resolves with the setup's answers. */
  const startWithSetup = (): { thread: Thread; setup: Promise<unknown>[] } => {
    const thread = start();
    const setup = (options.setup?.() ?? []).map((request) => enqueueOn(thread, request, {}));
    // Nobody may be waiting on the setup (a thread started for a request): its failure then shows
    // in the requests that follow, which the worker answers with the same error.
    for (const answer of setup) answer.catch(() => undefined);
    return { thread, setup };
  };

  /** The thread for the next request: an idle one, a new one while the group may grow, or the least busy with room. */
  const pick = (): Thread | null => {
    const idle = threads.find((t) => t.pending.size === 0);
    if (idle) return idle;
    if (threads.length < size) return startWithSetup().thread;
    const withRoom = threads.filter((t) => t.pending.size < perThread);
    return withRoom.length ? withRoom.reduce((a, b) => (b.pending.size < a.pending.size ? b : a)) : null;
  };

  function dispatch(): void {
    while (!isClosed && queue.length > 0) {
      let thread: Thread | null;
      try {
        thread = pick();
      } catch (error) {
        // The worker file is missing or cannot be started: every queued request would fail the same way.
        for (const pending of queue.splice(0)) settle(pending, { error: error as Error });
        return;
      }
      if (!thread) return;
      send(thread, queue.shift()!);
    }
  }

  const newPending = (
    request: WorkerRequest<Api>,
    requestOptions: RequestOptions<unknown>,
    resolve: Pending['resolve'],
    reject: Pending['reject'],
  ): Pending => {
    const pending: Pending = { seq: nextSeq++, request, options: requestOptions, resolve, reject, timer: null, isStopping: false, thread: null };
    const { signal } = requestOptions;
    if (signal) {
      const onAbort = () => abort(pending);
      abortHandlers.set(pending, onAbort);
      signal.addEventListener('abort', onAbort, { once: true });
    }
    return pending;
  };

  /** Sends a request straight to `thread` (setup and broadcast), bypassing the queue. */
  const enqueueOn = (thread: Thread, request: WorkerRequest<Api>, requestOptions: RequestOptions<unknown>) =>
    new Promise<unknown>((resolve, reject) => send(thread, newPending(request, requestOptions, resolve, reject)));

  const abort = (pending: Pending) => {
    const thread = pending.thread;
    const cancelled = () => abortError(`${options.taskName} was cancelled.`);
    if (!thread) {
      const index = queue.indexOf(pending);
      if (index >= 0) queue.splice(index, 1);
      return settle(pending, { error: cancelled() });
    }
    if (!thread.pending.has(pending.seq)) return;
    if (pending.options.onAbort !== 'terminate') {
      // The task's own signal stops it; its late answer, if any, is ignored.
      thread.pending.delete(pending.seq);
      updateRef(thread);
      thread.worker.postMessage({ type: 'cancel', seq: pending.seq } as ToWorker<Api>);
      settle(pending, { error: cancelled() });
      return dispatch();
    }
    if (!pending.options.stopGraceMs) return void retire(thread, cancelled);
    pending.isStopping = true;
    if (pending.timer) clearTimeout(pending.timer);
    thread.worker.postMessage({ type: 'cancel', seq: pending.seq } as ToWorker<Api>);
    pending.timer = setTimeout(() => void retire(thread, cancelled), pending.options.stopGraceMs);
  };

  return {
    request(kind, input, requestOptions = {}) {
      if (isClosed) return Promise.reject(abortError(`${options.taskName} has stopped.`));
      if (requestOptions.signal?.aborted) return Promise.reject(abortError(`${options.taskName} was cancelled.`));
      return new Promise((resolve, reject) => {
        queue.push(newPending({ kind, input } as WorkerRequest<Api>, requestOptions as RequestOptions<unknown>, resolve, reject));
        dispatch();
      });
    },
    async broadcast(kind, input) {
      if (isClosed) throw abortError(`${options.taskName} has stopped.`);
      const request = { kind, input } as WorkerRequest<Api>;
      if (threads.length === 0) {
        const { setup } = startWithSetup();
        return (await Promise.all(setup)).slice(-1) as Api[typeof kind]['result'][];
      }
      return (await Promise.all(threads.map((thread) => enqueueOn(thread, request, {})))) as Api[typeof kind]['result'][];
    },
    warm() {
      if (isClosed) return Promise.resolve();
      if (threads.length > 0) return threads[0]!.readyOrGone;
      try {
        return startWithSetup().thread.readyOrGone;
      } catch {
        // A thread that cannot start fails the first request with its sentence, as without warm().
        return Promise.resolve();
      }
    },
    async close() {
      isClosed = true;
      const stopped = () => abortError(`${options.taskName} has stopped.`);
      for (const pending of queue.splice(0)) settle(pending, { error: stopped() });
      await Promise.all([...threads].map((thread) => retire(thread, stopped)));
    },
    stats: () => ({ ...counts, threadsRunning: threads.length }),
  };
}
