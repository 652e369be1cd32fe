import { describe, expect, it } from 'vitest';
import {
  accuracy,
  averageScores,
  confusionMatrix,
  evaluatePredictions,
  expectedCalibrationError,
  logLoss,
  macroF1,
  perClassScores,
} from '../../ml/eval/metrics';

// yTrue / yPred over 3 classes, worked by hand:
// class 0: TP 2, FP 1 (a 1 predicted 0), FN 1 (a 0 predicted 2) → P 2/3, R 2/3, F1 2/3
// class 1: TP 1, FP 0, FN 1 → P 1, R 1/2, F1 2/3
// class 2: TP 1, FP 1, FN 0 → P 1/2, R 1, F1 2/3
const yTrue = [0, 0, 0, 1, 1, 2];
const yPred = [0, 0, 2, 0, 1, 2];

describe('metrics', () => {
  it('confusion matrix counts true rows × predicted columns', () => {
    expect(confusionMatrix(yTrue, yPred, 3)).toEqual([
      [2, 0, 1],
      [1, 1, 0],
      [0, 0, 1],
    ]);
  });
  it('accuracy is correct / total', () => {
    expect(accuracy(yTrue, yPred)).toBeCloseTo(4 / 6, 12);
    expect(accuracy([], [])).toBe(0);
  });
  it('per-class precision, recall and F1 match the hand computation', () => {
    const s = perClassScores(confusionMatrix(yTrue, yPred, 3));
    expect(s[0]!.precision).toBeCloseTo(2 / 3, 12);
    expect(s[0]!.recall).toBeCloseTo(2 / 3, 12);
    expect(s[1]!.precision).toBeCloseTo(1, 12);
    expect(s[1]!.recall).toBeCloseTo(0.5, 12);
    expect(s[2]!.precision).toBeCloseTo(0.5, 12);
    expect(s[2]!.recall).toBeCloseTo(1, 12);
    expect(s.map((c) => c.support)).toEqual([3, 2, 1]);
  });
  it('macro averages classes equally; weighted averages by support', () => {
    const { macro, weighted } = averageScores(perClassScores(confusionMatrix(yTrue, yPred, 3)));
    expect(macro.f1).toBeCloseTo(2 / 3, 12);
    expect(macro.precision).toBeCloseTo((2 / 3 + 1 + 0.5) / 3, 12);
    expect(weighted.recall).toBeCloseTo((3 * (2 / 3) + 2 * 0.5 + 1 * 1) / 6, 12);
    expect(macroF1(yTrue, yPred, 3)).toBeCloseTo(2 / 3, 12);
  });
  it('a class never predicted has precision 0 (zero_division=0), and absent classes are skipped in the macro mean', () => {
    const s = perClassScores(confusionMatrix([0, 1], [0, 0], 3));
    expect(s[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(macroF1([0, 1], [0, 0], 3)).toBeCloseTo((2 / 3 + 0) / 2, 12);
  });
  it('log loss is −mean ln p(true), clipped', () => {
    const proba = [0.5, 0.5, 0.2, 0.8, 1, 0];
    expect(logLoss([0, 1, 1], proba, 2)).toBeCloseTo(-(Math.log(0.5) + Math.log(0.8) + Math.log(1e-15)) / 3, 10);
  });
  it('expected calibration error weighs |accuracy − confidence| per bin', () => {
    // Two rows at confidence 0.9 (one right, one wrong) and one at 0.6 (right):
    // bin 9: |0.5 − 0.9| × 2/3; bin 6: |1 − 0.6| × 1/3 → 0.4.
    const proba = [0.9, 0.1, 0.1, 0.9, 0.6, 0.4];
    expect(expectedCalibrationError([0, 0, 0], proba, 2).ece).toBeCloseTo(0.4, 12);
  });
  it('evaluatePredictions assembles the report from probabilities', () => {
    const proba = yPred.flatMap((p) => [0, 1, 2].map((k) => (k === p ? 0.8 : 0.1)));
    const r = evaluatePredictions(yTrue, proba, ['a', 'b', 'c']);
    expect(r.accuracy).toBeCloseTo(4 / 6, 12);
    expect(r.perClass.map((c) => c.label)).toEqual(['a', 'b', 'c']);
    expect(r.confusion[0]).toEqual([2, 0, 1]);
    expect(r.testRows).toBe(6);
  });
});
