/**
 * The status line's one view of long work, on every page: what runs, how far (bar, counts, time
 * left), Cancel, and a click that opens the work's own view. With several at once it shows the
 * oldest and how many more.
 */
import { useState } from 'react';
import { useIsBackendReachable } from '../../api/use-connection-state';
import { ProgressMeter } from '../../components/progress-meter';
import { formatCount, formatEta, formatPercent } from '../../format/numbers';
import { useActivities } from './activity-context';
import type { Activity } from './activity-store';

/** "1 240 / 9 000 files · 2 min left", "42% · 30 s left", or "getting ready…" before the total is known. */
export function describeProgress(activity: Activity): string {
  if (activity.total === null) return 'getting ready…';
  const amount =
    activity.unit === 'percent'
      ? formatPercent(activity.done / Math.max(activity.total, 1), 0)
      : `${formatCount(activity.done)} / ${formatCount(activity.total)} ${activity.unit}`;
  return activity.etaSeconds === null ? amount : `${amount} · ${formatEta(activity.etaSeconds)} left`;
}

/** Nothing when idle; otherwise the oldest activity with Open and Cancel. */
export function ActivityIndicator() {
  const activities = useActivities();
  const [first, ...others] = activities;
  if (!first) return null;
  return (
    <div className="status-item activity" data-testid="activity">
      <ActivityEntry key={first.id} activity={first} />
      {others.length > 0 ? (
        <span className="muted" title={others.map((a) => `${a.label}: ${describeProgress(a)}`).join('\n')}>
          +{others.length} more
        </span>
      ) : null}
    </div>
  );
}

function ActivityEntry({ activity }: { activity: Activity }) {
  const [isCancelling, setIsCancelling] = useState(false);
  // Last heard progress is not news once the server stopped answering; the feed re-reads on return.
  const isReachable = useIsBackendReachable();
  const progress = isReachable ? describeProgress(activity) : 'server unreachable';
  const cancel = activity.cancel;
  const onCancel = () => {
    if (!cancel) return;
    setIsCancelling(true);
    // A failed cancel leaves the work running and the button usable again; the feed shows the truth.
    void cancel().finally(() => setIsCancelling(false));
  };
  return (
    <>
      <button
        type="button"
        className="activity-open"
        onClick={activity.open}
        disabled={!activity.open}
        aria-label={`${activity.label}: ${progress}. Show progress`}
      >
        <span className="activity-spinner" aria-hidden="true" />
        <span className="activity-label">{activity.label}</span>
        {activity.total !== null ? (
          <ProgressMeter label={`${activity.label} progress`} value={activity.done} max={Math.max(activity.total, 1)} valueText={progress} />
        ) : null}
        <span className="activity-numbers">{progress}</span>
      </button>
      {cancel ? (
        <button type="button" className="activity-cancel" onClick={onCancel} disabled={isCancelling || !isReachable}>
          {isCancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : null}
    </>
  );
}
