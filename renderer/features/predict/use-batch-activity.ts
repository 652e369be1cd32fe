/**
 * Batch prediction in the status line's activity indicator: fed by `predict.batchProgressed`
 * (which also says when a batch ended), with the time left estimated from this window's own start
 * time, Cancel (stops sending files) and a click that opens the Predict page. A batch is driven by
 * this window's predict store, so after a reconnect the store, not the backend, says what runs.
 */
import type { PredictBatch } from '../../../preload/contract';
import type { StudioClient } from '../../api/client';
import { useStudio } from '../../api/studio-context';
import { hashForRoute } from '../../app/routes';
import type { Activity } from '../activity/activity-store';
import { useActivityFeed } from '../activity/use-activity-feed';
import { cancelBatch, currentBatch } from './predict-store';

/** The activity id of a prediction batch. */
export function batchActivityId(batchId: number): string {
  return `predict:${batchId}`;
}

/** Seconds left at the pace so far, or null before the first file is done. */
export function batchEtaSeconds(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0) return null;
  return ((elapsedMs / done) * Math.max(0, total - done)) / 1000;
}

function batchActivity(client: StudioClient, batch: Pick<PredictBatch, 'id' | 'done' | 'total'>, nowMs = Date.now()): Activity {
  const started = currentBatch();
  const startedAtMs = started?.id === batch.id ? started.startedAtMs : null;
  return {
    id: batchActivityId(batch.id),
    kind: 'predict',
    label: 'Predicting',
    done: batch.done,
    total: batch.total,
    unit: 'files',
    etaSeconds: startedAtMs === null ? null : batchEtaSeconds(batch.done, batch.total, nowMs - startedAtMs),
    cancel: () => cancelBatch(client),
    open: () => {
      window.location.hash = hashForRoute('predict');
    },
  };
}

/** Keeps a running prediction batch in the activity indicator; mount once in the shell. */
export function useBatchActivityFeed(): void {
  const client = useStudio();
  useActivityFeed({
    kind: 'predict',
    progressed: 'predict.batchProgressed',
    fromProgress: (batch) => (batch.state === 'running' ? batchActivity(client, batch) : null),
    finished: 'predict.batchProgressed',
    finishedId: (batch) => (batch.state === 'running' ? null : batchActivityId(batch.id)),
    loadRunning: async () => {
      const batch = currentBatch();
      return batch?.id != null && batch.state === 'running' ? [batchActivity(client, { id: batch.id, done: batch.done, total: batch.total })] : [];
    },
  });
}
