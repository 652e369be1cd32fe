/** The top categories of a prediction as labelled horizontal bars. */
import type { Prediction } from '../../../preload/contract';
import { formatPercent } from '../../format/numbers';

/** One bar per category of `top`, widest for the most probable; the value is also written out. */
export function ProbabilityBars({ top }: { top: Prediction['top'] }) {
  return (
    <ol className="probability-bars" aria-label="Most probable categories">
      {top.map((entry, index) => (
        <li key={entry.label} className={index === 0 ? 'is-top' : undefined}>
          <span className="probability-label">{entry.label}</span>
          <span className="probability-track" aria-hidden="true">
            <span className="probability-fill" style={{ width: `${Math.max(1, entry.probability * 100)}%` }} />
          </span>
          <span className="probability-value">{formatPercent(entry.probability, 1)}</span>
        </li>
      ))}
    </ol>
  );
}
