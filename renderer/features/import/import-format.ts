/** Words, colours and number formats for imports: status labels, ETA, sizes, job states. Pure. */
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

/** A count with thin-space thousands groups ("4 210"), readable in any locale. */
export function formatCount(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** Remaining time in words: "less than a second", "12 s", "3 min 05 s", "1 h 02 min"; "—" when unknown. */
export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 1) return 'less than a second';
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(secs).padStart(2, '0')} s`;
}

/** Throughput with a sensible precision: "0.4 files/s", "12 files/s". */
export function formatRate(filesPerSecond: number): string {
  if (!Number.isFinite(filesPerSecond) || filesPerSecond <= 0) return '— files/s';
  return `${filesPerSecond < 10 ? filesPerSecond.toFixed(1) : formatCount(filesPerSecond)} files/s`;
}

/** Bytes in binary units: "812 B", "4.2 KB", "13 MB". */
export function formatBytes(sizeBytes: number | null | undefined): string {
  if (sizeBytes === null || sizeBytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = sizeBytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 || value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
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

/** The last path segment, for showing a long source path compactly. */
export function baseName(filePath: string): string {
  const trimmed = filePath.replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1) || filePath;
}

/** Percentage done, 0–100, rounded down so 100 means really done. */
export function percentDone(doneFiles: number, totalFiles: number): number {
  if (totalFiles <= 0) return 0;
  return Math.min(100, Math.floor((doneFiles / totalFiles) * 100));
}
