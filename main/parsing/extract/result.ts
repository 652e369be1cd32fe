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

// The size limit and its sentence live in the contract: the Predict page checks a dropped file before sending it.
export { defaultMaxBytes, formatBytes, tooLargeReason } from '../../../preload/contract';
