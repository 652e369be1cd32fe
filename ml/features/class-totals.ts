/**
 * Per-class totals of every candidate column, as a chi² pass over a whole corpus counts them. Kept
 * dense (candidates × classes) they are the biggest array of a large fit: at 50k resumes ~700k
 * candidates × 24 classes × 8 B = 134 MB, five sixths of it zeros (most terms occur in a few
 * classes). Counted one class at a time into one column-sized scratch, only each class's non-zero
 * columns are kept (12 B each), and chi² and the broad view's centroids are read from those with
 * the same arithmetic in the same order as from the dense array: the same numbers to the bit.
 */

/** Per-class totals of candidate columns, read for the columns a model keeps. */
export interface ClassTotals {
  /** Totals of `columns` (in that order), column-major: out[i * K + k] is columns[i]'s total in class k. */
  ofColumns(columns: Int32Array): Float64Array;
}

/** The dense layout (totals[c * K + k]) as ClassTotals. */
export function denseClassTotals(totals: Float64Array, nClasses: number): ClassTotals {
  return {
    ofColumns(columns) {
      const out = new Float64Array(columns.length * nClasses);
      columns.forEach((c, i) => out.set(totals.subarray(c * nClasses, (c + 1) * nClasses), i * nClasses));
      return out;
    },
  };
}

/** Class by class, each class's non-zero columns (ascending) and totals. */
export class SparseClassTotals implements ClassTotals {
  private readonly columns: Int32Array[] = [];
  private readonly totals: Float64Array[] = [];

  constructor(
    readonly nColumns: number,
    readonly nClasses: number,
  ) {}

  /**
   * Stores the next class's totals (classes come in order 0, 1, …): `scratch[c]` for each of the
   * `n` columns in `touched` (any order; sorted here). Leaves `scratch` zero at those columns.
   */
  addClass(scratch: Float64Array, touched: Int32Array, n: number): void {
    if (this.columns.length === this.nClasses) throw new Error(`All ${this.nClasses} classes were already added.`);
    const columns = touched.slice(0, n).sort();
    const totals = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      totals[i] = scratch[columns[i]!]!;
      scratch[columns[i]!] = 0;
    }
    this.columns.push(columns);
    this.totals.push(totals);
  }

  /**
   * chi² of every column against classes weighted by `classTotals`, as chi2Scores computes it from
   * the dense array: a column's total sums its classes in class order, then Σ_k (O − E)² / E adds
   * class by class in class order (E = total · share of class k); all-zero columns score 0.
   */
  scores(classTotals: ArrayLike<number>): Float64Array {
    this.requireComplete();
    const K = this.nClasses;
    let all = 0;
    for (let k = 0; k < K; k++) all += classTotals[k]!;
    const columnTotals = new Float64Array(this.nColumns);
    for (let k = 0; k < K; k++) {
      const cols = this.columns[k]!;
      const vals = this.totals[k]!;
      for (let i = 0; i < cols.length; i++) columnTotals[cols[i]!]! += vals[i]!;
    }
    const scores = new Float64Array(this.nColumns);
    for (let k = 0; k < K; k++) {
      const share = classTotals[k]! / all;
      const cols = this.columns[k]!;
      const vals = this.totals[k]!;
      let next = 0;
      for (let f = 0; f < this.nColumns; f++) {
        let observed = 0;
        if (next < cols.length && cols[next] === f) observed = vals[next++]!;
        const total = columnTotals[f]!;
        if (total === 0) continue;
        const expected = total * share;
        if (expected > 0) {
          const d = observed - expected;
          scores[f]! += (d * d) / expected;
        }
      }
    }
    return scores;
  }

  ofColumns(columns: Int32Array): Float64Array {
    this.requireComplete();
    const K = this.nClasses;
    const position = new Int32Array(this.nColumns).fill(-1);
    columns.forEach((c, i) => (position[c] = i));
    const out = new Float64Array(columns.length * K);
    for (let k = 0; k < K; k++) {
      const cols = this.columns[k]!;
      const vals = this.totals[k]!;
      for (let i = 0; i < cols.length; i++) {
        const p = position[cols[i]!]!;
        if (p >= 0) out[p * K + k] = vals[i]!;
      }
    }
    return out;
  }

  private requireComplete(): void {
    if (this.columns.length !== this.nClasses) throw new Error(`Totals of ${this.columns.length} of ${this.nClasses} classes were added.`);
  }
}
