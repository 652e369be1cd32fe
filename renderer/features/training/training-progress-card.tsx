/** The run in progress: phase and step in words, a progress bar with the ETA, the live chart and Cancel. */
import { lazy, Suspense } from 'react';
import type { TrainingProgress } from '../../../preload/contract';
import { ProgressMeter } from '../../components/progress-meter';
import { formatEta, formatFixed } from '../../format/numbers';
import type { EpochPoint } from './use-live-training';

/** The live chart, loaded with recharts only when first shown. */
export const TrainingProgressChart = lazy(() => import('./training-progress-chart').then((m) => ({ default: m.TrainingProgressChart })));

const phaseNames: Record<TrainingProgress['phase'], string> = {
  reading: 'Reading',
  vectorize: 'Vectorizing',
  fit: 'Fitting',
  evaluate: 'Evaluating',
  saving: 'Saving',
};

/** Shows a running run; `onCancel` stops it (the worker is terminated at once). */
export function TrainingProgressCard({
  runId,
  progress,
  points,
  onCancel,
}: {
  runId: number;
  progress: TrainingProgress | null;
  points: EpochPoint[];
  onCancel(): void;
}) {
  const percent = Math.floor((progress?.fraction ?? 0) * 100);
  const eta = progress?.etaMs === null || progress === null ? 'estimating time left…' : `about ${formatEta(progress.etaMs / 1000)} left`;
  return (
    <section className="card training-progress" aria-labelledby="training-progress-title" data-testid="training-progress">
      <div className="card-title-row">
        <h2 id="training-progress-title">Training run {runId}</h2>
        <button type="button" className="button danger" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p role="status" className="training-step">
        <strong>{progress ? phaseNames[progress.phase] : 'Starting'}</strong>
        {progress ? ` · ${progress.step}` : ' · starting the training worker'}
        {progress?.loss !== null && progress?.loss !== undefined ? ` · loss ${formatFixed(progress.loss, 3)}` : ''}
        {progress?.validationAccuracy !== null && progress?.validationAccuracy !== undefined
          ? ` · validation accuracy ${formatFixed(progress.validationAccuracy * 100, 1)}%`
          : ''}
      </p>
      <ProgressMeter label="Training progress" value={percent} max={100} valueText={`${percent}% done, ${eta}`} />
      <p className="muted">
        {percent}% · {eta}
      </p>
      <Suspense fallback={<div className="training-chart" />}>
        <TrainingProgressChart points={points} />
      </Suspense>
    </section>
  );
}
