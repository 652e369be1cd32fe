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

/**
 * Indices of the `k` highest scores, highest first, ties broken by lower index: the first k of a full
 * sort by (score descending, index ascending), without sorting every index with a comparator (the
 * candidates run to 10^5–10^6; the k-th highest score comes from a numeric sort of a copy instead).
 */
export function rankTopK(scores: Float64Array, k: number): Int32Array {
  const n = scores.length;
  const take = Math.max(0, Math.min(k, n));
  if (take === 0) return new Int32Array(0);
  const threshold = Float64Array.from(scores).sort()[n - take]!;
  const picked = new Int32Array(take);
  let m = 0;
  // Every index above the threshold is in; ties at it fill the rest in index order.
  for (let i = 0; i < n; i++) if (scores[i]! > threshold) picked[m++] = i;
  for (let i = 0; i < n && m < take; i++) if (scores[i] === threshold) picked[m++] = i;
  return picked.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** Indices of the `k` highest scores, ties broken by lower index (deterministic), in ascending index order. */
export function topKIndices(scores: Float64Array, k: number): Int32Array {
  if (k >= scores.length) return Int32Array.from(scores.keys());
  return rankTopK(scores, k).sort();
}
