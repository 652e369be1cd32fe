/** The data-health card: class balance chart and the issues worth fixing before training. */
import { lazy, Suspense } from 'react';
import type { DataHealth } from '../../../preload/contract';
import { Icon } from '../../components/icon';
import { formatCount } from '../../format/numbers';

// recharts is most of the renderer's weight: load it with the first chart, not with the page.
const ClassBalanceChart = lazy(() => import('./class-balance-chart').then((m) => ({ default: m.ClassBalanceChart })));

interface Finding {
  id: string;
  label: string;
  count: number;
  detail: string;
  /** Worth a look even at a count of 0 (the check behind the count failed). */
  isAlert?: boolean;
}

function findingsOf(health: DataHealth): Finding[] {
  const tinyNames = health.tinyClasses.map((c) => `${c.category} (${c.documents})`).join(', ');
  return [
    {
      id: 'tiny',
      label: 'Tiny classes',
      count: health.tinyClasses.length,
      detail:
        health.tinyClasses.length > 0
          ? `Fewer than ${health.tinyClassThreshold} documents: ${tinyNames}`
          : `Every class has at least ${health.tinyClassThreshold} documents`,
    },
    { id: 'unlabelled', label: 'Unlabelled', count: health.unlabelled, detail: 'Documents without a category are left out of training' },
    { id: 'failures', label: 'Extraction failures', count: health.extractionFailures, detail: 'Files that gave no usable text (see the import reports)' },
    { id: 'short', label: 'Very short texts', count: health.shortTexts, detail: `Under ${formatCount(health.shortTextChars)} characters` },
    { id: 'long', label: 'Very long texts', count: health.longTexts, detail: `Over ${formatCount(health.longTextChars)} characters` },
    { id: 'near', label: 'Near-duplicates', count: health.nearDuplicates, detail: nearDuplicateDetail(health), isAlert: health.nearDuplicateProblem !== null },
  ];
}

/** What the near-duplicate count means now: a failed search says so in its own words. */
function nearDuplicateDetail(health: DataHealth): string {
  if (health.nearDuplicateProblem) return health.nearDuplicateProblem;
  if (health.nearDuplicatesUnchecked > 0) return `Almost the same text as another document; ${formatCount(health.nearDuplicatesUnchecked)} not checked yet`;
  return 'Almost the same text as another document';
}

/** Health of the local dataset; refreshed by the page when the data changes. */
export function DataHealthCard({ health }: { health: DataHealth }) {
  const findings = findingsOf(health);
  return (
    <section className="card health-card" aria-labelledby="health-title">
      <div className="card-title-row">
        <h2 id="health-title">Data health</h2>
        <span className="muted">{health.classCounts.length} categories</span>
      </div>
      <div className="health-layout">
        <div>
          <h3 className="subheading">Documents per category</h3>
          {health.classCounts.length > 0 ? (
            <Suspense fallback={<p className="muted">Loading the chart…</p>}>
              <ClassBalanceChart classCounts={health.classCounts} tinyThreshold={health.tinyClassThreshold} />
            </Suspense>
          ) : (
            <p className="muted">No labelled documents yet.</p>
          )}
        </div>
        <ul className="health-findings" aria-label="Data health findings">
          {findings.map((finding) => (
            <li key={finding.id} className={finding.count > 0 || finding.isAlert ? 'finding attention' : 'finding ok'} data-testid={`health-${finding.id}`}>
              <Icon name={finding.count > 0 || finding.isAlert ? 'circle' : 'check'} size={16} />
              <div>
                <span className="finding-label">
                  {finding.label}
                  <span className="finding-count">{formatCount(finding.count)}</span>
                </span>
                <span className="finding-detail">{finding.detail}</span>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
