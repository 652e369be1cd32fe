/** The run in progress as the page shows it: its latest progress, every epoch point so far, and the last run that ended. */
import { useEffect, useState } from 'react';
import type { RunSummary, TrainingProgress } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useStudioEvent } from '../../api/use-studio-event';

/** One point of the live chart: a step of one stage of one of the run's fits. */
export interface EpochPoint {
  /** The fit and stage, as the progress words name them ("Holdout model: epoch"). */
  fit: string;
  /** The step within that stage, 1..maxEpochs. */
  epoch: number;
  maxEpochs: number;
  loss: number | null;
  validationAccuracy: number | null;
}

/** "Holdout model: choosing C and features (inner cross-validation), step 3 of 8" → its part before the count. */
const stageOf = (step: string) => step.replace(/\s*\d+ of \d+\s*$/, '');

/** What the live view renders from. */
export interface LiveTraining {
  runId: number | null;
  progress: TrainingProgress | null;
  points: EpochPoint[];
  lastEnded: RunSummary | null;
}

/** Follows `training.progressed` / `training.finished`, starting from `training.current` (a page opened mid-run). */
export function useLiveTraining(): LiveTraining & { began(runId: number): void } {
  const client = useStudio();
  const [state, setState] = useState<LiveTraining>({ runId: null, progress: null, points: [], lastEnded: null });

  useEffect(() => {
    let isCurrent = true;
    client.call('training.current', {}).then(
      (current) => {
        if (isCurrent && current) setState((s) => (s.runId === null ? { ...s, runId: current.run.id, progress: current.progress } : s));
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [client]);

  useStudioEvent('training.progressed', (progress) =>
    setState((s) => {
      const isNew = s.runId !== progress.runId;
      const points = isNew ? [] : s.points;
      const withPoint =
        progress.epoch !== null
          ? [
              ...points,
              {
                fit: stageOf(progress.step),
                epoch: progress.epoch,
                maxEpochs: progress.maxEpochs ?? progress.epoch,
                loss: progress.loss,
                validationAccuracy: progress.validationAccuracy,
              },
            ]
          : points;
      return { ...s, runId: progress.runId, progress, points: withPoint };
    }),
  );
  useStudioEvent('training.finished', ({ run }) =>
    setState((s) => ({ ...s, runId: null, progress: null, lastEnded: run, points: s.runId === run.id ? s.points : [] })),
  );

  return { ...state, began: (runId) => setState((s) => (s.runId === runId ? s : { ...s, runId, progress: null, points: [] })) };
}
