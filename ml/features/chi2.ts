/** Chi-squared feature scoring (scikit-learn's chi2 over per-class feature totals). */
import type { ClassTotals } from './class-totals';

/**
 * chi² of every candidate and, when counted on TF-IDF mass, the per-class totals it came from
 * (candidate-major: classSums[f * K + k], the sum of class k's l2-normalised rows): the broad view's
 * centroids are those sums, so the chi² pass fits them too.
 */
export interface Chi2Result {
  scores: Float64Array;
  classSums: ClassTotals | null;
}

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

/** The value that would sit at `index` if `values` were sorted ascending (Hoare's selection; reorders `values`). */
function kthSmallest(values: Float64Array, index: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (index <= j) hi = j;
    else if (index >= i) lo = i;
    else return values[index]!;
  }
  return values[index]!;
}

/**
 * Indices of the `k` highest scores, highest first, ties broken by lower index: the first k of a full
 * sort by (score descending, index ascending), without sorting every index with a comparator (the
 * candidates run to 10^5–10^6; the k-th highest score comes from a selection over a copy instead).
 */
export function rankTopK(scores: Float64Array, k: number): Int32Array {
  const n = scores.length;
  const take = Math.max(0, Math.min(k, n));
  if (take === 0) return new Int32Array(0);
  const threshold = kthSmallest(Float64Array.from(scores), n - take);
  const picked = new Int32Array(take);
  let m = 0;
  // Every index above the threshold is in; ties at it fill the rest in index order.
  for (let i = 0; i < n; i++) if (scores[i]! > threshold) picked[m++] = i;
  for (let i = 0; i < n && m < take; i++) if (scores[i] === threshold) picked[m++] = i;
  return picked.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/**
 * Indices of the `k` highest scores, ties broken by lower index (deterministic), in ascending index
 * order: the set rankTopK picks, without ordering it (no comparator sort). `eligible`: only indices
 * whose flag is 1 take part.
 */
export function topKIndices(scores: Float64Array, k: number, eligible?: Uint8Array): Int32Array {
  const n = scores.length;
  let pool: Float64Array;
  if (eligible) {
    pool = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if (eligible[i] === 1) pool[m++] = scores[i]!;
    pool = pool.subarray(0, m);
  } else pool = Float64Array.from(scores);
  const take = Math.max(0, Math.min(k, pool.length));
  if (take === 0) return new Int32Array(0);
  const threshold = kthSmallest(pool, pool.length - take);
  let above = 0;
  for (let i = 0; i < n; i++) if ((!eligible || eligible[i] === 1) && scores[i]! > threshold) above++;
  // Every index above the threshold is in; ties at it fill the rest in index order.
  let ties = take - above;
  const picked = new Int32Array(take);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (eligible && eligible[i] !== 1) continue;
    if (scores[i]! > threshold) picked[m++] = i;
    else if (scores[i] === threshold && ties > 0) {
      picked[m++] = i;
      ties--;
    }
  }
  return picked;
}
