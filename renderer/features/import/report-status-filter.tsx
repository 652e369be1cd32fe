/** Status filter chips for an import report, each with its count; "All" first. */
import type { FileStatus } from '../../../preload/contract';
import { nonZeroCounts, statusInfo } from './import-format';
import { formatCount } from '../../format/numbers';

/** Toggle buttons (aria-pressed); only statuses present in the job are offered. */
export function ReportStatusFilter({
  counts,
  value,
  onChange,
}: {
  counts: Partial<Record<FileStatus, number>>;
  value: FileStatus | null;
  onChange(next: FileStatus | null): void;
}) {
  const present = nonZeroCounts(counts);
  const all = present.reduce((sum, { count }) => sum + count, 0);
  return (
    <div className="filter-chips" role="group" aria-label="Filter by status">
      <button type="button" className="filter-chip" aria-pressed={value === null} onClick={() => onChange(null)}>
        All <span className="filter-count">{formatCount(all)}</span>
      </button>
      {present.map(({ status, count }) => (
        <button
          key={status}
          type="button"
          className={`filter-chip tone-${statusInfo[status].tone}`}
          aria-pressed={value === status}
          onClick={() => onChange(status)}
        >
          {statusInfo[status].label} <span className="filter-count">{formatCount(count)}</span>
        </button>
      ))}
    </div>
  );
}
