import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankTopK, topKIndices } from '../../ml/features/chi2';

/** The definition: every index sorted by score descending, ties by lower index, then the first k. */
const byFullSort = (scores: Float64Array, k: number) =>
  Int32Array.from(scores.keys())
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .subarray(0, k);

describe('top-k selection', () => {
  it('equals the first k of a full sort, ties included (scores drawn from few values)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 200 }), fc.nat(220), (values, k) => {
        const scores = Float64Array.from(values, (v) => v / 3);
        expect(Array.from(rankTopK(scores, k))).toEqual(Array.from(byFullSort(scores, k)));
        expect(Array.from(topKIndices(scores, k))).toEqual(Array.from(byFullSort(scores, k)).sort((a, b) => a - b));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
  it('among eligible indices only, the first k of their full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { maxLength: 200 }), fc.nat(220), (pairs, k) => {
        const scores = Float64Array.from(pairs, ([v]) => v / 3);
        const eligible = Uint8Array.from(pairs, ([, isIn]) => (isIn ? 1 : 0));
        const expected = Array.from(byFullSort(scores, scores.length))
          .filter((i) => eligible[i] === 1)
          .slice(0, k)
          .sort((a, b) => a - b);
        expect(Array.from(topKIndices(scores, k, eligible))).toEqual(expected);
      }),
      { numRuns: 2000, seed: 6 },
    );
  });
});
