/** Random sparse CSR rows with labels, for solver tests (tests/ml). */
import { CsrBuilder, type CsrMatrix } from '../../ml/features/csr';
import { createRng } from '../../ml/random';

/** Overlapping random sparse rows: no class is separable, so many margins are active at the optimum. */
export function noisyData(rows: number, cols: number, classes: number, seed: number): { X: CsrMatrix; y: Int32Array } {
  const rng = createRng(seed);
  const b = new CsrBuilder(cols);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    y[r] = rng.int(classes);
    const picked = new Set<number>([y[r]!, rng.int(cols), rng.int(cols), rng.int(cols)]);
    const idx = [...picked].sort((a, c) => a - c);
    b.addRow(
      idx,
      idx.map(() => 0.2 + rng.next()),
    );
  }
  return { X: b.build(), y };
}
