/** Words and colours for imports: status labels, job states, paths. Numbers go through renderer/format/numbers. Pure. */
import type { FileStatus, ImportJob } from '../../../preload/contract';

/** The colour family a status is drawn in; each maps to CSS variables in styles/import.css. */
export type StatusTone = 'success' | 'neutral' | 'warning' | 'danger';

/** Human label and tone of each file status, in the contract's order. */
export const statusInfo: Record<FileStatus, { label: string; tone: StatusTone }> = {
  imported: { label: 'imported', tone: 'success' },
  duplicate: { label: 'duplicate', tone: 'neutral' },
  empty: { label: 'empty', tone: 'warning' },
  no_text: { label: 'no text (needs OCR)', tone: 'warning' },
  encrypted: { label: 'encrypted', tone: 'warning' },
  damaged: { label: 'damaged', tone: 'danger' },
  too_large: { label: 'too large', tone: 'warning' },
  unsupported: { label: 'unsupported', tone: 'neutral' },
  suspicious_archive: { label: 'suspicious archive', tone: 'danger' },
  timeout: { label: 'timeout', tone: 'danger' },
  io_error: { label: 'io error', tone: 'danger' },
};

// Types only from the contract: importing its values would bundle zod, whose eval probe trips the CSP.
/** Every status in the contract's order; the Record type above makes a missing one a compile error. */
export const orderedStatuses = Object.keys(statusInfo) as FileStatus[];

/** The label shown for a status, e.g. `no_text` → "no text (needs OCR)". */
export function statusLabel(status: FileStatus): string {
  return statusInfo[status].label;
}

/** Statuses with a non-zero count, in the contract's order, with their counts. */
export function nonZeroCounts(counts: Partial<Record<FileStatus, number>>): { status: FileStatus; count: number }[] {
  return orderedStatuses.filter((status) => (counts[status] ?? 0) > 0).map((status) => ({ status, count: counts[status] ?? 0 }));
}

/** Files that did not become documents (everything but imported and duplicate). */
export function problemCount(counts: Partial<Record<FileStatus, number>>): number {
  return nonZeroCounts(counts).reduce((sum, { status, count }) => (status === 'imported' || status === 'duplicate' ? sum : sum + count), 0);
}

/** Label of a job state. */
export const jobStateLabel: Record<ImportJob['state'], string> = {
  running: 'Running',
  interrupted: 'Interrupted',
  cancelled: 'Cancelled',
  finished: 'Finished',
  failed: 'Failed',
};

/** True for jobs `import.resume` can continue. */
export function isResumable(job: Pick<ImportJob, 'state'>): boolean {
  return job.state === 'interrupted' || job.state === 'cancelled' || job.state === 'failed';
}

/**
 * A source path short enough for a title or a table cell, yet enough to tell two imports apart:
 * the whole path when it fits in `maxChars`, else "…/" and as many trailing segments as fit
 * (always the last two, so "…/shared/data" rather than just "data").
 */
export function compactPath(filePath: string, maxChars = 48): string {
  const trimmed = filePath.length > 1 ? filePath.replace(/[\\/]+$/, '') : filePath;
  if (trimmed.length <= maxChars) return trimmed;
  const separator = trimmed.includes('/') ? '/' : '\\';
  const segments = trimmed.split(/[\\/]/).filter(Boolean);
  let tail = segments.slice(-2).join(separator);
  for (let i = segments.length - 3; i >= 0; i -= 1) {
    const longer = `${segments[i]}${separator}${tail}`;
    if (longer.length + 2 > maxChars) break;
    tail = longer;
  }
  return `…${separator}${tail}`;
}
