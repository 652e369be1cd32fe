/**
 * A pool of parse workers that keeps document parsing off the main thread. Each file gets a
 * deadline; a worker that overruns it, crashes or runs out of memory is terminated and replaced,
 * and that one file gets a status and a sentence while the import goes on. Plain Node; used by
 * the import service, the CLI and the benchmark.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../workers/protocol';
import { spawnWorker, type WorkerEntry } from '../workers/spawn';
import { type ExtractResult, failure } from './extract/result';
import type { ParseInput, ParseSource } from './parse-task';

/** Where the parse worker lives, bundled and as source. */
export const parseWorkerEntry: WorkerEntry = { bundledName: 'parse-worker', sourcePath: 'import/parse-worker.ts' };

/** Pool settings; every field has a default. */
export interface ParsePoolOptions {
  /** Worker threads; default max(1, available cores − 1), leaving a core for the UI and the database. */
  size?: number;
  /** Time one file may take once its worker is ready; default 30 s. */
  perFileTimeoutMs?: number;
  /** Heap limit of each worker; default 512 MB. */
  maxOldGenerationSizeMb?: number;
  /** Files above this size are refused unread; default 20 MB (the extractor's default). */
  maxBytes?: number;
  /** The worker to start; tests pass one that misbehaves on purpose. Default: the parse worker. */
  workerEntry?: WorkerEntry;
}

/** Counters for diagnostics and the benchmark. */
export interface ParsePoolStats {
  workersStarted: number;
  timeouts: number;
  crashes: number;
}

/** The pool's interface. */
export interface ParsePool {
  /** Parses one file in a worker; resolves with text or a status; rejects only when the pool closes first or no worker can start. */
  parse(filePath: string | Uint8Array, fileName: string): Promise<ExtractResult>;
  /** Parses bytes already in memory (a dropped file) in a worker; the bytes are copied, not transferred. */
  parseBytes(bytes: Uint8Array, fileName: string): Promise<ExtractResult>;
  /** Terminates every worker; pending and queued files reject with a ParsePoolClosedError. */
  close(): Promise<void>;
  /** Number of worker threads the pool may run. */
  readonly size: number;
  /** Counters since creation. */
  stats(): ParsePoolStats;
}

/** The rejection for files still pending when the pool closes (the import was cancelled). */
export class ParsePoolClosedError extends Error {
  override name = 'AbortError';
  constructor() {
    super('The import was cancelled before this file was parsed.');
  }
}

/** The rejection when a parse worker dies before it is ready: a broken install or build, not a bad file. */
export class ParserStartError extends Error {
  override name = 'ParserStartError';
  constructor(detail: string) {
    super(`The document parser could not start (${detail}); reinstall the app or report this problem.`);
  }
}

/** Extra time a cold worker gets to load its parsers before a file's own deadline starts. */
const startupAllowanceMs = 20_000;

interface Job {
  seq: number;
  source: ParseSource;
  fileName: string;
  resolve: (result: ExtractResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  isReady: boolean;
  isRetired: boolean;
  /** Set by 'error', acted on at 'exit' (after every message the worker sent has been delivered). */
  deathError: (Error & { code?: string }) | null;
}

/** Default pool size: one worker per core except one, and at least one. */
export const defaultPoolSize = (): number => Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);

/** Creates a parse pool; workers start on demand. */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  const perFileTimeoutMs = options.perFileTimeoutMs ?? 30_000;
  const maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? 512;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  const stats: ParsePoolStats = { workersStarted: 0, timeouts: 0, crashes: 0 };
  let nextSeq = 1;
  let isClosed = false;

  const armTimer = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = slot.job ? setTimeout(() => onTimeout(slot), perFileTimeoutMs + (slot.isReady ? 0 : startupAllowanceMs)) : null;
  };

  const finishJob = (slot: Slot): Job | null => {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return job;
  };

  /** Takes a worker out of service; it is replaced on demand by the next dispatch. */
  const retire = (slot: Slot) => {
    slot.isRetired = true;
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    void slot.worker.terminate().catch(() => undefined);
  };

  const onTimeout = (slot: Slot) => {
    const job = finishJob(slot);
    retire(slot);
    stats.timeouts++;
    job?.resolve(
      failure(
        'timeout',
        `Reading the file took longer than ${Math.round(perFileTimeoutMs / 100) / 10} seconds, so it was stopped; it may be damaged or unusually complex.`,
      ),
    );
    dispatch();
  };

  const onDeath = (slot: Slot, error: (Error & { code?: string }) | null, exitCode: number | null) => {
    if (slot.isRetired) return; // terminated on purpose (timeout, close)
    const job = finishJob(slot);
    retire(slot);
    stats.crashes++;
    if (job && !slot.isReady) {
      // Died while loading its parsers: the app is broken, not the file; say so instead of blaming it.
      job.reject(new ParserStartError(error ? error.message : `exit code ${exitCode}`));
    } else if (job) {
      if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        job.resolve(
          failure(
            'too_large',
            `The parser ran out of memory on this file (limit ${maxOldGenerationSizeMb} MB), so it was stopped; the file is too large or too complex to import.`,
          ),
        );
      } else {
        const detail = error ? error.message : `exit code ${exitCode}`;
        job.resolve(failure('damaged', `The parser crashed on this file (${detail}); the file is probably damaged.`));
      }
    }
    dispatch();
  };

  const onMessage = (slot: Slot, message: FromWorker<ExtractResult>) => {
    if (message.type === 'ready') {
      slot.isReady = true;
      armTimer(slot);
      return;
    }
    if (message.type === 'progress' || !slot.job || message.seq !== slot.job.seq) return; // a late answer for a file already settled
    const job = finishJob(slot);
    slot.worker.unref();
    if (message.type === 'result') job?.resolve(message.result);
    else job?.resolve(failure('damaged', `The file could not be parsed (${message.error.name}: ${message.error.message}).`));
    dispatch();
  };

  const startWorker = (): Slot => {
    const worker = spawnWorker(options.workerEntry ?? parseWorkerEntry, { resourceLimits: { maxOldGenerationSizeMb } });
    const slot: Slot = { worker, job: null, timer: null, isReady: false, isRetired: false, deathError: null };
    worker.on('message', (message: FromWorker<ExtractResult>) => onMessage(slot, message));
    // 'error' is always followed by 'exit', and Node delivers the worker's last messages (its 'ready',
    // a result) before 'exit': judging there keeps a crash right after 'ready' from looking like a failed start.
    worker.on('error', (error: Error & { code?: string }) => (slot.deathError = error));
    worker.on('exit', (exitCode) => onDeath(slot, slot.deathError, exitCode));
    stats.workersStarted++;
    slots.push(slot);
    return slot;
  };

  function dispatch(): void {
    while (!isClosed && queue.length > 0) {
      let slot = slots.find((candidate) => !candidate.job);
      if (!slot && slots.length < size) {
        try {
          slot = startWorker();
        } catch (error) {
          // The worker file is missing or cannot be started: every queued file would fail the same way.
          for (const job of queue.splice(0)) job.reject(new ParserStartError((error as Error).message));
          return;
        }
      }
      if (!slot) return;
      const job = queue.shift() as Job;
      slot.job = job;
      // Busy workers keep the process alive; idle ones must not (a forgotten close() cannot hang the CLI).
      slot.worker.ref();
      armTimer(slot);
      const request: ToWorker<ParseInput> = {
        type: 'request',
        seq: job.seq,
        input: { source: job.source, fileName: job.fileName, maxBytes: options.maxBytes },
      };
      slot.worker.postMessage(request);
    }
  }

  const enqueue = (source: ParseSource, fileName: string): Promise<ExtractResult> => {
    if (isClosed) return Promise.reject(new ParsePoolClosedError());
    return new Promise<ExtractResult>((resolve, reject) => {
      queue.push({ seq: nextSeq++, source, fileName, resolve, reject });
      dispatch();
    });
  };

  return {
    size,
    stats: () => ({ ...stats }),
    parse: (filePath, fileName) => enqueue({ kind: 'path', filePath }, fileName),
    parseBytes: (bytes, fileName) => enqueue({ kind: 'bytes', bytes }, fileName),
    async close() {
      isClosed = true;
      const pending = [...queue.splice(0), ...slots.map((slot) => finishJob(slot)).filter((job): job is Job => job !== null)];
      const workers = slots.splice(0).map((slot) => {
        slot.isRetired = true;
        return slot.worker.terminate().catch(() => undefined);
      });
      for (const job of pending) job.reject(new ParsePoolClosedError());
      await Promise.all(workers);
    },
  };
}
