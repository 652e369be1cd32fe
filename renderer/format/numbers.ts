/**
 * The one place the UI turns numbers into text: counts, sizes, rates, durations, percentages.
 * Every view uses these, so 2481 reads the same everywhere ("2 481", a narrow no-break space as
 * the group separator: unambiguous in any locale, unlike "2,481" vs "2.481"). Pure.
 */

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

/** Percentage done, 0–100, rounded down so 100 means really done. */
export function percentDone(doneFiles: number, totalFiles: number): number {
  if (totalFiles <= 0) return 0;
  return Math.min(100, Math.floor((doneFiles / totalFiles) * 100));
}

/** A score or ratio with a fixed number of decimals ("0.762"); "—" when missing. */
export function formatFixed(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(digits);
}

/** A share 0–1 as a percentage ("76.2%"). */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(digits)}%`;
}

/** A small decimal such as a term's weight: 0.12345 → "0.123". */
export function formatDecimal(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** A count and its noun, singular for exactly one ("1 category", "2 481 resumes"); `plural` for irregular nouns. */
export function formatCountOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${Math.round(value) === 1 ? singular : plural}`;
}
