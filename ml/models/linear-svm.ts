/**
 * L2-regularised L2-loss linear SVM, one-vs-rest, solved in the dual by coordinate descent with
 * shrinking (Hsieh et al. 2008; liblinear's L2R_L2LOSS_SVC_DUAL, which scikit-learn's LinearSVC
 * runs). Per class k it minimises ½‖w‖² + C Σ_i max(0, 1 − y_ik w·x̃_i)² where x̃ = [x ∘ s_k, B]: an
 * optional per-class feature scale s_k (the NB-SVM trick) and a constant column B that carries the
 * bias, regularised exactly as liblinear's intercept_scaling does. The returned weights are in the
 * unscaled feature space (w ∘ s_k), so a score is a plain dot product with x.
 */
import type { CsrMatrix } from '../features/csr';
import { createRng, shuffleInPlace } from '../random';
import { throwIfAborted, type AbortSignalLike } from './estimator';

/** Solver settings for one one-vs-rest fit. */
export interface SvmSolverParams {
  /** Loss weight (scikit-learn's C): larger C fits the training rows more closely. */
  C: number;
  /** Stop a class when max − min projected gradient over its rows falls below this (liblinear's eps). */
  tol: number;
  /** Upper bound on passes over the rows per class. */
  maxEpochs: number;
  /** Value of the constant column that carries the bias (liblinear's B). */
  biasScale: number;
  seed: number;
}

/** One-vs-rest weights in feature-major layout: weights[j * nClasses + k]; bias[k] is the intercept. */
export interface SvmSolution {
  weights: Float64Array;
  bias: Float64Array;
  nFeatures: number;
  nClasses: number;
  /** Passes over the rows, summed over classes (a measure of work done). */
  epochs: number;
}

/** Options of one solve. */
export interface SvmSolveOptions {
  /** Per-class feature scale, class-major (scale[k * nFeatures + j]); all ones when omitted. */
  featureScale?: Float64Array;
  signal?: AbortSignalLike;
  /** Called after each class is solved, with its mean squared hinge loss on the training rows. */
  onClass?: (classIndex: number, meanSquaredHinge: number) => void;
  /** Largest X (entries) the scale is copied for; default SCALED_COPY_MAX_ENTRIES. */
  scaledCopyMaxEntries?: number;
}

/**
 * Entries of X up to which the solver keeps a copy scaled by the class's feature scale (8 bytes
 * each: 8 MB). Measured on the livecareer matrices: on ~180k entries (a fold of 2.4k resumes) the
 * passes over a scaled copy ran in 164 ms against 210 ms scaling as rows are read; on 2.9M entries
 * the copy was slower (4.3-4.5 s against 4.0-4.1 s: it no longer stays in cache, and reading the
 * 4-byte values costs less than a pass over 8-byte copies) and is 12 bytes an entry more memory.
 */
export const SCALED_COPY_MAX_ENTRIES = 1_000_000;

/** One one-vs-rest problem: what every class's solve reads. */
export interface SvmProblem {
  X: CsrMatrix;
  y: Int32Array;
  nClasses: number;
  params: SvmSolverParams;
  /** Per-class feature scale, class-major; none: all ones. */
  featureScale: Float64Array | null;
  /** Largest X (entries) the scale is copied for. */
  scaledCopyMaxEntries: number;
}

/** The working arrays of one thread's class solves (reused from class to class). */
export interface ClassScratch {
  w: Float64Array;
  a: Float64Array;
  qd: Float64Array;
  order: Int32Array;
  scaledCopy: Float64Array | null;
}

/** What one class's solve gives besides its weights. */
export interface ClassOutcome {
  bias: number;
  /** Passes over the rows. */
  epochs: number;
  /** Mean squared hinge loss on the training rows. */
  meanSquaredHinge: number;
}

/** Scratch arrays for solving classes of `problem` on one thread. */
export function classScratch(problem: SvmProblem): ClassScratch {
  const n = problem.X.rows;
  const entries = problem.X.values.length;
  return {
    w: new Float64Array(problem.X.cols),
    a: new Float64Array(n),
    qd: new Float64Array(n),
    order: new Int32Array(n),
    // The class's feature scale (x̃ = x ∘ s) goes into a copy of the entries while X is small (see
    // SCALED_COPY_MAX_ENTRIES); above that it is applied as rows are read. Both give the same
    // products, hence the same weights.
    scaledCopy: problem.featureScale && entries <= problem.scaledCopyMaxEntries ? new Float64Array(entries) : null,
  };
}

/**
 * Solves the binary problem of class k and writes its weights (unscaled, so a score is a plain dot
 * product with x) into column k of `out` (feature-major, out[j * nClasses + k]). Depends on nothing
 * but the problem and k (its row order comes from its own seeded generator), so any thread solving
 * class k writes the same numbers. Returns null, writing nothing, when `shouldStop` says so between passes.
 */
export function solveClass(problem: SvmProblem, k: number, scratch: ClassScratch, out: Float64Array, shouldStop?: () => boolean): ClassOutcome | null {
  const { X, y, params } = problem;
  const K = problem.nClasses;
  const n = X.rows;
  const F = X.cols;
  const { indptr, indices, values } = X;
  const { w, a, qd, order, scaledCopy } = scratch;
  const B = params.biasScale;
  // L2 loss: the dual's diagonal gains 1 / (2C) and alpha has no upper bound.
  const diag = 1 / (2 * params.C);
  const s = problem.featureScale ? problem.featureScale.subarray(k * F, (k + 1) * F) : NO_SCALE;
  if (scaledCopy) for (let q = 0; q < values.length; q++) scaledCopy[q] = values[q]! * s[indices[q]!]!;
  const vals = scaledCopy ?? NO_SCALE;
  // 0: the scaled copy; 1: scaled while reading; 2: no scale.
  const mode = scaledCopy ? 0 : s.length > 0 ? 1 : 2;
  w.fill(0);
  a.fill(0);
  let wBias = 0;
  for (let i = 0; i < n; i++) {
    let sq = B * B + diag;
    for (let q = indptr[i]!; q < indptr[i + 1]!; q++) {
      const v = mode === 0 ? vals[q]! : mode === 1 ? values[q]! * s[indices[q]!]! : values[q]!;
      sq += v * v;
    }
    qd[i] = sq;
    order[i] = i;
  }
  const rng = createRng(params.seed + 7919 * k);
  let active = n;
  let pgMaxOld = Infinity;
  let epoch = 0;
  while (epoch < params.maxEpochs) {
    if (shouldStop?.()) return null;
    let pgMax = -Infinity;
    let pgMin = Infinity;
    shuffleInPlace(order.subarray(0, active), rng);
    for (let t = 0; t < active; t++) {
      const i = order[t]!;
      const yi = y[i] === k ? 1 : -1;
      const from = indptr[i]!;
      const to = indptr[i + 1]!;
      let dot = wBias * B;
      if (mode === 0) for (let q = from; q < to; q++) dot += w[indices[q]!]! * vals[q]!;
      else if (mode === 1) for (let q = from; q < to; q++) dot += w[indices[q]!]! * (values[q]! * s[indices[q]!]!);
      else for (let q = from; q < to; q++) dot += w[indices[q]!]! * values[q]!;
      const ai = a[i]!;
      const G = yi * dot - 1 + diag * ai;
      let pg = G;
      if (ai === 0) {
        // At the bound and pushing outward by more than any free row moved last pass: shrink it.
        if (G > pgMaxOld) {
          active--;
          order[t] = order[active]!;
          order[active] = i;
          t--;
          continue;
        }
        if (G > 0) pg = 0;
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const next = Math.max(ai - G / qd[i]!, 0);
        a[i] = next;
        const d = (next - ai) * yi;
        if (mode === 0) for (let q = from; q < to; q++) w[indices[q]!]! += d * vals[q]!;
        else if (mode === 1) for (let q = from; q < to; q++) w[indices[q]!]! += d * (values[q]! * s[indices[q]!]!);
        else for (let q = from; q < to; q++) w[indices[q]!]! += d * values[q]!;
        wBias += d * B;
      }
    }
    epoch++;
    if (pgMax - pgMin <= params.tol) {
      if (active === n) break;
      // Converged on the active set: check every row once more before stopping.
      active = n;
      pgMaxOld = Infinity;
      continue;
    }
    // liblinear also tracks the smallest gradient to shrink rows at the upper bound; L2 loss has none.
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
  }
  for (let j = 0; j < F; j++) out[j * K + k] = s.length > 0 ? w[j]! * s[j]! : w[j]!;
  // At the optimum each row's slack is alpha_i / (2C) = alpha_i * diag: the loss needs no extra pass over X.
  let loss = 0;
  for (let i = 0; i < n; i++) loss += (a[i]! * diag) ** 2;
  return { bias: wBias * B, epochs: epoch, meanSquaredHinge: loss / n };
}

const NO_SCALE = new Float64Array(0);

/** The problem of a fit, its arguments checked. */
export function svmProblem(X: CsrMatrix, y: Int32Array, nClasses: number, params: SvmSolverParams, options: SvmSolveOptions = {}): SvmProblem {
  if (!(params.C > 0)) throw new Error(`C must be positive, got ${params.C}.`);
  return { X, y, nClasses, params, featureScale: options.featureScale ?? null, scaledCopyMaxEntries: options.scaledCopyMaxEntries ?? SCALED_COPY_MAX_ENTRIES };
}

/**
 * Fits one binary L2-loss SVM per class over the rows of X. Deterministic for a seed: each class
 * shuffles its rows with its own seeded generator, so the classes may be solved in any order, on
 * any thread (see svm-class-sharing.ts), and give the same weights.
 */
export function fitOneVsRestSvm(X: CsrMatrix, y: Int32Array, nClasses: number, params: SvmSolverParams, options: SvmSolveOptions = {}): SvmSolution {
  const problem = svmProblem(X, y, nClasses, params, options);
  const K = nClasses;
  const out = new Float64Array(X.cols * K);
  const bias = new Float64Array(K);
  const scratch = classScratch(problem);
  let totalEpochs = 0;
  for (let k = 0; k < K; k++) {
    throwIfAborted(options.signal);
    const outcome = solveClass(problem, k, scratch, out)!;
    totalEpochs += outcome.epochs;
    bias[k] = outcome.bias;
    options.onClass?.(k, outcome.meanSquaredHinge);
  }
  return { weights: out, bias, nFeatures: X.cols, nClasses: K, epochs: totalEpochs };
}

/** Decision values x·w_k + b_k for the given rows (all rows when omitted), row-major rows × classes. */
export function linearScores(X: CsrMatrix, weights: Float64Array, bias: Float64Array, rows?: ArrayLike<number>): Float64Array {
  const K = bias.length;
  const n = rows ? rows.length : X.rows;
  const out = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i]! : i;
    const o = i * K;
    for (let k = 0; k < K; k++) out[o + k] = bias[k]!;
    for (let q = X.indptr[r]!; q < X.indptr[r + 1]!; q++) {
      const base = X.indices[q]! * K;
      const x = X.values[q]!;
      for (let k = 0; k < K; k++) out[o + k]! += weights[base + k]! * x;
    }
  }
  return out;
}

/**
 * The primal objective of class k: ½‖w‖² + C Σ max(0, 1 − y w·x̃)², with w in the scaled space
 * (weights / scale, bias / B), for tests and diagnostics.
 */
export function svmPrimalObjective(
  X: CsrMatrix,
  y: Int32Array,
  solution: SvmSolution,
  k: number,
  C: number,
  biasScale: number,
  featureScale?: Float64Array,
): number {
  const F = solution.nFeatures;
  const K = solution.nClasses;
  let reg = (solution.bias[k]! / biasScale) ** 2;
  for (let j = 0; j < F; j++) {
    const s = featureScale ? featureScale[k * F + j]! : 1;
    const v = solution.weights[j * K + k]!;
    if (v !== 0) reg += (v / s) ** 2;
  }
  const scores = linearScores(X, solution.weights, solution.bias);
  let loss = 0;
  for (let r = 0; r < X.rows; r++) {
    const margin = 1 - (y[r] === k ? 1 : -1) * scores[r * K + k]!;
    if (margin > 0) loss += margin * margin;
  }
  return 0.5 * reg + C * loss;
}
