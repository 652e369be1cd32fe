/** Per-status counts as coloured chips, e.g. "imported 96 · damaged 1"; updates live during an import. */
import type { FileStatus } from '../../../preload/contract';
import { nonZeroCounts, statusInfo } from './import-format';
import { formatCount } from '../../format/numbers';

/** The non-zero counts of an import, or "nothing yet" while none are in. */
export function StatusCountList({ counts, label = 'Files by outcome' }: { counts: Partial<Record<FileStatus, number>>; label?: string }) {
  const rows = nonZeroCounts(counts);
  if (rows.length === 0) return <p className="muted status-count-empty">No files processed yet.</p>;
  return (
    <ul className="status-counts" aria-label={label}>
      {rows.map(({ status, count }) => (
        <li key={status} className={`status-chip tone-${statusInfo[status].tone}`}>
          <span className="status-chip-label">{statusInfo[status].label}</span>
          <span className="status-chip-count">{formatCount(count)}</span>
        </li>
      ))}
    </ul>
  );
}
