/** The five headline numbers of a run's held-out evaluation. */
import type { MetricsReport } from '../../../preload/contract';
import { formatFixed } from '../../format/numbers';

/** Cards for accuracy, macro-F1, weighted-F1, log loss and ECE (what `resume-studio eval` prints, same rounding). */
export function HeadlineCards({ report }: { report: MetricsReport }) {
  const cards = [
    { label: 'Accuracy', value: formatFixed(report.accuracy, 3), detail: `${formatFixed(report.accuracy * 100, 1)}% of ${report.testRows} held-out resumes` },
    { label: 'Macro-F1', value: formatFixed(report.macro.f1, 3), detail: 'every category counts the same' },
    { label: 'Weighted-F1', value: formatFixed(report.weighted.f1, 3), detail: 'categories weighted by size' },
    { label: 'Log loss', value: formatFixed(report.logLoss, 3), detail: 'lower is better' },
    { label: 'ECE', value: formatFixed(report.ece, 3), detail: 'calibration error; lower is better' },
  ];
  return (
    <ul className="stat-grid headline-cards" aria-label="Headline metrics" data-testid="headline-metrics">
      {cards.map((c) => (
        <li key={c.label}>
          <div className="stat-card">
            <div className="stat-label">{c.label}</div>
            <div className="stat-value" data-metric={c.label}>
              {c.value}
            </div>
            <div className="stat-detail">{c.detail}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}
