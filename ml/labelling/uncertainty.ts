/**
 * How unsure a classifier is about one document, from its class probabilities: the two measures of
 * uncertainty sampling (Settles 2009, "Active Learning Literature Survey", §3.1). Pure.
 */

/** Which uncertainty the queue ranks by. */
export type UncertaintyMeasure = 'margin' | 'entropy';

/**
 * Uncertainty of each row of a row-major probability matrix, in [0, 1], higher = less sure.
 * margin: 1 − (p₁ − p₂), the gap between the two most probable classes (smallest gap = most unsure);
 * entropy: −Σ p ln p / ln K, normalised so a uniform row is 1.
 */
export function uncertaintyOf(proba: ArrayLike<number>, nClasses: number, measure: UncertaintyMeasure): Float64Array {
  const rows = Math.floor(proba.length / nClasses);
  const out = new Float64Array(rows);
  const logK = Math.log(nClasses);
  for (let r = 0; r < rows; r++) {
    const o = r * nClasses;
    if (measure === 'entropy') {
      let h = 0;
      for (let k = 0; k < nClasses; k++) {
        const p = proba[o + k]!;
        if (p > 0) h -= p * Math.log(p);
      }
      out[r] = nClasses > 1 ? h / logK : 0;
    } else {
      const [first, second] = topTwo(proba, o, nClasses);
      out[r] = 1 - (first - second);
    }
  }
  return out;
}

/** The two largest probabilities of one row (the second is 0 with one class). */
function topTwo(proba: ArrayLike<number>, offset: number, nClasses: number): [number, number] {
  let first = -Infinity;
  let second = 0;
  for (let k = 0; k < nClasses; k++) {
    const p = proba[offset + k]!;
    if (p > first) {
      second = first === -Infinity ? 0 : first;
      first = p;
    } else if (p > second) second = p;
  }
  return [first, second];
}

/** The most probable class of each row and its probability. */
export function topClassOf(proba: ArrayLike<number>, nClasses: number): { label: Int32Array; probability: Float64Array } {
  const rows = Math.floor(proba.length / nClasses);
  const label = new Int32Array(rows);
  const probability = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let k = 1; k < nClasses; k++) if (proba[r * nClasses + k]! > proba[r * nClasses + best]!) best = k;
    label[r] = best;
    probability[r] = proba[r * nClasses + best]!;
  }
  return { label, probability };
}
