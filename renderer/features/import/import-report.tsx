/** The report of one import (`#/dataset/import/<jobId>`): outcome counts, status filter and every file with its reason. */
import { useEffect, useState } from 'react';
import type { FileStatus } from '../../../preload/contract';
import { hashForRoute } from '../../app/routes';
import { InlineError } from '../../components/inline-error';
import { compactPath, jobStateLabel } from './import-format';
import { formatCount } from '../../format/numbers';
import { ReportItemList } from './report-item-list';
import { ReportStatusFilter } from './report-status-filter';
import { useReportItems } from './use-report-items';
import { ErrorMessage } from '../../components/error-message';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A page section replacing the Dataset overview while a report is open. */
export function ImportReport({ jobId }: { jobId: number }) {
  const [status, setStatus] = useState<FileStatus | null>(null);
  const report = useReportItems(jobId, status);
  const job = report.job?.id === jobId ? report.job : undefined;

  // A report is a place of its own: land keyboard and screen-reader users on its title.
  useEffect(() => {
    document.getElementById('page-title')?.focus();
    document.title = `Import ${jobId} report · Resume Studio`;
  }, [jobId]);

  return (
    <>
      <header className="page-header">
        <div>
          <a className="back-link" href={hashForRoute('dataset')}>
            ← Dataset
          </a>
          <h1 id="page-title" tabIndex={-1}>
            Import report{job ? `: ${compactPath(job.rootPath)}` : ''}
          </h1>
          {job ? (
            <p className="page-description">
              <span className={`job-state state-${job.state}`}>{jobStateLabel[job.state]}</span> · {formatCount(job.doneFiles)} / {formatCount(job.totalFiles)}{' '}
              files · started {timeFormat.format(new Date(job.startedAt))} · <span className="mono">{job.rootPath}</span>
            </p>
          ) : (
            <p className="page-description">Every file of the import and what happened to it.</p>
          )}
        </div>
      </header>
      {report.error ? <InlineError title="Could not load the import report" error={report.error} onRetry={report.reload} /> : null}
      <ErrorMessage message={job?.error} />
      <section className="card report-card" aria-label="Files in this import">
        {job ? <ReportStatusFilter counts={job.counts} value={status} onChange={setStatus} /> : null}
        <p className="muted report-total" aria-live="polite">
          {report.isLoading ? 'Loading…' : `${formatCount(report.total)} ${status ? 'matching ' : ''}file${report.total === 1 ? '' : 's'}`}
        </p>
        <ReportItemList items={report.items} total={report.total} hasMore={report.hasMore} onNeedMore={report.loadMore} />
      </section>
    </>
  );
}
