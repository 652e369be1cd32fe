import { describe, expect, it } from 'vitest';
import { evaluateOnShared } from '../../../main/evaluation/compare-runs';

const prediction = (documentId: number, trueCategory: string, predictedCategory: string) => ({
  documentId,
  trueCategory,
  predictedCategory,
  confidence: 0.8,
  trueProbability: trueCategory === predictedCategory ? 0.8 : 0.1,
});

describe('comparing two runs', () => {
  it('scores both runs on the documents both predicted, not on each run’s own held-out set', () => {
    // Run 1 held out 1–4 and got 1 and 2 wrong; run 2 held out 3–6 and got 5 and 6 wrong. On 3 and 4 both are right.
    const base = [prediction(1, 'A', 'B'), prediction(2, 'B', 'A'), prediction(3, 'A', 'A'), prediction(4, 'B', 'B')];
    const run = [prediction(3, 'A', 'A'), prediction(4, 'B', 'B'), prediction(5, 'A', 'B'), prediction(6, 'B', 'A')];
    const shared = evaluateOnShared(base, run);
    expect(shared.shared.map((s) => s.run.documentId)).toEqual([3, 4]);
    expect(shared.baseReport.accuracy).toBe(1);
    expect(shared.report.accuracy).toBe(1);
    expect(shared.baseReport.confusion).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(shared.isTooSmall).toBe(true);
  });

  it('is not too small with 100 shared documents and 10 per category', () => {
    const many = Array.from({ length: 100 }, (_, i) => prediction(i + 1, `C${i % 10}`, `C${i % 10}`));
    expect(evaluateOnShared(many, many).isTooSmall).toBe(false);
    expect(evaluateOnShared(many.slice(0, 99), many).isTooSmall).toBe(true);
  });
});
