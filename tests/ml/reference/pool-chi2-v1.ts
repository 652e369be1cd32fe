// Frozen copy of TokenPool.chi2 before its class sums were kept sparse (one dense array of
// candidates × classes, documents read in order): the reference the sparse version must equal.
import { chi2Scores } from '../../../ml/features/chi2';
import { RowScratch, weighRow } from '../../../ml/features/row-weights';
import type { TokenPool } from '../../../ml/features/token-pool';

export function poolChi2V1(
  pool: TokenPool,
  y: Int32Array,
  nClasses: number,
  on: 'presence' | 'tfidf',
): { scores: Float64Array; classSums: Float64Array | null } {
  const internals = pool as unknown as { candidateFeatures(d: number, stripped: boolean, s: RowScratch): number };
  const k = nClasses;
  const observed = new Float64Array(pool.candidates.length * k);
  const classDocs = new Float64Array(k);
  const s = new RowScratch();
  for (let d = 0; d < pool.docs.length; d++) {
    const c = y[d]!;
    classDocs[c]!++;
    const n = internals.candidateFeatures(d, false, s);
    const m = weighRow(s, n, pool.params.sublinearTf, pool.candidateIdf);
    let sumSq = 0;
    for (let i = 0; i < m; i++) sumSq += s.outVals[i]! * s.outVals[i]!;
    const inv = sumSq > 0 ? 1 / Math.sqrt(sumSq) : 0;
    for (let i = 0; i < m; i++) observed[s.outCols[i]! * k + c]! += on === 'presence' ? 1 : s.outVals[i]! * inv;
  }
  return { scores: chi2Scores(observed, pool.candidates.length, classDocs), classSums: on === 'tfidf' ? observed : null };
}
