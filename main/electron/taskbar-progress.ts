/**
 * The taskbar (Windows), dock (macOS) and launcher (Unity) progress bar for long work, driven by
 * the event bus. Each kind of work is one reader from its events to progress: imports, training
 * runs and prediction batches. Pure Node (the window is injected), so it is
 * unit-tested without Electron; imported by main/electron/index.ts.
 */
import type { StudioEvent } from '../../preload/contract';
import type { EventBus } from '../rpc/event-bus';

/** What a reader makes of one event: progress of some work, its end, or nothing. */
export type ProgressUpdate = { key: string; fraction: number } | { key: string; isDone: true } | null;

/** Maps a kind of work's events to progress updates. */
export type ProgressReader = (event: StudioEvent) => ProgressUpdate;

/** Imports: `import.progressed` moves the bar, `import.finished` ends it. */
export const importProgress: ProgressReader = (event) => {
  if (event.name === 'import.progressed') {
    const { jobId, parsedFiles, totalFiles } = event.payload;
    return { key: `import:${jobId}`, fraction: totalFiles > 0 ? parsedFiles / totalFiles : 0 };
  }
  if (event.name === 'import.finished') return { key: `import:${event.payload.id}`, isDone: true };
  return null;
};

/** Training runs: the run's own fraction moves the bar, `training.finished` (however it ended) ends it. */
export const trainingProgress: ProgressReader = (event) => {
  if (event.name === 'training.progressed') return { key: `training:${event.payload.runId}`, fraction: event.payload.fraction };
  if (event.name === 'training.finished') return { key: `training:${event.payload.run.id}`, isDone: true };
  return null;
};

/** Prediction batches: files done of the batch; a batch that is no longer running (finished, cancelled) ends it. */
export const batchPredictionProgress: ProgressReader = (event) => {
  if (event.name !== 'predict.batchProgressed') return null;
  const { id, done, total, state } = event.payload;
  if (state !== 'running') return { key: `predict:${id}`, isDone: true };
  return { key: `predict:${id}`, fraction: total > 0 ? done / total : 0 };
};

/** Every kind of long work the taskbar follows. */
export const allProgressReaders: readonly ProgressReader[] = [importProgress, trainingProgress, batchPredictionProgress];

/** What followTaskbarProgress needs. */
export interface TaskbarProgressOptions {
  events: Pick<EventBus, 'subscribe'>;
  readers: readonly ProgressReader[];
  /** BrowserWindow.setProgressBar: 0–1 shows progress, -1 removes the bar. */
  setProgress(value: number): void;
}

/** Shows the mean progress of everything running (0–1), and no bar when nothing runs; returns an unsubscribe. */
export function followTaskbarProgress(options: TaskbarProgressOptions): () => void {
  const running = new Map<string, number>();
  let shown = -1;
  const show = () => {
    const values = [...running.values()];
    const next = values.length === 0 ? -1 : values.reduce((sum, v) => sum + v, 0) / values.length;
    if (next === shown) return;
    shown = next;
    options.setProgress(next);
  };
  return options.events.subscribe((event) => {
    for (const read of options.readers) {
      const update = read(event);
      if (!update) continue;
      if ('isDone' in update) running.delete(update.key);
      else running.set(update.key, Math.min(1, Math.max(0, update.fraction)));
      show();
    }
  });
}
