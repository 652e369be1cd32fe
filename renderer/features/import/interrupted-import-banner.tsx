/** "Import interrupted at 4 210 / 9 000 — Resume?" for the newest job that stopped early. */
import { useState } from 'react';
import type { ImportJob } from '../../../preload/contract';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';
import { useImportTracking } from './use-import-activity';
import { isResumable } from './import-format';
import { formatCount } from '../../format/numbers';
import { ErrorMessage } from '../../components/error-message';

const dismissedKey = 'resume-studio.dismissed-import-banner';

function readDismissed(): number | null {
  try {
    const value = Number(localStorage.getItem(dismissedKey));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

const verb: Record<ImportJob['state'], string> = {
  interrupted: 'interrupted',
  cancelled: 'cancelled',
  failed: 'failed',
  running: 'running',
  finished: 'finished',
};

/** Offers Resume and Dismiss; dismissal is remembered per job, so a newer stop shows again. */
export function InterruptedImportBanner({ jobs, onResumed }: { jobs: ImportJob[]; onResumed(): void }) {
  const client = useStudio();
  const tracking = useImportTracking();
  const [dismissedId, setDismissedId] = useState(readDismissed);
  const [isResuming, setIsResuming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newest = jobs[0];
  // Only the newest job: an older stopped one was superseded by a later import.
  if (!newest || !isResumable(newest) || newest.id === dismissedId) return null;

  const dismiss = () => {
    setDismissedId(newest.id);
    try {
      localStorage.setItem(dismissedKey, String(newest.id));
    } catch {
      // Without storage the banner is dismissed for this session only.
    }
  };
  const resume = async () => {
    setIsResuming(true);
    setError(null);
    tracking.resuming(newest.id);
    try {
      tracking.running(await client.call('import.resume', { jobId: newest.id }));
      onResumed();
    } catch (caught) {
      tracking.failed(newest.id);
      setError(toRpcCallError(caught).message);
    } finally {
      setIsResuming(false);
    }
  };

  return (
    <div className={`banner banner-${newest.state === 'failed' ? 'danger' : 'warning'}`} role="region" aria-label="Unfinished import">
      <div className="banner-text">
        <strong>
          Import {verb[newest.state]} at {formatCount(newest.doneFiles)} / {formatCount(newest.totalFiles)} — Resume?
        </strong>
        <p>
          {newest.error ?? 'Files already processed are kept; resuming continues with the rest.'} <span className="mono">{newest.rootPath}</span>
        </p>
        <ErrorMessage message={error} />
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={dismiss}>
          Dismiss
        </button>
        <button type="button" className="button primary" onClick={() => void resume()} disabled={isResuming}>
          {isResuming ? 'Resuming…' : 'Resume'}
        </button>
      </div>
    </div>
  );
}
