import { describe, expect, it } from 'vitest';
import { chooseReviewThreshold, fallbackThreshold, type ValidationPrediction } from '../../../main/predict/review-threshold';

const rows = (pairs: [number, boolean][]): ValidationPrediction[] => pairs.map(([confidence, isCorrect]) => ({ confidence, isCorrect }));

describe('chooseReviewThreshold', () => {
  it('picks the lowest confidence at which the predictions above are still 95 % right', () => {
    // 40 right at 0.9, then 1 wrong at 0.8 (40/41 = 97.6 %), 2 wrong at 0.7 (40/43 = 93 %), 20 right at 0.6 (60/63 = 95.2 %).
    const data = rows([
      ...Array.from({ length: 40 }, () => [0.9, true] as [number, boolean]),
      [0.8, false],
      [0.7, false],
      [0.7, false],
      ...Array.from({ length: 20 }, () => [0.6, true] as [number, boolean]),
      ...Array.from({ length: 10 }, () => [0.3, false] as [number, boolean]),
    ]);
    const choice = chooseReviewThreshold(data);
    expect(choice.threshold).toBe(0.6);
    expect(choice.accuracyAbove).toBeCloseTo(60 / 63, 10);
    expect(choice.coverage).toBeCloseTo(63 / 73, 10);
    expect(choice.basis).toMatch(/73 validation predictions.*60 % confidence or more, 95\.2 % were right/);
  });

  it('keeps tied confidences together', () => {
    // At 0.5: 19 right + 2 wrong = 90.5 %: the tie cannot be split to reach 95 %.
    const data = rows([...Array.from({ length: 19 }, () => [0.9, true] as [number, boolean]), [0.5, true], [0.5, false], [0.5, false]]);
    expect(chooseReviewThreshold(data).threshold).toBe(0.9);
  });

  it('marks everything for review when no level reaches the target', () => {
    const data = rows(Array.from({ length: 30 }, (_, i) => [0.9 - i * 0.01, i % 2 === 0]));
    const choice = chooseReviewThreshold(data, 0.95);
    // The single most confident row is right (100 %), so it is the only confident one.
    expect(choice.threshold).toBe(0.9);
    const wrongFirst = chooseReviewThreshold(rows(Array.from({ length: 30 }, (_, i) => [0.9 - i * 0.01, false])));
    expect(wrongFirst.threshold).toBeGreaterThan(0.9);
    expect(wrongFirst.basis).toMatch(/every prediction is marked for review/);
  });

  it('falls back to a fixed threshold, and says so, without enough validation data', () => {
    expect(chooseReviewThreshold([])).toMatchObject({ threshold: fallbackThreshold, basis: expect.stringMatching(/no stored validation predictions/) });
    expect(chooseReviewThreshold(rows([[0.9, true]])).basis).toMatch(/Only 1 validation prediction is stored/);
  });
});
