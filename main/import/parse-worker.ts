/**
 * Worker-thread adapter for text extraction: receives a file path, reads the file itself (so
 * bytes never cross threads twice) and answers with extractText's result. No parsing logic lives
 * here. Started by the parse pool through main/workers/spawn.ts; the pool imports its types only.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { defaultMaxBytes, extractText } from './extract/index';
import { preloadPdfJs } from './extract/pdf';
import { type ExtractResult, failure, formatBytes } from './extract/result';
import { describeIoError } from './io-errors';

/** Where a file's bytes come from: a path the worker reads, or bytes already in memory (a dropped file). */
export type ParseSource = { kind: 'path'; filePath: string } | { kind: 'bytes'; bytes: Uint8Array };

/** Messages the pool sends. */
export type ParseRequest = { type: 'parse'; seq: number; source: ParseSource; fileName: string; maxBytes?: number };

/** Messages the worker sends: `ready` once its parsers are loaded, then one reply per request. */
export type ParseResponse =
  { type: 'ready' } | { type: 'result'; seq: number; result: ExtractResult } | { type: 'error'; seq: number; error: { name: string; message: string } };

/** Data given to the worker at start. `allowTestHooks` lets tests trigger hangs and crashes by file name. */
export interface ParseWorkerData {
  allowTestHooks?: boolean;
}

/** Names that trigger a misbehaviour when test hooks are on: how the pool's recovery is tested. */
export const testHookNames = { hang: '__test_hang__', outOfMemory: '__test_oom__', exit: '__test_exit__', throwUncaught: '__test_throw__' } as const;

/** Reads a regular file, refusing FIFOs and devices without blocking on them, and oversized files unread. */
async function readFileForParse(filePath: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { result: ExtractResult }> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever, holding a libuv thread.
    handle = await fs.open(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { result: failure('io_error', describeIoError((error as NodeJS.ErrnoException).code)) };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { result: failure('unsupported', 'This is not a regular file (it is a folder, device, pipe or socket), so it was not read.') };
    if (stat.size > maxBytes) {
      return {
        result: failure(
          'too_large',
          `The file is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for one resume; split it or export a smaller copy.`,
        ),
      };
    }
    const buffer = await handle.readFile();
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } catch (error) {
    return { result: failure('io_error', describeIoError((error as NodeJS.ErrnoException).code)) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Misbehaves on purpose for the pool's tests; does nothing unless hooks are on and the name matches. */
function runTestHook(fileName: string): void {
  if (fileName.startsWith(testHookNames.hang)) for (;;);
  if (fileName.startsWith(testHookNames.exit)) process.exit(7);
  if (fileName.startsWith(testHookNames.throwUncaught))
    setImmediate(() => {
      throw new Error('test hook: uncaught error');
    });
  if (fileName.startsWith(testHookNames.outOfMemory)) {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, index) => index * 1.5));
  }
}

async function handle(request: ParseRequest): Promise<ParseResponse> {
  const allowTestHooks = (workerData as ParseWorkerData | undefined)?.allowTestHooks === true;
  if (allowTestHooks) runTestHook(request.fileName);
  const maxBytes = request.maxBytes ?? defaultMaxBytes;
  if (request.source.kind === 'bytes') {
    return { type: 'result', seq: request.seq, result: await extractText(request.source.bytes, request.fileName, { maxBytes }) };
  }
  const read = await readFileForParse(request.source.filePath, maxBytes);
  if ('result' in read) return { type: 'result', seq: request.seq, result: read.result };
  return { type: 'result', seq: request.seq, result: await extractText(read.bytes, request.fileName, { maxBytes }) };
}

/**
 * Lowers this thread's CPU priority so the main thread (IPC, database, progress) wins whenever both
 * want a core. Linux only: there the nice value is per thread and pid 0 means the calling thread;
 * on macOS and Windows the same call would lower the whole app.
 */
function yieldCpuToMainThread(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted in some sandboxes; parsing works the same, only less politely.
  }
}

if (parentPort) {
  const port = parentPort;
  yieldCpuToMainThread();
  // pdfjs leaves some internal promises rejected without a handler on damaged PDFs (e.g. a bad XRef
  // entry while fetching a page). Every awaited path here is already handled, so such a rejection is
  // stray: letting it kill the worker would wrongly fail the *next* file.
  process.on('unhandledRejection', () => undefined);
  // Parsers load before any file is handled, so a file's deadline (armed on 'ready') is its own.
  const ready = preloadPdfJs()
    .catch(() => undefined)
    .then(() => port.postMessage({ type: 'ready' } satisfies ParseResponse));
  port.on('message', (request: ParseRequest) => {
    ready
      .then(() => handle(request))
      .then(
        (response) => port.postMessage(response),
        (error: unknown) =>
          port.postMessage({
            type: 'error',
            seq: request.seq,
            error: { name: (error as Error)?.name ?? 'Error', message: (error as Error)?.message ?? String(error) },
          } satisfies ParseResponse),
      );
  });
}
