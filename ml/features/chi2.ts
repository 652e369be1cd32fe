/** Chi-squared feature scoring (scikit-learn's chi2 over per-class feature totals). */

/**
 * Scores features from per-class totals: observed[f*K+c] is feature f's total in class c (counts or
 * document frequencies), classTotals[c] the class's share weight. chi² = Σ_c (O − E)² / E with
 * E = total_f · classTotals[c] / Σ classTotals, as sklearn.feature_selection.chi2 computes it.
 */
export function chi2Scores(observed: ArrayLike<number>, nFeatures: number, classTotals: ArrayLike<number>): Float64Array {
  const k = classTotals.length;
  let all = 0;
  for (let c = 0; c < k; c++) all += classTotals[c]!;
  const share = new Float64Array(k);
  for (let c = 0; c < k; c++) share[c] = classTotals[c]! / all;
  const scores = new Float64Array(nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    let total = 0;
    for (let c = 0; c < k; c++) total += observed[f * k + c]!;
    if (total === 0) continue;
    let score = 0;
    for (let c = 0; c < k; c++) {
      const expected = total * share[c]!;
      if (expected > 0) {
        const d = observed[f * k + c]! - expected;
        score += (d * d) / expected;
      }
    }
    scores[f] = score;
  }
  return scores;
}

/** Indices of the `k` highest scores, ties broken by lower index (deterministic), in ascending index order. */
export function topKIndices(scores: Float64Array, k: number): Int32Array {
  if (k >= scores.length) return Int32Array.from(scores.keys());
  const order = Int32Array.from(scores.keys());
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.subarray(0, k).sort();
}
