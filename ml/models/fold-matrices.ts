/**
 * The matrices a cross-fit works on: chi² of candidate columns over some rows of a raw candidate
 * matrix, a fold's model matrix over its chosen columns, and the renumbering of a sample's columns
 * to the terms it holds.
 */
import { chi2Scores } from '../features/chi2';
import { CsrBuilder, type CsrMatrix } from '../features/csr';

/** 1 / ‖row‖₂ of every row of a matrix (0 for an empty row), so each chi² pass over rows of it reads each row once. */
export function inverseRowNorms(M: CsrMatrix): Float64Array {
  const out = new Float64Array(M.rows);
  for (let r = 0; r < M.rows; r++) {
    let sumSq = 0;
    for (let q = M.indptr[r]!; q < M.indptr[r + 1]!; q++) sumSq += M.values[q]! * M.values[q]!;
    out[r] = sumSq > 0 ? 1 / Math.sqrt(sumSq) : 0;
  }
  return out;
}

/**
 * chi² of every candidate column over the given rows of a raw candidate matrix (values l2-normalised
 * per row, or presence). `observed` is scratch of M.cols × nClasses (reused: at 10^5 candidates × 24
 * classes it is tens of MB per call).
 */
export function foldChi2(
  M: CsrMatrix,
  inverseNorms: Float64Array,
  rows: Int32Array,
  y: Int32Array,
  nClasses: number,
  on: 'presence' | 'tfidf',
  observed: Float64Array,
): Float64Array {
  observed.fill(0);
  const classDocs = new Float64Array(nClasses);
  for (const r of rows) {
    const c = y[r]!;
    classDocs[c]!++;
    const inv = inverseNorms[r]!;
    for (let q = M.indptr[r]!; q < M.indptr[r + 1]!; q++) observed[M.indices[q]! * nClasses + c]! += on === 'presence' ? 1 : M.values[q]! * inv;
  }
  return chi2Scores(observed, M.cols, classDocs);
}

/** The model matrix of some rows: chosen columns, row l2 norm, title weight, then the engineered columns. */
export function foldMatrix(
  M: CsrMatrix,
  rows: Int32Array,
  colMap: Int32Array,
  nCols: number,
  isHead: Uint8Array,
  hw: number,
  dense: Float64Array,
  width: number,
  docOf: Int32Array,
): CsrMatrix {
  const b = new CsrBuilder(nCols + width);
  const idx = new Int32Array(M.cols + width);
  const val = new Float64Array(M.cols + width);
  for (const r of rows) {
    let m = 0;
    let sumSq = 0;
    for (let q = M.indptr[r]!; q < M.indptr[r + 1]!; q++) {
      const c = colMap[M.indices[q]!]!;
      if (c < 0) continue;
      idx[m] = c;
      val[m++] = M.values[q]!;
      sumSq += M.values[q]! * M.values[q]!;
    }
    const inv = sumSq > 0 ? 1 / Math.sqrt(sumSq) : 1;
    for (let i = 0; i < m; i++) val[i] = val[i]! * inv * (isHead[idx[i]!] ? hw : 1);
    for (let e = 0; e < width; e++) {
      idx[m] = nCols + e;
      val[m++] = dense[docOf[r]! * width + e]!;
    }
    b.addRow(idx, val, m);
  }
  return b.build();
}

/**
 * Renumbers the columns of `M` (and `S`, over the same columns) to the candidates that occur in
 * them, in the same order, and returns the pool candidate of each new column; null when every
 * column occurs (nothing changes). Tuning a large corpus reads a sample of a few thousand
 * documents: its chi² scratch (columns × classes) then sizes to their terms, not the corpus's
 * (at 50k resumes, ~700k candidates × 24 classes × 8 B = 134 MB). Order is kept, so rankings,
 * ties and chosen columns are the same as over the pool's columns.
 */
export function compactColumns(M: CsrMatrix, S: CsrMatrix | null): Int32Array | null {
  const localOf = new Int32Array(M.cols);
  for (const m of S ? [M, S] : [M]) for (let q = 0; q < m.indices.length; q++) localOf[m.indices[q]!] = 1;
  let used = 0;
  for (let c = 0; c < localOf.length; c++) localOf[c] = localOf[c] ? used++ : -1;
  if (used === M.cols) return null;
  const poolColumns = new Int32Array(used);
  for (let c = 0; c < localOf.length; c++) if (localOf[c]! >= 0) poolColumns[localOf[c]!] = c;
  for (const m of S ? [M, S] : [M]) {
    for (let q = 0; q < m.indices.length; q++) m.indices[q] = localOf[m.indices[q]!]!;
    m.cols = used;
  }
  return poolColumns;
}
