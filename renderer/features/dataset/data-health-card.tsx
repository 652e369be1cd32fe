/**
 * The data-health card: class balance chart and the issues worth fixing before training. Every
 * finding and every bar is a door: it opens the resume table filtered to exactly those resumes
 * (near-duplicates open the duplicate groups, extraction failures the import report).
 */
import { lazy, Suspense } from 'react';
import type { DataHealth } from '../../../preload/contract';
import { Icon } from '../../components/icon';
import { formatCount, formatCountOf } from '../../format/numbers';
import { duplicatesHash, hashForResumes } from '../curation/curation-url';
import { SimilarCategoriesFinding } from './similar-categories-finding';

// recharts is most of the renderer's weight: load it with the first chart, not with the page.
const ClassBalanceChart = lazy(() => import('./class-balance-chart').then((m) => ({ default: m.ClassBalanceChart })));

interface Finding {
  id: string;
  label: string;
  count: number;
  detail: string;
  /** Worth a look even at a count of 0 (the check behind the count failed). */
  isAlert?: boolean;
  /** Where the finding leads; null when there is nothing to open. */
  href: string | null;
}

function findingsOf(health: DataHealth, failureReportHash: string | null): Finding[] {
  const tinyNames = health.tinyClasses.map((c) => `${c.category} (${formatCount(c.documents)})`).join(', ');
  const open = (count: number, href: string) => (count > 0 ? href : null);
  return [
    {
      id: 'tiny',
      label: 'Tiny classes',
      count: health.tinyClasses.length,
      detail:
        health.tinyClasses.length > 0
          ? `Fewer than ${formatCountOf(health.tinyClassThreshold, 'resume')}: ${tinyNames}`
          : `Every category has at least ${formatCountOf(health.tinyClassThreshold, 'resume')}`,
      href: open(health.tinyClasses.length, hashForResumes({ filter: { categories: health.tinyClasses.map((c) => c.category) } })),
    },
    {
      id: 'unlabelled',
      label: 'Unlabelled',
      count: health.unlabelled,
      detail: 'Documents without a category are left out of training',
      href: open(health.unlabelled, hashForResumes({ filter: { unlabelled: true } })),
    },
    {
      id: 'failures',
      label: 'Extraction failures',
      count: health.extractionFailures,
      detail: 'Files that gave no usable text (see the import reports)',
      href: health.extractionFailures > 0 ? failureReportHash : null,
    },
    {
      id: 'short',
      label: 'Very short texts',
      count: health.shortTexts,
      detail: `Under ${formatCount(health.shortTextChars)} characters`,
      href: open(health.shortTexts, hashForResumes({ filter: { maxChars: health.shortTextChars - 1 } })),
    },
    {
      id: 'long',
      label: 'Very long texts',
      count: health.longTexts,
      detail: `Over ${formatCount(health.longTextChars)} characters`,
      href: open(health.longTexts, hashForResumes({ filter: { minChars: health.longTextChars + 1 } })),
    },
    {
      id: 'near',
      label: 'Near-duplicates',
      count: health.nearDuplicates,
      detail: nearDuplicateDetail(health),
      isAlert: health.nearDuplicateProblem !== null,
      href: open(health.nearDuplicates, duplicatesHash),
    },
  ];
}

/** What the near-duplicate count means now: a failed search says so in its own words. */
function nearDuplicateDetail(health: DataHealth): string {
  if (health.nearDuplicateProblem) return health.nearDuplicateProblem;
  if (health.nearDuplicatesUnchecked > 0)
    return `Almost the same text as another document still used for training; ${formatCount(health.nearDuplicatesUnchecked)} not checked yet`;
  return 'Almost the same text as another document still used for training';
}

/** Health of the local dataset; refreshed by the page when the data changes. */
export function DataHealthCard({ health, failureReportHash = null }: { health: DataHealth; failureReportHash?: string | null }) {
  const findings = findingsOf(health, failureReportHash);
  return (
    <section className="card health-card" aria-labelledby="health-title">
      <div className="card-title-row">
        <h2 id="health-title">Data health</h2>
        <span className="muted">{formatCountOf(health.classCounts.length, 'category', 'categories')}</span>
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
                  {finding.href ? <a href={finding.href}>{finding.label}</a> : finding.label}
                  <span className="finding-count">{formatCount(finding.count)}</span>
                </span>
                <span className="finding-detail">{finding.detail}</span>
              </div>
            </li>
          ))}
          {health.similarCategories.map((group) => (
            <SimilarCategoriesFinding key={group.suggested} group={group} />
          ))}
        </ul>
      </div>
    </section>
  );
}
