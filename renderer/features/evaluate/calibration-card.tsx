/** Calibration of a run: the reliability diagram and the temperature that scales its probabilities. */
import { lazy, Suspense } from 'react';
import type { CalibrationReport } from '../../../preload/contract';
import { formatFixed } from '../../format/numbers';

const ReliabilityChart = lazy(() => import('./reliability-chart').then((m) => ({ default: m.ReliabilityChart })));

/** Says whether shown probabilities mean what they say. */
export function CalibrationCard({ calibration }: { calibration: CalibrationReport }) {
  return (
    <section className="card" aria-labelledby="calibration-title">
      <h2 id="calibration-title">Do the probabilities mean what they say?</h2>
      <p>
        Expected calibration error on the held-out resumes: <strong>{formatFixed(calibration.eceAfter, 3)}</strong>
        {calibration.temperature !== 1
          ? ` after temperature scaling (T = ${formatFixed(calibration.temperature, 2)}, fitted on validation folds; ${formatFixed(calibration.eceBefore, 3)} before).`
          : ' (the engine applied no temperature).'}{' '}
        {calibration.temperatureFit ? `${calibration.temperatureFit} ` : ''}A bar at the height of its bin&apos;s confidence is perfectly calibrated.
      </p>
      <Suspense fallback={<div className="chart-placeholder" />}>
        <ReliabilityChart calibration={calibration} />
      </Suspense>
    </section>
  );
}
