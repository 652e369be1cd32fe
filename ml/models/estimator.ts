/** The estimator contract shared by every classifier over sparse features (GUIDE §6). */
import type { CsrMatrix } from '../features/csr';
import type { ClassHelper } from './svm-class-sharing';

/** The subset of AbortSignal that training checks (ml/ has no DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Progress of a long fit: `epoch` of `maxEpochs` steps within the current phase. */
export interface FitProgress {
  /** vectorize → tune (inner cross-validation) → fit (the final model) → calibrate (temperature). */
  phase: 'vectorize' | 'tune' | 'fit' | 'calibrate';
  epoch: number;
  maxEpochs: number;
  trainLoss: number;
  validationLoss: number | null;
  validationAccuracy: number | null;
}

/** Optional hooks for a long fit. */
export interface FitHooks {
  onProgress?: (progress: FitProgress) => void;
  signal?: AbortSignalLike;
  /** Called by a pipeline between vectorizing and training (lets callers time the two phases). */
  onVectorized?: () => void;
  /** Another thread that takes classes of each one-vs-rest SVM fit (the same weights, sooner; see svm-class-sharing.ts). */
  classHelper?: ClassHelper;
}

/** A classifier over CSR rows with integer labels 0..nClasses-1. */
export interface SparseClassifier {
  readonly engine: string;
  readonly isFitted: boolean;
  /** Learns from X and labels y (0..nClasses-1); resets any previous state; returns this. */
  fit(X: CsrMatrix, y: Int32Array, nClasses: number, hooks?: FitHooks): this;
  /** Row-major rows × nClasses scores whose softmax is predictProba (margins or log-probabilities). */
  decisionFunction(X: CsrMatrix): Float64Array;
  /** Row-major rows × nClasses probabilities before calibration (each row sums to 1). */
  predictProba(X: CsrMatrix): Float64Array;
  /** The most probable class index per row. */
  predict(X: CsrMatrix): Int32Array;
  /** Per-feature weight for a class (the explanation's w), or null when the model has none. */
  classWeights(classIndex: number): Float64Array | null;
  /** Plain JSON state (parameters and learned weights). */
  toJSON(): Record<string, unknown>;
}

/**
 * When aborted, throws an Error named "AbortError" saying "Training was cancelled." — or the signal's
 * own reason when that is an Error of another kind (a caller's timeout, say), so its sentence survives.
 */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (!signal?.aborted) return;
  const reason = signal.reason;
  if (reason instanceof Error && reason.name !== 'AbortError') throw reason;
  throw Object.assign(new Error('Training was cancelled.'), { name: 'AbortError' });
}

/** Throws a clear error when a model is used before fit. */
export function requireFitted(isFitted: boolean, what: string): void {
  if (!isFitted) throw new Error(`${what} is not fitted: call fit() before predict().`);
}

/** Index of the largest value in each row of a row-major matrix. */
export function argmaxRows(values: Float64Array, nCols: number): Int32Array {
  const rows = values.length / nCols;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < nCols; c++) if (values[r * nCols + c]! > values[r * nCols + best]!) best = c;
    out[r] = best;
  }
  return out;
}

/** Row-wise softmax of scores / temperature (row-major rows × nCols), stable against overflow. */
export function softmaxRows(scores: Float64Array, nCols: number, temperature: number): Float64Array {
  const out = new Float64Array(scores.length);
  const inv = 1 / temperature;
  for (let o = 0; o < scores.length; o += nCols) {
    let max = -Infinity;
    for (let k = 0; k < nCols; k++) max = Math.max(max, scores[o + k]! * inv);
    let sum = 0;
    for (let k = 0; k < nCols; k++) sum += out[o + k] = Math.exp(scores[o + k]! * inv - max);
    for (let k = 0; k < nCols; k++) out[o + k]! /= sum;
  }
  return out;
}
