/**
 * The `fast` engine: one-vs-rest L2-loss linear SVMs (dual coordinate descent, see linear-svm.ts)
 * over features scaled per class by their naive-Bayes log-count ratio, interpolated with 1 (the
 * NB-SVM of Wang & Manning 2012): terms that separate a class from the rest get a smaller penalty.
 * Its scores are margins, not probabilities: the pipeline turns them into probabilities with a
 * softmax whose temperature is fitted on out-of-fold scores (calibration.ts).
 */
import type { CsrMatrix } from '../features/csr';
import { quantize } from '../features/vectorizer';
import { argmaxRows, requireFitted, softmaxRows, throwIfAborted, type FitHooks, type SparseClassifier } from './estimator';
import { fitOneVsRestSvm, linearScores } from './linear-svm';
import { fitSharingClasses } from './svm-class-sharing';

/** Hyper-parameters of the fast engine. */
export interface SvmParams {
  /** Loss weight, scikit-learn's C (chosen by inner cross-validation when the pipeline tunes). */
  C: number;
  /** β in scale = (1 − β) + β·|log-count ratio|: 0 is a plain SVM, 1 a full NB-SVM. */
  nbInterpolation: number;
  /** Added to every per-class feature total before the ratio (Laplace smoothing). */
  nbSmoothing: number;
  /** Stopping tolerance on the projected gradient (liblinear's eps). */
  tol: number;
  /** Upper bound on passes over the rows per class. */
  maxEpochs: number;
  seed: number;
}

/** Defaults: β 0.5 and C 0.5 were chosen by cross-validation inside the training splits only (see README). */
export const defaultSvmParams: SvmParams = { C: 0.5, nbInterpolation: 1, nbSmoothing: 1, tol: 0.1, maxEpochs: 200, seed: 42 };

/**
 * Per-class feature scale, class-major (K × F): (1 − β) + β·|ln((p_kj / ‖p_k‖₁) / (q_kj / ‖q_k‖₁))|
 * with p_kj = α + Σ_{y=k} x_ij and q_kj = α + Σ_{y≠k} x_ij.
 */
export function nbFeatureScale(X: CsrMatrix, y: Int32Array, nClasses: number, alpha: number, beta: number): Float64Array {
  const F = X.cols;
  const K = nClasses;
  const perClass = new Float64Array(F * K);
  const total = new Float64Array(F);
  for (let r = 0; r < X.rows; r++) {
    const c = y[r]!;
    for (let q = X.indptr[r]!; q < X.indptr[r + 1]!; q++) {
      const j = X.indices[q]!;
      perClass[j * K + c]! += X.values[q]!;
      total[j]! += X.values[q]!;
    }
  }
  let grand = 0;
  for (let j = 0; j < F; j++) grand += total[j]!;
  const scale = new Float64Array(K * F);
  for (let k = 0; k < K; k++) {
    let classTotal = 0;
    for (let j = 0; j < F; j++) classTotal += perClass[j * K + k]!;
    const pSum = F * alpha + classTotal;
    const qSum = F * alpha + grand - classTotal;
    for (let j = 0; j < F; j++) {
      const p = alpha + perClass[j * K + k]!;
      const q = alpha + total[j]! - perClass[j * K + k]!;
      scale[k * F + j] = 1 - beta + beta * Math.abs(Math.log(p / pSum / (q / qSum)));
    }
  }
  return scale;
}

/** The fast engine's classifier; see the file header. */
export class LinearSvmClassifier implements SparseClassifier {
  readonly engine = 'fast';
  readonly params: SvmParams;
  private weights: Float64Array | null = null;
  private bias: Float64Array | null = null;
  private nClasses = 0;
  private nFeatures = 0;
  /** Passes over the rows summed over classes in the last fit. */
  epochsRun = 0;

  constructor(params: Partial<SvmParams> = {}) {
    this.params = { ...defaultSvmParams, ...params };
  }

  get isFitted(): boolean {
    return this.weights !== null;
  }

  fit(X: CsrMatrix, y: Int32Array, nClasses: number, hooks: FitHooks = {}): this {
    if (X.rows !== y.length) throw new Error(`X has ${X.rows} rows but y has ${y.length} labels.`);
    if (nClasses < 2) throw new Error('Need at least two classes to train a classifier.');
    for (const label of y) if (label < 0 || label >= nClasses) throw new Error(`Label ${label} is outside 0..${nClasses - 1}.`);
    throwIfAborted(hooks.signal);
    this.weights = null;
    this.bias = null;
    this.nClasses = nClasses;
    this.nFeatures = X.cols;
    const p = this.params;
    const scale = p.nbInterpolation > 0 ? nbFeatureScale(X, y, nClasses, p.nbSmoothing, p.nbInterpolation) : undefined;
    const solverParams = { C: p.C, tol: p.tol, maxEpochs: p.maxEpochs, biasScale: 1, seed: p.seed };
    const options = {
      featureScale: scale,
      signal: hooks.signal,
      onClass: (k: number, loss: number) =>
        hooks.onProgress?.({ phase: 'fit', epoch: k + 1, maxEpochs: nClasses, trainLoss: loss, validationLoss: null, validationAccuracy: null }),
    };
    const helper = hooks.classHelper;
    const solution =
      (helper && fitSharingClasses(X, y, nClasses, solverParams, { ...options, helper })) ?? fitOneVsRestSvm(X, y, nClasses, solverParams, options);
    this.epochsRun = solution.epochs;
    // Rounded to 1e-6 so the same seed gives byte-identical JSON and a reloaded model predicts exactly alike.
    this.weights = solution.weights.map(quantize);
    this.bias = solution.bias.map(quantize);
    return this;
  }

  decisionFunction(X: CsrMatrix): Float64Array {
    requireFitted(this.isFitted, 'LinearSvmClassifier');
    if (X.cols !== this.nFeatures) throw new Error(`X has ${X.cols} columns; the model was fitted on ${this.nFeatures}.`);
    return linearScores(X, this.weights!, this.bias!);
  }

  predictProba(X: CsrMatrix): Float64Array {
    return softmaxRows(this.decisionFunction(X), this.nClasses, 1);
  }

  predict(X: CsrMatrix): Int32Array {
    return argmaxRows(this.decisionFunction(X), this.nClasses);
  }

  classWeights(classIndex: number): Float64Array {
    requireFitted(this.isFitted, 'LinearSvmClassifier');
    const out = new Float64Array(this.nFeatures);
    for (let j = 0; j < this.nFeatures; j++) out[j] = this.weights![j * this.nClasses + classIndex]!;
    return out;
  }

  toJSON(): Record<string, unknown> {
    requireFitted(this.isFitted, 'LinearSvmClassifier');
    return {
      engine: this.engine,
      solver: 'nb-svm-dual-cd',
      params: this.params,
      nClasses: this.nClasses,
      nFeatures: this.nFeatures,
      epochsRun: this.epochsRun,
      bias: Array.from(this.bias!),
      weights: Array.from(this.weights!),
    };
  }

  /** Restores a model saved by toJSON; throws a sentence when the weights do not fit the declared shape. */
  static fromJSON(json: Record<string, unknown>): LinearSvmClassifier {
    if (json.solver !== 'nb-svm-dual-cd') throw new Error(`its "fast" weights come from an unknown solver (${JSON.stringify(json.solver ?? null)})`);
    const m = new LinearSvmClassifier(json.params as Partial<SvmParams>);
    m.nClasses = Number(json.nClasses);
    m.nFeatures = Number(json.nFeatures);
    m.epochsRun = Number(json.epochsRun ?? 0);
    if (!Array.isArray(json.weights) || !Array.isArray(json.bias)) throw new Error('its "fast" weights or bias are missing');
    if (!Number.isInteger(m.nClasses) || !Number.isInteger(m.nFeatures) || m.nClasses < 2 || m.nFeatures < 0)
      throw new Error('its "fast" weights declare no valid shape');
    if (json.weights.length !== m.nClasses * m.nFeatures || json.bias.length !== m.nClasses)
      throw new Error(`its "fast" weights hold ${json.weights.length} numbers, not ${m.nClasses} classes × ${m.nFeatures} features`);
    m.weights = Float64Array.from(json.weights as unknown[], Number);
    m.bias = Float64Array.from(json.bias as unknown[], Number);
    if (m.weights.some((w) => !Number.isFinite(w)) || m.bias.some((w) => !Number.isFinite(w))) throw new Error('its "fast" weights contain non-numbers');
    return m;
  }
}
