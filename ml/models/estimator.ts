/** The estimator contract shared by every classifier over sparse features (GUIDE §6). */
import type { CsrMatrix } from '../features/csr';

/** The subset of AbortSignal that training checks (ml/ has no DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Progress of an iterative fit, reported once per epoch (or step block). */
export interface FitProgress {
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
}

/** A classifier over CSR rows with integer labels 0..nClasses-1. */
export interface SparseClassifier {
  readonly engine: string;
  readonly isFitted: boolean;
  /** Learns from X and labels y (0..nClasses-1); resets any previous state; returns this. */
  fit(X: CsrMatrix, y: Int32Array, nClasses: number, hooks?: FitHooks): this;
  /** Row-major rows × nClasses probabilities (each row sums to 1). */
  predictProba(X: CsrMatrix): Float64Array;
  /** The most probable class index per row. */
  predict(X: CsrMatrix): Int32Array;
  /** Per-feature weight for a class (the explanation's w), or null when the model has none. */
  classWeights(classIndex: number): Float64Array | null;
  /** Plain JSON state (parameters and learned weights). */
  toJSON(): Record<string, unknown>;
}

/** Throws the signal's reason (or a generic abort error) when aborted. */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (!signal?.aborted) return;
  throw signal.reason instanceof Error ? signal.reason : new Error('Training was cancelled.');
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
