/** The Dataset page's main view: counts, an unfinished import's banner, data health and the imports. */
import { useCallback, useState } from 'react';
import { useRpc } from '../../api/use-rpc';
import { useStudioEvent } from '../../api/use-studio-event';
import { InlineError } from '../../components/inline-error';
import { PageHeader } from '../../components/page-header';
import { StatCard } from '../../components/stat-card';
import { StatGrid } from '../../components/stat-grid';
import { isMac } from '../../app/platform';
import { shortcutLabel } from '../../app/routes';
import { Icon } from '../../components/icon';
import { formatCount } from '../../format/numbers';
import { useOpenImport } from '../import/open-import';
import { ImportJobsCard } from '../import/import-jobs-card';
import { InterruptedImportBanner } from '../import/interrupted-import-banner';
import { DataHealthCard } from './data-health-card';
import { useImportShortcut } from './use-import-shortcut';
import { hashForRoute, importReportHash } from '../../app/routes';
import type { ImportJob } from '../../../preload/contract';
import { duplicatesHash, hashForResumes } from '../curation/curation-url';
import { TourHint } from '../tour/tour-hint';
import { WelcomeCard } from '../tour/welcome-card';

/** The newest import with files that gave no text: where the "extraction failures" finding leads. */
function failureReportHash(jobs: ImportJob[] | undefined): string | null {
  const job = jobs?.find((j) => Object.entries(j.counts).some(([status, n]) => status !== 'imported' && status !== 'duplicate' && (n ?? 0) > 0));
  return job ? importReportHash(job.id) : null;
}

const refreshOn = ['dataset.changed', 'import.finished'] as const;
const summaryRefreshOn = [...refreshOn, 'import.progressed'] as const;

/** Loads summary, health and jobs; all three refresh when an import ends or the data changes. */
export function DatasetOverview() {
  const openImportWithPath = useOpenImport();
  const openImport = useCallback(() => openImportWithPath(), [openImportWithPath]);
  useImportShortcut(openImport);
  // Counts and health follow a running import batch by batch (throttled), not only at its end.
  const summary = useRpc('dataset.summary', {}, { refreshOn: summaryRefreshOn, refreshThrottleMs: 1_000 });
  const health = useRpc('dataset.health', {}, { refreshOn: summaryRefreshOn, refreshThrottleMs: 3_000 });
  const jobs = useRpc('import.jobs', {}, { refreshOn });
  // "Your resumes are in" only once they are: not while an import still runs (its events say so
  // before the job list is reloaded).
  const [liveImportId, setLiveImportId] = useState<number | null>(null);
  useStudioEvent('import.progressed', (p) => setLiveImportId(p.jobId));
  useStudioEvent('import.finished', () => setLiveImportId(null));
  const isImporting = liveImportId !== null || (jobs.data?.some((j) => j.state === 'running') ?? false);
  const data = summary.data;
  const labelledShare = data && data.documents > 0 ? `${Math.round((data.labelled / data.documents) * 100)}% of documents` : 'no documents yet';
  const importButton = (
    <button type="button" className="button primary" onClick={openImport} aria-keyshortcuts={isMac ? 'Meta+O' : 'Control+O'}>
      <Icon name="import" size={16} />
      Import…
      <kbd className="button-kbd" aria-hidden="true">
        {shortcutLabel('O', isMac)}
      </kbd>
    </button>
  );
  const actions = (
    <>
      {data && data.documents > 0 ? (
        <>
          <a className="button" href={duplicatesHash}>
            Duplicates
          </a>
          <a className="button" href={hashForResumes({})}>
            <Icon name="documents" size={16} />
            Browse and label
          </a>
          {data.unlabelled > 0 ? (
            <a className="button" href={hashForRoute('label')}>
              <Icon name="label" size={16} />
              Label with suggestions
            </a>
          ) : null}
        </>
      ) : null}
      {importButton}
    </>
  );
  return (
    <>
      <PageHeader title="Dataset" description="The resumes the classifier learns from. Everything stays on this computer." actions={actions} />
      {data && data.documents > 0 && !isImporting ? <TourHint id="dataset" /> : null}
      {data && data.documents === 0 && jobs.data?.length === 0 ? <WelcomeCard /> : null}
      {summary.error ? <InlineError title="Could not load the dataset summary" error={summary.error} onRetry={summary.reload} /> : null}
      {jobs.data ? <InterruptedImportBanner jobs={jobs.data} onResumed={jobs.reload} /> : null}
      <StatGrid label="Dataset counts">
        <StatCard label="Documents" icon="documents" value={data?.documents} detail={data ? `${formatCount(data.unlabelled)} unlabelled` : undefined} />
        <StatCard label="Labelled" icon="label" value={data?.labelled} detail={data ? labelledShare : undefined} />
        <StatCard label="Categories" icon="categories" value={data?.categories.length} detail="job categories with resumes" />
        <StatCard label="Import jobs" icon="import" value={data?.importJobs} detail="folders or files imported" />
      </StatGrid>
      {health.error ? <InlineError title="Could not load the data health" error={health.error} onRetry={health.reload} /> : null}
      {health.data && data && data.documents > 0 ? <DataHealthCard health={health.data} failureReportHash={failureReportHash(jobs.data)} /> : null}
      {jobs.error ? <InlineError title="Could not load the import jobs" error={jobs.error} onRetry={jobs.reload} /> : null}
      {jobs.data ? <ImportJobsCard jobs={jobs.data} /> : null}
    </>
  );
}
