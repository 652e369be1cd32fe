/**
 * Training runs in the status line's activity indicator: fed by `training.progressed` /
 * `training.finished`, re-read from `training.current` after a (re)connect, shown as a percentage
 * with time left, with Cancel and a click that opens the Train page. The Train button reports a
 * run at once, before its first progress event.
 */
import { useMemo } from 'react';
import type { TrainingProgress } from '../../../preload/contract';
import type { StudioClient } from '../../api/client';
import { useStudio } from '../../api/studio-context';
import { hashForRoute } from '../../app/routes';
import { useActivityStore } from '../activity/activity-context';
import type { Activity } from '../activity/activity-store';
import { useActivityFeed } from '../activity/use-activity-feed';

/** The activity id of a training run. */
export function trainingActivityId(runId: number): string {
  return `training:${runId}`;
}

/** The activity of run `runId`; without progress yet it is "getting ready". */
export function trainingActivity(client: StudioClient, runId: number, progress: TrainingProgress | null): Activity {
  return {
    id: trainingActivityId(runId),
    kind: 'training',
    label: 'Training',
    // Whole percent: a run's phases have no common unit to count, its fraction is the one measure.
    done: progress ? Math.floor(progress.fraction * 100) : 0,
    total: progress ? 100 : null,
    unit: 'percent',
    etaSeconds: progress?.etaMs == null ? null : progress.etaMs / 1000,
    cancel: () => client.call('training.cancel', {}),
    open: () => {
      window.location.hash = hashForRoute('train');
    },
  };
}

/** Keeps the running training run in the activity indicator; mount once in the shell. */
export function useTrainingActivityFeed(): void {
  const client = useStudio();
  useActivityFeed({
    kind: 'training',
    progressed: 'training.progressed',
    fromProgress: (progress) => trainingActivity(client, progress.runId, progress),
    finished: 'training.finished',
    finishedId: ({ run }) => trainingActivityId(run.id),
    loadRunning: async () => {
      const current = await client.call('training.current', {});
      return current ? [trainingActivity(client, current.run.id, current.progress)] : [];
    },
  });
}

/** What the Train button tells the indicator when the backend accepted a run. */
export function useTrainingTracking(): { started(runId: number): void } {
  const client = useStudio();
  const store = useActivityStore();
  return useMemo(() => ({ started: (runId: number) => store.begin(trainingActivity(client, runId, null)) }), [client, store]);
}
