/**
 * One parse task: reads a file (or takes bytes already in memory) and answers with extractText's
 * result. No parsing logic lives here. Served by the parse worker (parse-worker.ts) on the worker
 * protocol; the pool imports its types only.
 */
import { isMainThread } from 'node:worker_threads';
import { defaultMaxBytes, extractText } from './extract/index';
import { preloadPdfJs } from './extract/pdf';
import { readAtMost } from './bounded-read';
import { type ExtractResult, failure } from './extract/result';
import { yieldCpuToMainThread } from '../workers/thread-priority';

/** Where a file's bytes come from: a path the worker reads (as bytes when the name is not UTF-8), or bytes already in memory (a dropped file). */
export type ParseSource = { kind: 'path'; filePath: string | Uint8Array } | { kind: 'bytes'; bytes: Uint8Array };

/** What the pool asks a parse worker. */
export interface ParseInput {
  source: ParseSource;
  fileName: string;
  maxBytes?: number;
}

/** The parse worker's interface: one request kind, one file. */
export type ParseWorkerApi = { parse: { input: ParseInput; result: ExtractResult; progress: never } };

/** Reads a regular file, refusing FIFOs and devices without blocking on them, and oversized files unread. */
async function readFileForParse(filePath: string | Uint8Array, maxBytes: number): Promise<{ bytes: Uint8Array } | { result: ExtractResult }> {
  const read = await readAtMost(filePath, maxBytes);
  if (!read.ok) return { result: failure(read.status, read.reason) };
  return { bytes: new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength) };
}

/** Loads the parsers every file needs, so a file's deadline (armed on 'ready') is its own. */
export const prepareParsers = (): Promise<unknown> => preloadPdfJs();

/** Extracts the text of one file or in-memory document. */
export async function parseTask(input: ParseInput): Promise<ExtractResult> {
  const maxBytes = input.maxBytes ?? defaultMaxBytes;
  if (input.source.kind === 'bytes') return extractText(input.source.bytes, input.fileName, { maxBytes });
  const read = await readFileForParse(input.source.filePath, maxBytes);
  if ('result' in read) return read.result;
  return extractText(read.bytes, input.fileName, { maxBytes });
}

/** Prepares the current worker thread for parsing; does nothing on the main thread. */
export function setUpParseThread(): void {
  if (isMainThread) return;
  yieldCpuToMainThread();
  // pdfjs leaves some internal promises rejected without a handler on damaged PDFs (e.g. a bad XRef
  // entry while fetching a page). Every awaited path here is already handled, so such a rejection is
  // stray: letting it kill the worker would wrongly fail the *next* file.
  process.on('unhandledRejection', () => undefined);
}
