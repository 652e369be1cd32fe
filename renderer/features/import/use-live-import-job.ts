/** Follows one import job live: its progress events, its end, and its state when first shown. */
import { useEffect, useState } from 'react';
import type { ImportJob, ImportProgress } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useStudioEvent } from '../../api/use-studio-event';

/** The job as last heard of, and the latest progress payload (null until the first one). */
export interface LiveImportJob {
  job: ImportJob;
  progress: ImportProgress | null;
}

/** Starts from `initial` and applies `import.progressed` / `import.finished` for its id. */
export function useLiveImportJob(initial: ImportJob): LiveImportJob {
  const client = useStudio();
  const [live, setLive] = useState<LiveImportJob>({ job: initial, progress: null });
  const jobId = initial.id;
  const initialState = initial.state;

  // The job may finish before our event subscription exists (a tiny import), so ask once.
  useEffect(() => {
    if (initialState !== 'running') return;
    let isCurrent = true;
    client.call('import.jobs', {}).then(
      (jobs) => {
        const fresh = jobs.find((j) => j.id === jobId);
        if (isCurrent && fresh && fresh.state !== 'running') setLive((current) => ({ ...current, job: fresh }));
      },
      () => undefined, // the events still arrive; a failed check changes nothing
    );
    return () => {
      isCurrent = false;
    };
  }, [client, jobId, initialState]);

  useStudioEvent('import.progressed', (progress) => {
    if (progress.jobId !== jobId) return;
    setLive((current) =>
      current.job.state === 'running'
        ? { progress, job: { ...current.job, doneFiles: progress.parsedFiles, totalFiles: progress.totalFiles, counts: progress.counts } }
        : current,
    );
  });
  useStudioEvent('import.finished', (job) => {
    if (job.id === jobId) setLive((current) => ({ ...current, job }));
  });
  return live;
}
