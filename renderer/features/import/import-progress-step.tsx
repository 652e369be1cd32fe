/** Step 3 of the Import dialog: live progress with Cancel, then the outcome and "View report". */
import { useState } from 'react';
import type { ImportJob } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useIsBackendReachable } from '../../api/use-connection-state';
import { ProgressMeter } from '../../components/progress-meter';
import { jobStateLabel, problemCount } from './import-format';
import { formatCount, formatEta, formatRate, percentDone } from '../../format/numbers';
import { StatusCountList } from './status-count-list';
import { useLiveImportJob } from './use-live-import-job';
import { ErrorMessage } from '../../components/error-message';

/** Props of ImportProgressStep. */
export interface ImportProgressStepProps {
  initialJob: ImportJob;
  onViewReport(jobId: number): void;
  onClose(): void;
}

/** Follows the job; Cancel waits for the backend to stop it (finished batches are kept). */
export function ImportProgressStep({ initialJob, onViewReport, onClose }: ImportProgressStepProps) {
  const client = useStudio();
  const { job, progress } = useLiveImportJob(initialJob);
  const [isCancelling, setIsCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const isReachable = useIsBackendReachable();
  // Last heard "running" means nothing once the server stopped answering: say that instead.
  const isRunning = job.state === 'running';
  const isUnknown = isRunning && !isReachable;

  const cancel = async () => {
    setIsCancelling(true);
    setCancelError(null);
    try {
      await client.call('import.cancel', { jobId: job.id });
    } catch (error) {
      setCancelError(error instanceof Error ? error.message : String(error));
    } finally {
      setIsCancelling(false);
    }
  };

  const done = `${formatCount(job.doneFiles)} / ${formatCount(job.totalFiles)}`;
  const imported = job.counts.imported ?? 0;
  const duplicates = job.counts.duplicate ?? 0;
  const problems = problemCount(job.counts);
  return (
    <div className="import-step">
      <div className="progress-head">
        <span className={`job-state state-${isUnknown ? 'unknown' : job.state}`}>{isUnknown ? 'Server unreachable' : jobStateLabel[job.state]}</span>
        <span className="progress-numbers" aria-hidden="true">
          {done} files · {percentDone(job.doneFiles, job.totalFiles)}%
        </span>
      </div>
      <ProgressMeter label="Import progress" value={job.doneFiles} max={Math.max(job.totalFiles, 1)} valueText={`${done} files`} />
      {isRunning ? (
        <dl className="progress-stats" aria-live="off">
          <div>
            <dt>Files</dt>
            <dd>{done}</dd>
          </div>
          <div>
            <dt>Speed</dt>
            <dd>{progress ? formatRate(progress.filesPerSecond) : '—'}</dd>
          </div>
          <div>
            <dt>Time left</dt>
            <dd>{progress ? formatEta(progress.etaSeconds) : 'estimating…'}</dd>
          </div>
        </dl>
      ) : (
        <div className="import-summary" role="status">
          <strong>
            {job.state === 'finished' ? 'Import finished' : job.state === 'cancelled' ? 'Import cancelled' : `Import ${jobStateLabel[job.state].toLowerCase()}`}
          </strong>
          <p>
            {formatCount(imported)} imported, {formatCount(duplicates)} duplicate{duplicates === 1 ? '' : 's'}, {formatCount(problems)} with problems
            {job.state !== 'finished' ? ` — ${done} files processed; finished batches are kept and the import can be resumed from the Dataset page.` : '.'}
          </p>
          {job.error ? <p className="form-error">{job.error}</p> : null}
        </div>
      )}
      <StatusCountList counts={job.counts} />
      <ErrorMessage message={cancelError} />
      <div className="modal-actions">
        {isRunning ? (
          <>
            <span className="muted modal-actions-note">
              {isUnknown
                ? 'The server does not answer, so the state of this import is unknown until it is back.'
                : 'You can close this window; the import keeps running.'}
            </span>
            <button type="button" className="button danger" onClick={() => void cancel()} disabled={isCancelling || isUnknown}>
              {isCancelling ? 'Cancelling…' : 'Cancel import'}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="button primary" onClick={() => onViewReport(job.id)}>
              View report
            </button>
          </>
        )}
      </div>
    </div>
  );
}
