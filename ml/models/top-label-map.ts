/**
 * Top-label calibration after the temperature (after Platt 1999 and Gupta & Ramdas 2022, "Top-label
 * calibration"): one temperature fitted on the log loss of every class left, on the livecareer
 * splits, the model underconfident where it hesitates (rows it gave 0.1–0.6 were right 27–68% of the
 * time) and overconfident where it is sure (0.99 → 97%). A temperature moves both the same way; this
 * map bends them apart: the top probability c becomes σ(slope · logit(c) + intercept), fitted on the
 * same held-out rows as the temperature by whether their top class was right, and the other classes
 * share what is left in their old proportions. The top class stays the top class (a row where the map
 * would let another overtake it keeps its probabilities), so predictions and every metric of them are
 * unchanged; only the stated confidence moves. A prior toward the identity (slope 1, intercept 0),
 * worth TOP_LABEL_PRIOR_ROWS rows, keeps a few dozen rows from bending it far.
 */

/** The map, stored with the model's calibration. */
export interface TopLabelMap {
  slope: number;
  intercept: number;
  /** Top-label ECE (15 bins) of the held-out rows it was fitted on, before and after it. */
  eceBefore: number;
  eceAfter: number;
}

/** The prior's strength: (slope − 1)² + intercept² weigh as much as the log loss of this many rows. */
export const TOP_LABEL_PRIOR_ROWS = 20;

/** Bounds of the slope: positive keeps the map increasing (a more confident row stays more confident). */
export const TOP_LABEL_SLOPE_RANGE = [0.05, 20] as const;

const EPS = 1e-12;
const logit = (p: number) => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The slope and intercept that minimise the log loss of "the top class was right" (`correct`) given
 * σ(slope · logit(confidence) + intercept), plus the prior toward the identity: Newton steps on two
 * parameters (the objective is convex), the slope kept inside TOP_LABEL_SLOPE_RANGE.
 */
export function fitTopLabelMap(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number>,
  priorRows = TOP_LABEL_PRIOR_ROWS,
): { slope: number; intercept: number } {
  let a = 1;
  let b = 0;
  const n = confidence.length;
  if (n === 0) return { slope: a, intercept: b };
  const x = Float64Array.from(confidence, logit);
  for (let iter = 0; iter < 100; iter++) {
    let ga = priorRows * (a - 1);
    let gb = priorRows * b;
    let haa = priorRows;
    let hab = 0;
    let hbb = priorRows;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(a * x[i]! + b);
      const r = p - correct[i]!;
      const w = Math.max(p * (1 - p), 1e-12);
      ga += r * x[i]!;
      gb += r;
      haa += w * x[i]! * x[i]!;
      hab += w * x[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a = Math.min(TOP_LABEL_SLOPE_RANGE[1], Math.max(TOP_LABEL_SLOPE_RANGE[0], a - da));
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  // Rounded like the temperature, so the stored model reads the same on every machine.
  return { slope: Math.round(a * 1e6) / 1e6, intercept: Math.round(b * 1e6) / 1e6 };
}

/** Applies the map to row-major probabilities (rows × k), in place, and returns them. */
export function applyTopLabelMap(proba: Float64Array, k: number, map: Pick<TopLabelMap, 'slope' | 'intercept'>): Float64Array {
  for (let o = 0; o < proba.length; o += k) {
    let top = o;
    for (let j = o + 1; j < o + k; j++) if (proba[j]! > proba[top]!) top = j;
    // What the others hold, summed rather than 1 − c: a top near 1 would magnify the difference.
    let second = 0;
    let rest = 0;
    for (let j = o; j < o + k; j++) {
      if (j === top) continue;
      second = Math.max(second, proba[j]!);
      rest += proba[j]!;
    }
    const c = proba[top]!;
    const mapped = sigmoid(map.slope * logit(c) + map.intercept);
    // The others scale by (1 − mapped) / rest (share it equally when they had nothing); the top must
    // still beat the largest of them, strictly, so the argmax is the same.
    const scale = rest > EPS ? (1 - mapped) / rest : 0;
    const largestOther = rest > EPS ? second * scale : (1 - mapped) / Math.max(1, k - 1);
    if (k < 2 || mapped <= largestOther) continue;
    for (let j = o; j < o + k; j++) {
      if (j === top) proba[j] = mapped;
      else proba[j] = rest > EPS ? proba[j]! * scale : largestOther;
    }
  }
  return proba;
}
