/**
 * Imports in the status line's activity indicator: fed by `import.progressed` / `import.finished`,
 * re-read from `import.jobs` after a (re)connect, with Cancel and a click that reopens the Import
 * dialog on the running job. The buttons that start or resume an import report it at once.
 */
import { useMemo } from 'react';
import type { ImportJob } from '../../../preload/contract';
import type { StudioClient } from '../../api/client';
import { useStudio } from '../../api/studio-context';
import { useActivityStore } from '../activity/activity-context';
import type { Activity } from '../activity/activity-store';
import { useActivityFeed } from '../activity/use-activity-feed';
import { useOpenImport, type OpenImport } from './open-import';

/** The activity id of an import job. */
export function importActivityId(jobId: number): string {
  return `import:${jobId}`;
}

function importActivity(client: StudioClient, open: OpenImport, jobId: number, done: number, total: number | null, etaSeconds: number | null): Activity {
  return {
    id: importActivityId(jobId),
    kind: 'import',
    label: 'Importing',
    done,
    total,
    unit: 'files',
    etaSeconds,
    cancel: () => client.call('import.cancel', { jobId }),
    open: () => open(),
  };
}

/** Keeps running imports in the activity indicator; mount once, inside the Import dialog's provider. */
export function useImportActivityFeed(): void {
  const client = useStudio();
  const open = useOpenImport();
  useActivityFeed({
    kind: 'import',
    progressed: 'import.progressed',
    fromProgress: (p) => importActivity(client, open, p.jobId, p.parsedFiles, p.totalFiles, p.etaSeconds),
    finished: 'import.finished',
    finishedId: (job) => importActivityId(job.id),
    loadRunning: async () =>
      (await client.call('import.jobs', {}))
        .filter((job) => job.state === 'running')
        .map((job) => importActivity(client, open, job.id, job.doneFiles, job.totalFiles, null)),
  });
}

/** What the start and resume buttons tell the indicator, so it moves before the first progress event. */
export interface ImportTracking {
  /** A resume was asked for: shown at once, while the backend lists the files again. */
  resuming(jobId: number): void;
  /** The backend answered with the job it started or resumed. */
  running(job: ImportJob): void;
  /** The resume was refused: nothing runs. */
  failed(jobId: number): void;
}

/** The tracking functions for the import buttons. */
export function useImportTracking(): ImportTracking {
  const client = useStudio();
  const open = useOpenImport();
  const store = useActivityStore();
  return useMemo(
    () => ({
      resuming: (jobId) => store.begin({ ...importActivity(client, open, jobId, 0, null, null), label: 'Resuming import' }),
      running: (job) => {
        if (job.state === 'running') store.update(importActivity(client, open, job.id, job.doneFiles, job.totalFiles, null));
      },
      failed: (jobId) => store.end(importActivityId(jobId)),
    }),
    [client, open, store],
  );
}
