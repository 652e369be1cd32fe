/**
 * A pool of parse workers that keeps document parsing off the main thread: a worker group with one
 * file per thread at a time. Each file gets a deadline; a worker that overruns it, crashes or runs
 * out of memory is terminated and replaced, and that one file gets a status and a sentence while
 * the import goes on. Plain Node; used by the import service, the CLI and the benchmark.
 */
import os from 'node:os';
import type { WorkerEntry } from '../workers/spawn';
import { WorkerTaskError, type WorkerFailure } from '../workers/worker-failure';
import { createWorkerGroup } from '../workers/worker-group';
import { type ExtractResult, failure } from './extract/result';
import type { ParseSource, ParseWorkerApi } from './parse-task';

/** Where the parse worker lives, bundled and as source. */
export const parseWorkerEntry: WorkerEntry = { bundledName: 'parse-worker', sourcePath: 'parsing/parse-worker.ts' };

/** Pool settings; every field has a default. */
export interface ParsePoolOptions {
  /** Worker threads; default one per core (see defaultPoolSize). */
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
  /**
   * Parses bytes already in memory (a dropped file, or a file the import read to hash it) in a
   * worker. They are copied, unless `handOver` and they are the only view of their buffer: the
   * buffer then moves to the worker (the caller must not read them again).
   */
  parseBytes(bytes: Uint8Array, fileName: string, options?: { handOver?: boolean }): Promise<ExtractResult>;
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

/**
 * Default pool size: one worker per core. The workers run below the main thread's priority
 * (yieldCpuToMainThread), so the window, the database and progress still win a contended core;
 * leaving a core idle for them instead cost half the throughput on 2 cores (1 worker: pdftotext's
 * rate × 0.79, measured by bench:import), for a main thread that needs a few ms per file.
 */
export const defaultPoolSize = (): number => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

/**
 * The file status and sentence of a parse that did not finish, or the error when it is not the
 * file's fault. Also used by prediction, which parses a dropped file in its own thread.
 */
export function parseFailureOutcome(failed: WorkerFailure, perFileTimeoutMs: number, maxOldGenerationSizeMb: number): ExtractResult | Error {
  switch (failed.kind) {
    case 'timeout':
      return failure(
        'timeout',
        `Reading the file took longer than ${Math.round(perFileTimeoutMs / 100) / 10} seconds, so it was stopped; it may be damaged or unusually complex.`,
      );
    case 'out_of_memory':
      if (failed.beforeReady) return new ParserStartError(`it ran out of memory while loading (limit ${maxOldGenerationSizeMb} MB)`);
      return failure(
        'too_large',
        `The parser ran out of memory on this file (limit ${maxOldGenerationSizeMb} MB), so it was stopped; the file is too large or too complex to import.`,
      );
    case 'crashed':
      // Died while loading its parsers: the app is broken, not the file; say so instead of blaming it.
      if (failed.beforeReady) return new ParserStartError(failed.detail);
      return failure('damaged', `The parser crashed on this file (${failed.detail}); the file is probably damaged.`);
    case 'start_failed':
      // A worker that cannot be created is a broken install; one that is slow to load fails its file only.
      if (failed.allowanceMs === null) return new ParserStartError(failed.detail);
      return failure('timeout', `The parser took longer than ${failed.allowanceMs / 1000} seconds to start, so this file was stopped; try importing it again.`);
    case 'failed':
      return failure('damaged', `The file could not be parsed (${failed.error.name}: ${failed.error.message}).`);
  }
}

/**
 * The buffer of `bytes` as a transfer list when they are its only view (from its start, with at most
 * one spare byte after: a bounded read's own allocation), else undefined. A small Buffer is a slice
 * of Node's shared pool, whose transfer would take other Buffers' memory with it: that one is copied.
 */
function ownBuffer(bytes: Uint8Array): ArrayBuffer[] | undefined {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && buffer.byteLength - bytes.byteLength <= 1 ? [buffer] : undefined;
}

/** Creates a parse pool; workers start on demand. */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  const perFileTimeoutMs = options.perFileTimeoutMs ?? 30_000;
  const maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? 512;
  const group = createWorkerGroup<ParseWorkerApi>(options.workerEntry ?? parseWorkerEntry, {
    taskName: 'The parser',
    size,
    requestsPerThread: 1,
    requestTimeoutMs: perFileTimeoutMs,
    maxOldGenerationSizeMb,
  });
  let isClosed = false;

  const enqueue = async (source: ParseSource, fileName: string, transfer?: ArrayBuffer[]): Promise<ExtractResult> => {
    if (isClosed) throw new ParsePoolClosedError();
    try {
      return await group.request('parse', { source, fileName, maxBytes: options.maxBytes }, { transfer });
    } catch (error) {
      if (error instanceof WorkerTaskError) {
        const outcome = parseFailureOutcome(error.failure, perFileTimeoutMs, maxOldGenerationSizeMb);
        if (outcome instanceof Error) throw outcome;
        return outcome;
      }
      // Pending or queued when the pool closed: the import was cancelled.
      if ((error as Error).name === 'AbortError') throw new ParsePoolClosedError();
      throw error;
    }
  };

  return {
    size,
    stats: () => {
      const { threadsStarted, timeouts, crashes } = group.stats();
      return { workersStarted: threadsStarted, timeouts, crashes };
    },
    parse: (filePath, fileName) => enqueue({ kind: 'path', filePath }, fileName),
    parseBytes: (bytes, fileName, { handOver = false } = {}) => enqueue({ kind: 'bytes', bytes }, fileName, handOver ? ownBuffer(bytes) : undefined),
    async close() {
      isClosed = true;
      await group.close();
    },
  };
}
