/** Compressed sparse row matrices in typed arrays: the only matrix format the fast path uses. */

/** A CSR matrix: row r's columns are indices[indptr[r]..indptr[r+1]) (sorted), with matching values. */
export interface CsrMatrix {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Builds a CSR matrix row by row without knowing the number of non-zeros in advance. */
export class CsrBuilder {
  private indices = new Int32Array(1024);
  private values = new Float32Array(1024);
  private readonly indptr: number[] = [0];
  private nnz = 0;

  constructor(private readonly cols: number) {}

  /** Appends one row; `indices` must be sorted ascending and unique. */
  addRow(indices: ArrayLike<number>, values: ArrayLike<number>, length = indices.length): void {
    const needed = this.nnz + length;
    if (needed > this.indices.length) {
      let size = this.indices.length;
      while (size < needed) size *= 2;
      const i2 = new Int32Array(size);
      i2.set(this.indices.subarray(0, this.nnz));
      const v2 = new Float32Array(size);
      v2.set(this.values.subarray(0, this.nnz));
      this.indices = i2;
      this.values = v2;
    }
    for (let i = 0; i < length; i++) {
      this.indices[this.nnz + i] = indices[i]!;
      this.values[this.nnz + i] = values[i]!;
    }
    this.nnz = needed;
    this.indptr.push(this.nnz);
  }

  /** The finished matrix (arrays trimmed to size). */
  build(): CsrMatrix {
    return {
      rows: this.indptr.length - 1,
      cols: this.cols,
      indptr: Int32Array.from(this.indptr),
      indices: this.indices.slice(0, this.nnz),
      values: this.values.slice(0, this.nnz),
    };
  }
}

/** Scales every row to unit Euclidean norm in place (empty rows stay empty). */
export function l2NormalizeRows(m: CsrMatrix): CsrMatrix {
  for (let r = 0; r < m.rows; r++) {
    let sum = 0;
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) sum += m.values[p]! * m.values[p]!;
    if (sum === 0) continue;
    const inv = 1 / Math.sqrt(sum);
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) m.values[p] = m.values[p]! * inv;
  }
  return m;
}

/** The rows at the given positions, in that order (a copy). */
export function selectRows(m: CsrMatrix, rows: ArrayLike<number>): CsrMatrix {
  let nnz = 0;
  for (let i = 0; i < rows.length; i++) nnz += m.indptr[rows[i]! + 1]! - m.indptr[rows[i]!]!;
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const start = m.indptr[rows[i]!]!;
    const end = m.indptr[rows[i]! + 1]!;
    indices.set(m.indices.subarray(start, end), at);
    values.set(m.values.subarray(start, end), at);
    at += end - start;
    indptr[i + 1] = at;
  }
  return { rows: rows.length, cols: m.cols, indptr, indices, values };
}

/** Keeps the columns with newIndex[col] >= 0, renumbered to newIndex[col]; rows stay sorted if newIndex is monotone. */
export function selectColumns(m: CsrMatrix, newIndex: Int32Array, newCols: number): CsrMatrix {
  const b = new CsrBuilder(newCols);
  const idx: number[] = [];
  const val: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    idx.length = 0;
    val.length = 0;
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) {
      const c = newIndex[m.indices[p]!]!;
      if (c >= 0) {
        idx.push(c);
        val.push(m.values[p]!);
      }
    }
    b.addRow(idx, val);
  }
  return b.build();
}

/** Appends dense columns (rows × extra, row-major) to the right of a CSR matrix. */
export function appendDenseColumns(m: CsrMatrix, dense: Float64Array | Float32Array, extra: number): CsrMatrix {
  if (extra === 0) return m;
  const nnz = m.indices.length + m.rows * extra;
  const indptr = new Int32Array(m.rows + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let at = 0;
  for (let r = 0; r < m.rows; r++) {
    const start = m.indptr[r]!;
    const end = m.indptr[r + 1]!;
    indices.set(m.indices.subarray(start, end), at);
    values.set(m.values.subarray(start, end), at);
    at += end - start;
    for (let e = 0; e < extra; e++) {
      indices[at] = m.cols + e;
      values[at] = dense[r * extra + e]!;
      at++;
    }
    indptr[r + 1] = at;
  }
  return { rows: m.rows, cols: m.cols + extra, indptr, indices, values };
}

/** Stacks CSR matrices with the same column count vertically. */
export function stackRows(parts: CsrMatrix[]): CsrMatrix {
  const cols = parts[0]?.cols ?? 0;
  const rows = parts.reduce((s, p) => s + p.rows, 0);
  const nnz = parts.reduce((s, p) => s + p.indices.length, 0);
  const indptr = new Int32Array(rows + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let r = 0;
  let at = 0;
  for (const p of parts) {
    indices.set(p.indices, at);
    values.set(p.values, at);
    for (let i = 0; i < p.rows; i++) indptr[++r] = at + p.indptr[i + 1]!;
    at += p.indices.length;
  }
  return { rows, cols, indptr, indices, values };
}
