import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, logLoss } from '../../ml/eval/metrics';
import { calibrateTemperature, describeCalibration, fitTemperature, temperatureLogLoss } from '../../ml/models/calibration';
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

  it('with a few rows all predicted right, keeps a finite temperature where the plain fit collapses to its bound', () => {
    const K = 4;
    const rng = createRng(9);
    // 30 rows whose true class always scores highest: the likelihood alone keeps improving as T → 0.
    const n = 30;
    const y = Int32Array.from({ length: n }, (_, i) => i % K);
    const scores = Float64Array.from({ length: n * K }, (_, j) => (j % K === y[Math.floor(j / K)] ? 1 : -1) + rng.normal() * 0.2);
    expect(fitTemperature(scores, y, K)).toBe(0.001);
    const shrunk = fitTemperature(scores, y, K, 20);
    expect(shrunk).toBeGreaterThan(0.1);
    expect(shrunk).toBeLessThan(1);
    // A new row the model gets wrong by the same margin is then not "100 %" sure of its wrong answer.
    const wrong = softmaxRows(Float64Array.from([-1, 1, -1, -1]), K, shrunk);
    expect(wrong[1]!).toBeLessThan(0.999);
    const c = calibrateTemperature(scores, y, K, 'out-of-fold predictions of a test', 20);
    expect(c.shrinkage).toEqual({ priorRows: 20, temperatureAlone: 0.001 });
    expect(describeCalibration(c)).toBe(
      `T = ${shrunk.toFixed(3)}, fitted on 30 out-of-fold predictions of a test, shrunk toward T = 1 by a prior worth 20 rows (the 30 rows alone gave T = 0.001).`,
    );
  });

  it('with thousands of rows, the prior barely moves the temperature', () => {
    const K = 6;
    const { scores, y } = miscalibrated(4000, K, 0.5, 11);
    const alone = fitTemperature(scores, y, K);
    const withPrior = fitTemperature(scores, y, K, 20);
    expect(Math.abs(withPrior - alone) / alone).toBeLessThan(0.01);
    const c = calibrateTemperature(scores, y, K, 'held-out rows', 20);
    expect(describeCalibration(c)).toBe(
      `T = ${withPrior.toFixed(3)}, fitted on 4000 held-out rows; the prior toward T = 1 (worth 20 rows) moved it by less than 1%.`,
    );
  });
});
