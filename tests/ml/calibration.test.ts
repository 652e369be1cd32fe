import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, logLoss } from '../../ml/eval/metrics';
import { calibrateTemperature, fitTemperature, temperatureLogLoss } from '../../ml/models/calibration';
import { softmaxRows } from '../../ml/models/estimator';
import { createRng } from '../../ml/random';

/** Scores and labels drawn so that softmax(scores / trueTemperature) is the true class probability. */
function miscalibrated(n: number, K: number, trueTemperature: number, seed: number): { scores: Float64Array; y: Int32Array } {
  const rng = createRng(seed);
  const scores = Float64Array.from({ length: n * K }, () => rng.normal() * 2.5);
  const truth = softmaxRows(scores, K, trueTemperature);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    let k = 0;
    while (k < K - 1 && u >= truth[i * K + k]!) u -= truth[i * K + k++]!;
    y[i] = k;
  }
  return { scores, y };
}

describe('temperature scaling', () => {
  for (const [name, trueT] of [
    ['over-confident scores (true temperature 2)', 2],
    ['under-confident scores (true temperature 0.5)', 0.5],
  ] as const) {
    it(`recovers the temperature of ${name} and lowers ECE and log loss on fresh rows`, () => {
      const K = 6;
      const fitRows = miscalibrated(4000, K, trueT, 1);
      const T = fitTemperature(fitRows.scores, fitRows.y, K);
      expect(Math.abs(T - trueT) / trueT).toBeLessThan(0.1);
      const test = miscalibrated(4000, K, trueT, 2);
      const raw = softmaxRows(test.scores, K, 1);
      const calibrated = softmaxRows(test.scores, K, T);
      const eceRaw = expectedCalibrationError(test.y, raw, K, 15).ece;
      const eceCalibrated = expectedCalibrationError(test.y, calibrated, K, 15).ece;
      expect(eceRaw).toBeGreaterThan(0.08);
      expect(eceCalibrated).toBeLessThan(0.03);
      expect(logLoss(test.y, calibrated, K)).toBeLessThan(logLoss(test.y, raw, K));
    });
  }

  it('minimises the held-out log loss (nearby temperatures do worse) and leaves calibrated scores near 1', () => {
    const K = 4;
    const { scores, y } = miscalibrated(3000, K, 1.5, 3);
    const T = fitTemperature(scores, y, K);
    const best = temperatureLogLoss(scores, y, K, T);
    expect(temperatureLogLoss(scores, y, K, T * 1.05)).toBeGreaterThan(best);
    expect(temperatureLogLoss(scores, y, K, T / 1.05)).toBeGreaterThan(best);
    const calibrated = miscalibrated(3000, K, 1, 4);
    expect(fitTemperature(calibrated.scores, calibrated.y, K)).toBeCloseTo(1, 1);
  });

  it('records where its rows came from, and ECE and log loss before and after', () => {
    const K = 5;
    const { scores, y } = miscalibrated(2000, K, 2.5, 5);
    const c = calibrateTemperature(scores, y, K, 'synthetic held-out rows');
    expect(c).toMatchObject({ method: 'temperature', source: 'synthetic held-out rows', rows: 2000 });
    expect(c.eceAfter).toBeLessThan(c.eceBefore);
    expect(c.logLossAfter).toBeLessThan(c.logLossBefore);
    expect(fitTemperature(new Float64Array(0), new Int32Array(0), K)).toBe(1);
  });
});
