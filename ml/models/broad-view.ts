/**
 * The fast engine's broad view: one centroid per class over a large body vocabulary (no title
 * terms), for texts too short for the focused NB-SVM. The focused model keeps a few thousand
 * chi²-selected terms, which is what makes it strong on whole resumes and what breaks it on a
 * pasted paragraph: most of its words are not in the vocabulary. The centroids keep tens of
 * thousands of terms and need no solver (one pass over the rows), and square-rooted weights let a
 * short text's evidence come from many words rather than from the few most frequent in a class.
 * A text's score mixes the two views by its length (see broadShare): whole resumes are scored by the
 * focused view as before, a one-line text mostly by the broad one.
 */
import type { CsrMatrix } from '../features/csr';
import type { Chi2Result } from '../features/chi2';
import type { ClassTotals } from '../features/class-totals';
import type { TokenPool } from '../features/token-pool';
import { quantize, TextVectorizer, type VectorizerParams } from '../features/vectorizer';
import { calibrateTemperature, type Calibration } from './calibration';

/** Settings of the broad view. */
export interface BroadParams {
  /** Body terms kept, by chi² on the training rows (0 turns the broad view off). */
  features: number;
  /** Each centroid weight is raised to this power (0.5: square root; 1: plain centroids). */
  weightPower: number;
  /**
   * The two views have an equal say on a text of this share of the median training document's body
   * tokens (words after cleaning and stop words): "short" is relative to what the model learned from.
   */
  gateShare: number;
  /** How quickly the say moves from the broad to the focused view as a text grows. */
  gatePower: number;
}

/**
 * Defaults, measured on the livecareer corpus (median resume 552 body tokens, a 60-word window about
 * 43): 20,000 terms did as well on windows as 50,000 with a model half the size; square roots added
 * a point there over plain centroids; an equal say at about 100 tokens (a fifth of the median) with
 * power 2 cost whole resumes 0.001 macro-F1, where power 1 cost 0.006.
 */
export const defaultBroadParams: BroadParams = { features: 20_000, weightPower: 0.5, gateShare: 0.2, gatePower: 2 };

/** The broad view's share of a text's score: 1 / (1 + (tokens / gateTokens)^gatePower), so 1 for an empty text and near 0 for a long one. */
export function broadShare(tokens: number, gate: { gateTokens: number; gatePower: number }): number {
  return 1 / (1 + (tokens / gate.gateTokens) ** gate.gatePower);
}

/** The gate's equal-say length for training documents of these body-token counts: gateShare × their median (at least 1). */
export function gateTokensOf(tokens: ArrayLike<number>, gateShare: number): number {
  const sorted = Float64Array.from(tokens).sort();
  const median =
    sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return Math.max(1, Math.round(gateShare * median));
}

/** Adds rows to per-class sums, so centroids can be built a chunk of rows at a time (a 50k corpus never holds its broad matrix). */
export class CentroidSums {
  private readonly sums: Float64Array;

  constructor(
    readonly nFeatures: number,
    readonly nClasses: number,
  ) {
    this.sums = new Float64Array(nFeatures * nClasses);
  }

  /** Sums taken from per-candidate class totals (the chi² pass's): those of `columns`, in that order. */
  static ofColumns(totals: ClassTotals, columns: Int32Array, nClasses: number): CentroidSums {
    const out = new CentroidSums(columns.length, nClasses);
    out.sums.set(totals.ofColumns(columns));
    return out;
  }

  /** Adds every row of X (its label in y, same order). */
  add(X: CsrMatrix, y: ArrayLike<number>): this {
    const K = this.nClasses;
    for (let r = 0; r < X.rows; r++) {
      const c = y[r]!;
      for (let q = X.indptr[r]!; q < X.indptr[r + 1]!; q++) this.sums[X.indices[q]! * K + c]! += X.values[q]!;
    }
    return this;
  }

  /** Feature-major weights (weights[j * K + k]): each class's sum scaled to unit length, raised to `power`, times `scale`, rounded as saved. */
  centroids(power: number, scale = 1): Float64Array {
    const K = this.nClasses;
    const F = this.nFeatures;
    const out = new Float64Array(F * K);
    const inverseNorms = new Float64Array(K);
    for (let i = 0; i < this.sums.length; i++) inverseNorms[i % K]! += this.sums[i]! ** 2;
    for (let k = 0; k < K; k++) inverseNorms[k] = inverseNorms[k]! > 0 ? 1 / Math.sqrt(inverseNorms[k]!) : 0;
    // Most sums are 0 (a term of one category rarely occurs in the others): they stay 0 without the power.
    for (let i = 0; i < this.sums.length; i++) if (this.sums[i] !== 0) out[i] = quantize(scale * (this.sums[i]! * inverseNorms[i % K]!) ** power);
    return out;
  }
}

/**
 * Scores of both views mixed row by row: (1 − g)·focused + g·broad, where g is the row's broad
 * share. `broad` is already on the focused view's scale (its weights carry that factor).
 */
export function mixScores(focused: Float64Array, broad: Float64Array, shares: ArrayLike<number>, nClasses: number): Float64Array {
  const out = new Float64Array(focused.length);
  for (let r = 0; r < shares.length; r++) {
    const g = shares[r]!;
    for (let k = r * nClasses; k < (r + 1) * nClasses; k++) out[k] = (1 - g) * focused[k]! + g * broad[k]!;
  }
  return out;
}

/** The broad view of a fitted pipeline. */
export interface BroadView {
  /** Body terms only (no "h:" title terms), cleaned and tokenized as the focused view's. */
  vectorizer: TextVectorizer;
  /** Feature-major centroid weights, already multiplied by `scale`. */
  weights: Float64Array;
  /** The factor that puts centroid scores on the focused model's scale (see calibrateViews). */
  scale: number;
  /** Body tokens at which the two views have an equal say (gateShare of the training documents' median). */
  gateTokens: number;
  gatePower: number;
  params: BroadParams;
}

/** Documents per chunk when summing the broad rows: bounds one chunk's matrix (~30 MB of a few hundred terms per row) at 50k documents. */
const CHUNK_DOCS = 8192;

/**
 * Fits the broad view on every document of a pool, leaving the pool's documents in place (the
 * focused vectorizer reads them next): the `features` body terms with the highest chi², and their
 * centroids from the class sums of that chi² pass (counted on TF-IDF mass); on presence counts the
 * rows are summed a chunk of documents at a time instead.
 */
export function fitBroadView(
  pool: TokenPool,
  y: Int32Array,
  nClasses: number,
  focusedParams: VectorizerParams,
  params: BroadParams,
  scale: number,
  chi2: Chi2Result,
): BroadView {
  const vectorizer = new TextVectorizer({ ...focusedParams, headlineTokens: 0, headlineWeight: 1, chi2Features: params.features, maxFeatures: 0 });
  const columns = vectorizer.fitVocabulary(pool, { y, nClasses }, chi2.scores, true);
  let sums: CentroidSums;
  if (chi2.classSums) sums = CentroidSums.ofColumns(chi2.classSums, columns, nClasses);
  else {
    sums = new CentroidSums(columns.length, nClasses);
    for (let from = 0; from < pool.size; from += CHUNK_DOCS) {
      const rows = Int32Array.from({ length: Math.min(CHUNK_DOCS, pool.size - from) }, (_, i) => from + i);
      sums.add(vectorizer.poolRows(pool, rows), y.subarray(from, from + rows.length));
    }
  }
  const gateTokens = gateTokensOf(
    Int32Array.from({ length: pool.size }, (_, d) => pool.bodyTokens(d)),
    params.gateShare,
  );
  return { vectorizer, weights: sums.centroids(params.weightPower, scale), scale, gateTokens, gatePower: params.gatePower, params };
}

/** Mean over rows of the standard deviation of a row's scores across classes. */
function meanSpread(scores: Float64Array, nClasses: number): number {
  let total = 0;
  const rows = scores.length / nClasses;
  for (let o = 0; o < scores.length; o += nClasses) {
    let mean = 0;
    for (let k = 0; k < nClasses; k++) mean += scores[o + k]!;
    mean /= nClasses;
    let sumSq = 0;
    for (let k = 0; k < nClasses; k++) sumSq += (scores[o + k]! - mean) ** 2;
    total += Math.sqrt(sumSq / nClasses);
  }
  return rows > 0 ? total / rows : 0;
}

/**
 * Calibrates the mixed scores from both views' held-out scores of the same rows. The broad view's
 * scale is the ratio of the two views' typical spread of scores across classes (a fit of nothing,
 * so a few dozen rows cannot make it extreme); then one temperature, with the prior toward 1, is
 * fitted on the mixed scores, each row with its broad share. `tokens`: each row's body tokens;
 * `gate`: the equal-say length and power.
 */
export function calibrateViews(
  focused: Float64Array,
  broad: Float64Array,
  y: Int32Array,
  nClasses: number,
  tokens: ArrayLike<number>,
  gate: { gateTokens: number; gatePower: number },
  source: string,
): { calibration: Calibration; scale: number; mixed: Float64Array } {
  const broadSpread = meanSpread(broad, nClasses);
  const scale = broadSpread > 0 ? quantize(meanSpread(focused, nClasses) / broadSpread) : 0;
  const shares = Float64Array.from(tokens, (n) => broadShare(n, gate));
  const mixed = mixScores(
    focused,
    broad.map((s) => s * scale),
    shares,
    nClasses,
  );
  return { calibration: calibrateTemperature(mixed, y, nClasses, source), scale, mixed };
}
