/** One number with its label, e.g. "Documents 0". */
import type { ReactNode } from 'react';
import { formatCount } from '../format/numbers';
import { Icon, type IconName } from './icon';

/** A count card; `value` undefined shows a placeholder while loading. */
export function StatCard({ label, value, icon, detail }: { label: string; value: number | undefined; icon: IconName; detail?: ReactNode }) {
  return (
    <div className="stat-card">
      <div className="stat-label">
        <Icon name={icon} size={16} />
        <span>{label}</span>
      </div>
      <div className="stat-value" aria-busy={value === undefined}>
        {value === undefined ? <span className="stat-pending">–</span> : formatCount(value)}
      </div>
      {detail ? <div className="stat-detail">{detail}</div> : null}
    </div>
  );
}
