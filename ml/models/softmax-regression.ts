/**
 * The `fast` engine: multinomial (softmax) logistic regression on CSR rows, with intercept and L2,
 * trained by SGD with a decaying step (Bottou's η_t = η0 / (1 + η0·λ·t)), lazy L2 by a weight scale
 * (so an update costs O(nnz·K), not O(features·K)), and early stopping on a stratified validation split.
 */
import type { CsrMatrix } from '../features/csr';
import { quantize } from '../features/vectorizer';
import { createRng, shuffleInPlace, type Rng } from '../random';
import { argmaxRows, requireFitted, throwIfAborted, type FitHooks, type SparseClassifier } from './estimator';

/** Hyper-parameters of the fast engine. */
export interface SoftmaxParams {
  /** Inverse L2 strength, as scikit-learn's C: λ = 1 / (C · n_train). */
  C: number;
  /** Upper bound on passes over the training rows. */
  maxEpochs: number;
  /** Initial step size. */
  eta0: number;
  seed: number;
  /** Hold out `validationFraction` of the rows and stop when its log loss stops improving. */
  earlyStopping: boolean;
  validationFraction: number;
  /** Epochs without improvement before stopping. */
  patience: number;
  /**
   * After early stopping picks the epoch count, retrain on all rows for that many epochs. "auto":
   * only below 10k rows, where the held-out tenth is worth having back (measured +1–3 macro-F1 points
   * at 2k rows) and the second pass is cheap.
   */
  refit: boolean | 'auto';
  /** "balanced" weighs each row by n / (K · n_class) so small classes count as much as large ones. */
  classWeight: 'none' | 'balanced';
}

/** Defaults measured on the resume corpora (see tests/bench/bench-ml.ts). */
export const defaultSoftmaxParams: SoftmaxParams = {
  C: 100,
  maxEpochs: 30,
  eta0: 2,
  seed: 42,
  earlyStopping: true,
  validationFraction: 0.1,
  patience: 2,
  refit: 'auto',
  classWeight: 'none',
};

interface SgdState {
  weights: Float64Array;
  bias: Float64Array;
  scale: number;
  t: number;
}

/** Softmax regression trained by SGD; see the file header. */
export class SoftmaxRegression implements SparseClassifier {
  readonly engine = 'fast';
  readonly params: SoftmaxParams;
  private weights: Float64Array | null = null;
  private bias: Float64Array | null = null;
  private nClasses = 0;
  private nFeatures = 0;
  /** Epochs actually run by the last fit (after early stopping). */
  epochsRun = 0;

  constructor(params: Partial<SoftmaxParams> = {}) {
    this.params = { ...defaultSoftmaxParams, ...params };
  }

  get isFitted(): boolean {
    return this.weights !== null;
  }

  fit(X: CsrMatrix, y: Int32Array, nClasses: number, hooks: FitHooks = {}): this {
    if (X.rows !== y.length) throw new Error(`X has ${X.rows} rows but y has ${y.length} labels.`);
    if (nClasses < 2) throw new Error('Need at least two classes to train a classifier.');
    for (const label of y) if (label < 0 || label >= nClasses) throw new Error(`Label ${label} is outside 0..${nClasses - 1}.`);
    this.weights = null;
    this.bias = null;
    this.nClasses = nClasses;
    this.nFeatures = X.cols;
    const p = this.params;
    const rng = createRng(p.seed);
    const all = Int32Array.from({ length: X.rows }, (_, i) => i);
    const sampleWeight = classSampleWeights(y, nClasses, p.classWeight);
    const useValidation = p.earlyStopping && p.validationFraction > 0 && X.rows >= 10 * nClasses;
    if (!useValidation) {
      const state = this.newState();
      for (let e = 0; e < p.maxEpochs; e++) {
        throwIfAborted(hooks.signal);
        const loss = this.epoch(state, X, y, all, sampleWeight, rng, X.rows);
        hooks.onProgress?.({ epoch: e + 1, maxEpochs: p.maxEpochs, trainLoss: loss, validationLoss: null, validationAccuracy: null });
      }
      this.epochsRun = p.maxEpochs;
      return this.finish(state);
    }
    const { train, validation } = stratifiedHoldout(y, nClasses, p.validationFraction, rng);
    const state = this.newState();
    let best: { loss: number; epoch: number; weights: Float64Array; bias: Float64Array } = {
      loss: Infinity,
      epoch: 0,
      weights: new Float64Array(0),
      bias: new Float64Array(0),
    };
    for (let e = 0; e < p.maxEpochs; e++) {
      throwIfAborted(hooks.signal);
      const trainLoss = this.epoch(state, X, y, train, sampleWeight, rng, train.length);
      const v = this.evaluate(state, X, y, validation);
      hooks.onProgress?.({ epoch: e + 1, maxEpochs: p.maxEpochs, trainLoss, validationLoss: v.loss, validationAccuracy: v.accuracy });
      if (v.loss < best.loss - 1e-4) {
        best = { loss: v.loss, epoch: e + 1, weights: scaled(state), bias: state.bias.slice() };
      } else if (e + 1 - best.epoch >= p.patience) break;
    }
    this.epochsRun = best.epoch;
    const refit = p.refit === 'auto' ? X.rows < 10_000 : p.refit;
    if (!refit) return this.finish({ weights: best.weights, bias: best.bias, scale: 1, t: 0 });
    const refitRng = createRng(p.seed + 1);
    const refitState = this.newState();
    for (let e = 0; e < best.epoch; e++) {
      throwIfAborted(hooks.signal);
      this.epoch(refitState, X, y, all, sampleWeight, refitRng, X.rows);
    }
    return this.finish(refitState);
  }

  private newState(): SgdState {
    return { weights: new Float64Array(this.nFeatures * this.nClasses), bias: new Float64Array(this.nClasses), scale: 1, t: 0 };
  }

  private finish(state: SgdState): this {
    this.weights = scaled(state).map(quantize);
    this.bias = state.bias.map(quantize);
    return this;
  }

  /** One shuffled pass of SGD; returns the mean training log loss seen during the pass. */
  private epoch(s: SgdState, X: CsrMatrix, y: Int32Array, rows: Int32Array, sampleWeight: Float64Array, rng: Rng, nTrain: number): number {
    const K = this.nClasses;
    const { eta0, C } = this.params;
    const lambda = 1 / (C * nTrain);
    const order = shuffleInPlace(rows.slice(), rng) as Int32Array;
    const scores = new Float64Array(K);
    const W = s.weights;
    const { indptr, indices, values } = X;
    let lossSum = 0;
    for (let n = 0; n < order.length; n++) {
      const r = order[n]!;
      const eta = eta0 / (1 + eta0 * lambda * s.t++);
      const start = indptr[r]!;
      const end = indptr[r + 1]!;
      scores.fill(0);
      for (let q = start; q < end; q++) {
        const base = indices[q]! * K;
        const x = values[q]!;
        for (let k = 0; k < K; k++) scores[k]! += W[base + k]! * x;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        scores[k] = scores[k]! * s.scale + s.bias[k]!;
        if (scores[k]! > max) max = scores[k]!;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += scores[k] = Math.exp(scores[k]! - max);
      const label = y[r]!;
      lossSum -= Math.log(Math.max(scores[label]! / sum, 1e-15));
      const w = sampleWeight[label]!;
      for (let k = 0; k < K; k++) scores[k] = (scores[k]! / sum - (k === label ? 1 : 0)) * w;
      s.scale *= 1 - eta * lambda;
      const step = eta / s.scale;
      for (let q = start; q < end; q++) {
        const base = indices[q]! * K;
        const x = values[q]! * step;
        for (let k = 0; k < K; k++) W[base + k]! -= scores[k]! * x;
      }
      for (let k = 0; k < K; k++) s.bias[k]! -= eta * scores[k]!;
      if (s.scale < 1e-6) {
        for (let i = 0; i < W.length; i++) W[i]! *= s.scale;
        s.scale = 1;
      }
    }
    return lossSum / Math.max(1, order.length);
  }

  private evaluate(s: SgdState, X: CsrMatrix, y: Int32Array, rows: Int32Array): { loss: number; accuracy: number } {
    const proba = probabilities(X, rows, s.weights, s.bias, s.scale, this.nClasses);
    const K = this.nClasses;
    let loss = 0;
    let correct = 0;
    rows.forEach((r, i) => {
      loss -= Math.log(Math.max(proba[i * K + y[r]!]!, 1e-15));
      let best = 0;
      for (let k = 1; k < K; k++) if (proba[i * K + k]! > proba[i * K + best]!) best = k;
      if (best === y[r]) correct++;
    });
    return { loss: loss / rows.length, accuracy: correct / rows.length };
  }

  predictProba(X: CsrMatrix): Float64Array {
    requireFitted(this.isFitted, 'SoftmaxRegression');
    if (X.cols !== this.nFeatures) throw new Error(`X has ${X.cols} columns; the model was fitted on ${this.nFeatures}.`);
    return probabilities(
      X,
      Int32Array.from({ length: X.rows }, (_, i) => i),
      this.weights!,
      this.bias!,
      1,
      this.nClasses,
    );
  }

  predict(X: CsrMatrix): Int32Array {
    return argmaxRows(this.predictProba(X), this.nClasses);
  }

  classWeights(classIndex: number): Float64Array {
    requireFitted(this.isFitted, 'SoftmaxRegression');
    const out = new Float64Array(this.nFeatures);
    for (let j = 0; j < this.nFeatures; j++) out[j] = this.weights![j * this.nClasses + classIndex]!;
    return out;
  }

  toJSON(): Record<string, unknown> {
    requireFitted(this.isFitted, 'SoftmaxRegression');
    return {
      engine: this.engine,
      params: this.params,
      nClasses: this.nClasses,
      nFeatures: this.nFeatures,
      epochsRun: this.epochsRun,
      bias: Array.from(this.bias!),
      weights: Array.from(this.weights!),
    };
  }

  /** Restores a model saved by toJSON. */
  static fromJSON(json: Record<string, unknown>): SoftmaxRegression {
    const m = new SoftmaxRegression(json.params as Partial<SoftmaxParams>);
    m.nClasses = Number(json.nClasses);
    m.nFeatures = Number(json.nFeatures);
    m.epochsRun = Number(json.epochsRun ?? 0);
    m.weights = Float64Array.from(json.weights as number[]);
    m.bias = Float64Array.from(json.bias as number[]);
    if (m.weights.length !== m.nClasses * m.nFeatures || m.bias.length !== m.nClasses) throw new Error('Model weights do not match its declared shape.');
    return m;
  }
}

function scaled(s: SgdState): Float64Array {
  return s.weights.map((w) => w * s.scale);
}

function probabilities(X: CsrMatrix, rows: Int32Array, W: Float64Array, bias: Float64Array, scale: number, K: number): Float64Array {
  const out = new Float64Array(rows.length * K);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const o = i * K;
    for (let q = X.indptr[r]!; q < X.indptr[r + 1]!; q++) {
      const base = X.indices[q]! * K;
      const x = X.values[q]!;
      for (let k = 0; k < K; k++) out[o + k]! += W[base + k]! * x;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, (out[o + k] = out[o + k]! * scale + bias[k]!));
    let sum = 0;
    for (let k = 0; k < K; k++) sum += out[o + k] = Math.exp(out[o + k]! - max);
    for (let k = 0; k < K; k++) out[o + k]! /= sum;
  }
  return out;
}

/** Per-class sample weights: all 1, or n / (K · n_class). */
export function classSampleWeights(y: Int32Array, nClasses: number, mode: 'none' | 'balanced'): Float64Array {
  const weights = new Float64Array(nClasses).fill(1);
  if (mode === 'none') return weights;
  const counts = new Float64Array(nClasses);
  for (const label of y) counts[label]!++;
  for (let c = 0; c < nClasses; c++) weights[c] = counts[c]! > 0 ? y.length / (nClasses * counts[c]!) : 1;
  return weights;
}

/** A stratified random holdout of row indices: about `fraction` of each class with 2+ rows. */
export function stratifiedHoldout(y: Int32Array, nClasses: number, fraction: number, rng: Rng): { train: Int32Array; validation: Int32Array } {
  const byClass: number[][] = Array.from({ length: nClasses }, () => []);
  y.forEach((label, i) => byClass[label]!.push(i));
  const train: number[] = [];
  const validation: number[] = [];
  for (const rows of byClass) {
    shuffleInPlace(rows, rng);
    const take = rows.length >= 2 ? Math.max(1, Math.round(rows.length * fraction)) : 0;
    validation.push(...rows.slice(0, take));
    train.push(...rows.slice(take));
  }
  return { train: Int32Array.from(train.sort((a, b) => a - b)), validation: Int32Array.from(validation.sort((a, b) => a - b)) };
}
