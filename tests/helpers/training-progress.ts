/** A `training.progressed` payload for tests of what follows a run's progress (status line, taskbar). */
import type { TrainingProgress } from '../../preload/contract';

/** Progress of run `runId` at `fraction` of the whole, in its final fit. */
export function trainingProgress(runId: number, fraction: number, times: { elapsedMs?: number; etaMs?: number | null } = {}): TrainingProgress {
  return {
    runId,
    phase: 'fit',
    step: 'Final fit',
    epoch: null,
    maxEpochs: null,
    loss: null,
    validationAccuracy: null,
    fraction,
    elapsedMs: times.elapsedMs ?? 1000,
    etaMs: times.etaMs ?? null,
  };
}
