/**
 * The `mljs` engine: ml-logistic-regression 2.0.0 behind the SparseClassifier contract. The package
 * is dense, full-batch gradient descent, one-vs-rest, with no intercept and no regularization; its
 * gradient is summed (not averaged) over rows, and each binary model learns P("not this class").
 * So: features must be capped first (chi², ~2k) because X becomes a dense rows × cols matrix; the
 * learning rate is scaled as lrTimesRows / n_train; labels are mapped to 0..K-1 (string labels make
 * it predict 0, and its class count comes from the labels it sees); probabilities are
 * 1 − P(not k), normalized to sum to 1 (one-vs-rest scores; the pipeline calibrates them with a temperature);
 * it has no progress inside training and cannot be cancelled mid-fit (cancel = terminate the worker).
 */
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import type { CsrMatrix } from '../features/csr';
import { quantize } from '../features/vectorizer';
import { argmaxRows, requireFitted, throwIfAborted, type FitHooks, type SparseClassifier } from './estimator';

/** Parameters of the mljs engine. */
export interface MljsParams {
  /** Full-batch gradient steps per class. */
  numSteps: number;
  /** learningRate = lrTimesRows / n_train, because the package sums the gradient over rows. */
  lrTimesRows: number;
  /** Refuse dense matrices above this many cells (rows × features) rather than exhaust memory. */
  maxDenseCells: number;
}

/** Measured defaults: 50 steps at 100 / n finish the 2.5k-resume corpus in about two minutes. */
export const defaultMljsParams: MljsParams = { numSteps: 50, lrTimesRows: 100, maxDenseCells: 20_000_000 };

/** Dense row-major copy of CSR rows as an ml-matrix Matrix. */
export function csrToMatrix(X: CsrMatrix): Matrix {
  const m = new Matrix(X.rows, X.cols);
  for (let r = 0; r < X.rows; r++) for (let q = X.indptr[r]!; q < X.indptr[r + 1]!; q++) m.set(r, X.indices[q]!, X.values[q]!);
  return m;
}

/** ml-logistic-regression behind the common interface; see the file header for its limits. */
export class MljsLogisticRegression implements SparseClassifier {
  readonly engine = 'mljs';
  readonly params: MljsParams;
  private model: LogisticRegression | null = null;
  private nClasses = 0;
  private nFeatures = 0;

  constructor(params: Partial<MljsParams> = {}) {
    this.params = { ...defaultMljsParams, ...params };
  }

  get isFitted(): boolean {
    return this.model !== null;
  }

  fit(X: CsrMatrix, y: Int32Array, nClasses: number, hooks: FitHooks = {}): this {
    if (X.rows !== y.length) throw new Error(`X has ${X.rows} rows but y has ${y.length} labels.`);
    if (nClasses < 2) throw new Error('Need at least two classes to train a classifier.');
    const present = new Set(y);
    if (present.size !== nClasses) throw new Error(`mljs needs every class 0..${nClasses - 1} in the training rows; got ${present.size}.`);
    if (X.rows * X.cols > this.params.maxDenseCells) {
      throw new Error(
        `mljs needs a dense ${X.rows} × ${X.cols} matrix (${((X.rows * X.cols * 8) / 1e9).toFixed(1)} GB); cap features with chi² or use the fast engine.`,
      );
    }
    throwIfAborted(hooks.signal);
    this.model = null;
    this.nClasses = nClasses;
    this.nFeatures = X.cols;
    const model = new LogisticRegression({ numSteps: this.params.numSteps, learningRate: this.params.lrTimesRows / X.rows });
    model.train(csrToMatrix(X), Matrix.columnVector(Array.from(y)));
    // Quantize like the fast engine so a reloaded model predicts exactly as the fitted one.
    for (const c of model.classifiers) c.weights = new Matrix([c.weights.to1DArray().map(quantize)]);
    this.model = model;
    hooks.onProgress?.({
      phase: 'fit',
      epoch: this.params.numSteps,
      maxEpochs: this.params.numSteps,
      trainLoss: NaN,
      validationLoss: null,
      validationAccuracy: null,
    });
    return this;
  }

  /** Log of the normalised one-vs-rest probabilities, so a softmax of them (at temperature 1) gives predictProba back. */
  decisionFunction(X: CsrMatrix): Float64Array {
    return this.predictProba(X).map((p) => Math.log(Math.max(p, 1e-12)));
  }

  predictProba(X: CsrMatrix): Float64Array {
    requireFitted(this.isFitted, 'MljsLogisticRegression');
    if (X.cols !== this.nFeatures) throw new Error(`X has ${X.cols} columns; the model was fitted on ${this.nFeatures}.`);
    const K = this.nClasses;
    const out = new Float64Array(X.rows * K);
    const dense = csrToMatrix(X);
    this.model!.classifiers.forEach((c, k) => c.testScores(dense).forEach((notK, r) => (out[r * K + k] = 1 - notK)));
    for (let r = 0; r < X.rows; r++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += out[r * K + k]!;
      for (let k = 0; k < K; k++) out[r * K + k] = sum > 0 ? out[r * K + k]! / sum : 1 / K;
    }
    return out;
  }

  predict(X: CsrMatrix): Int32Array {
    return argmaxRows(this.predictProba(X), this.nClasses);
  }

  /** The weights for "class k", i.e. the negated weights of the package's "not class k" model. */
  classWeights(classIndex: number): Float64Array {
    requireFitted(this.isFitted, 'MljsLogisticRegression');
    return Float64Array.from(this.model!.classifiers[classIndex]!.weights.to1DArray(), (w) => -w);
  }

  toJSON(): Record<string, unknown> {
    requireFitted(this.isFitted, 'MljsLogisticRegression');
    return {
      engine: this.engine,
      params: this.params,
      nClasses: this.nClasses,
      nFeatures: this.nFeatures,
      notClassWeights: this.model!.classifiers.map((c) => c.weights.to1DArray()),
    };
  }

  /** Restores a model saved by toJSON. */
  static fromJSON(json: Record<string, unknown>): MljsLogisticRegression {
    const m = new MljsLogisticRegression(json.params as Partial<MljsParams>);
    m.nClasses = Number(json.nClasses);
    m.nFeatures = Number(json.nFeatures);
    const weights = json.notClassWeights as unknown[];
    if (!Array.isArray(weights) || weights.length !== m.nClasses || weights.some((w) => !Array.isArray(w) || w.length !== m.nFeatures))
      throw new Error(`its "mljs" weights do not hold ${m.nClasses} classes × ${m.nFeatures} features`);
    if (weights.some((w) => (w as unknown[]).some((v) => typeof v !== 'number' || !Number.isFinite(v))))
      throw new Error('its "mljs" weights contain non-numbers');
    m.model = LogisticRegression.load({
      name: 'LogisticRegression',
      numSteps: m.params.numSteps,
      learningRate: 0,
      numberClasses: m.nClasses,
      classifiers: weights.map((w) => ({ numSteps: m.params.numSteps, learningRate: 0, weights: [w as number[]] })),
    });
    return m;
  }
}
