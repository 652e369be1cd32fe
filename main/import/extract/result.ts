/**
 * The outcome of extracting text from one file's bytes, shared by every format module. Pure data;
 * imported by the extractors, the parse worker and the pool.
 */
import type { FileStatus } from '../../../preload/contract';

/** Statuses an extractor can return on failure (imported/duplicate are decided elsewhere). */
export type ExtractFailureStatus = Exclude<FileStatus, 'imported' | 'duplicate'>;

/** Text of one file, or the reason it has none, as a sentence a user can act on. */
export type ExtractResult =
  { status: 'imported'; text: string; format: string; pages?: number } | { status: ExtractFailureStatus; reason: string; format?: string };

/** Builds a failure result; `format` is left out when unknown so results stay small. */
export function failure(status: ExtractFailureStatus, reason: string, format?: string): ExtractResult {
  return format === undefined ? { status, reason } : { status, reason, format };
}

/** Formats a byte count for sentences: "20 MB", "512 KB". */
export function formatBytes(sizeBytes: number): string {
  if (sizeBytes >= 1024 * 1024) return `${Math.round((sizeBytes / (1024 * 1024)) * 10) / 10} MB`;
  if (sizeBytes >= 1024) return `${Math.round(sizeBytes / 1024)} KB`;
  return `${sizeBytes} bytes`;
}

/** Files larger than this are refused unread, unless the caller sets `maxBytes`. */
export const defaultMaxBytes = 20 * 1024 * 1024;

/** The too_large sentence, shared by the extractor and the importer's pre-check. */
export function tooLargeReason(sizeBytes: number, maxBytes = defaultMaxBytes): string {
  return `The file is ${formatBytes(sizeBytes)}, over the ${formatBytes(maxBytes)} limit for one resume; split it or export a smaller copy.`;
}
