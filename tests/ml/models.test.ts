import { describe, expect, it } from 'vitest';
import { CsrBuilder, type CsrMatrix } from '../../ml/features/csr';
import { fitOneVsRestSvm, linearScores, svmPrimalObjective, type SvmSolution } from '../../ml/models/linear-svm';
import { MljsLogisticRegression } from '../../ml/models/mljs-adapter';
import { LinearSvmClassifier, nbFeatureScale } from '../../ml/models/svm-classifier';
import { createRng } from '../../ml/random';
import { noisyData } from '../helpers/sparse-rows';

/** Three well separated classes: class c has a strong feature c and noise features 3..9. */
function toyData(rows: number, seed: number): { X: CsrMatrix; y: Int32Array } {
  const rng = createRng(seed);
  const b = new CsrBuilder(10);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = r % 3;
    y[r] = c;
    const noise = 3 + rng.int(7);
    b.addRow([c, noise], [0.9, 0.3 + 0.1 * rng.next()]);
  }
  return { X: b.build(), y };
}

/** Gradient of class k's primal objective, in the scaled space the solver works in (w̃ = weights / scale, bias column B). */
function primalGradient(X: CsrMatrix, y: Int32Array, sol: SvmSolution, k: number, C: number, B: number, scale?: Float64Array): Float64Array {
  const F = sol.nFeatures;
  const K = sol.nClasses;
  const s = (j: number) => (scale ? scale[k * F + j]! : 1);
  const g = new Float64Array(F + 1);
  for (let j = 0; j < F; j++) g[j] = sol.weights[j * K + k]! / s(j);
  g[F] = sol.bias[k]! / B;
  const scores = linearScores(X, sol.weights, sol.bias);
  for (let r = 0; r < X.rows; r++) {
    const yr = y[r] === k ? 1 : -1;
    const slack = 1 - yr * scores[r * K + k]!;
    if (slack <= 0) continue;
    for (let q = X.indptr[r]!; q < X.indptr[r + 1]!; q++) g[X.indices[q]!]! -= 2 * C * slack * yr * X.values[q]! * s(X.indices[q]!);
    g[F]! -= 2 * C * slack * yr * B;
  }
  return g;
}

const tight = { tol: 1e-9, maxEpochs: 100_000, biasScale: 1, seed: 1 };

describe('fitOneVsRestSvm (dual coordinate descent)', () => {
  it('gives the same weights whether the feature scale is copied into X or applied as rows are read', () => {
    const { X, y } = noisyData(300, 40, 4, 11);
    const featureScale = nbFeatureScale(X, y, 4, 1, 1);
    const params = { C: 0.5, tol: 0.1, maxEpochs: 200, biasScale: 1, seed: 3 };
    const copied = fitOneVsRestSvm(X, y, 4, params, { featureScale, scaledCopyMaxEntries: Infinity });
    const onTheFly = fitOneVsRestSvm(X, y, 4, params, { featureScale, scaledCopyMaxEntries: 0 });
    expect(Array.from(onTheFly.weights)).toEqual(Array.from(copied.weights));
    expect(Array.from(onTheFly.bias)).toEqual(Array.from(copied.bias));
    expect(onTheFly.epochs).toBe(copied.epochs);
    // And the scale matters: without it the weights differ.
    expect(Array.from(fitOneVsRestSvm(X, y, 4, params).weights)).not.toEqual(Array.from(copied.weights));
  });

  it('reaches the closed-form optimum of a symmetric two-point problem: w = 4C / (1 + 4C), b = 0', () => {
    // x = +1 is class 0, x = −1 is class 1. By symmetry b = 0, and ½w² + 2C(1 − w)² is smallest at w = 4C / (1 + 4C).
    const b = new CsrBuilder(1);
    b.addRow([0], [1]);
    b.addRow([0], [-1]);
    const X = b.build();
    const y = Int32Array.from([0, 1]);
    for (const C of [0.1, 1, 5]) {
      const sol = fitOneVsRestSvm(X, y, 2, { ...tight, C });
      expect(sol.weights[0]).toBeCloseTo((4 * C) / (1 + 4 * C), 8);
      expect(sol.weights[1]).toBeCloseTo((-4 * C) / (1 + 4 * C), 8);
      expect(sol.bias[0]).toBeCloseTo(0, 8);
    }
  });

  it('stops at a point where the primal gradient vanishes, with and without a per-class feature scale', () => {
    const { X, y } = noisyData(80, 12, 3, 11);
    const scale = Float64Array.from({ length: 3 * 12 }, (_, i) => 0.5 + ((i * 7) % 5) / 4);
    for (const featureScale of [undefined, scale]) {
      const C = 0.7;
      const sol = fitOneVsRestSvm(X, y, 3, { ...tight, C }, { featureScale });
      for (let k = 0; k < 3; k++) {
        const g = primalGradient(X, y, sol, k, C, 1, featureScale);
        expect(Math.max(...Array.from(g, Math.abs))).toBeLessThan(1e-6);
      }
    }
  });

  it('its objective is below that of nearby weights and of a loose-tolerance run', () => {
    const { X, y } = noisyData(60, 10, 3, 12);
    const C = 2;
    const best = fitOneVsRestSvm(X, y, 3, { ...tight, C });
    const loose = fitOneVsRestSvm(X, y, 3, { ...tight, tol: 0.5, C });
    const rng = createRng(5);
    for (let k = 0; k < 3; k++) {
      const optimum = svmPrimalObjective(X, y, best, k, C, 1);
      expect(svmPrimalObjective(X, y, loose, k, C, 1)).toBeGreaterThanOrEqual(optimum - 1e-9);
      for (let t = 0; t < 5; t++) {
        const nudged = { ...best, weights: best.weights.map((w) => w + (rng.next() - 0.5) * 0.05) };
        expect(svmPrimalObjective(X, y, nudged, k, C, 1)).toBeGreaterThan(optimum);
      }
    }
  });

  it("reports each class's mean squared hinge loss, equal to the loss computed from its weights", () => {
    const { X, y } = noisyData(70, 10, 3, 14);
    const reported: number[] = [];
    const sol = fitOneVsRestSvm(X, y, 3, { ...tight, C: 0.8 }, { onClass: (_k, loss) => reported.push(loss) });
    const scores = linearScores(X, sol.weights, sol.bias);
    for (let k = 0; k < 3; k++) {
      let sum = 0;
      for (let i = 0; i < X.rows; i++) sum += Math.max(0, 1 - (y[i] === k ? 1 : -1) * scores[i * 3 + k]!) ** 2;
      expect(reported[k]).toBeCloseTo(sum / X.rows, 6);
    }
  });

  it('reaches a lower (or equal) objective than many epochs of gradient descent on the same loss', () => {
    // The reference stands in for the SGD engine this solver replaced: plain full-batch gradient
    // descent on the same L2-loss objective, 20,000 small steps from zero.
    const { X, y } = noisyData(60, 10, 3, 15);
    const C = 0.5;
    const best = fitOneVsRestSvm(X, y, 3, { ...tight, C });
    const F = X.cols;
    for (let k = 0; k < 3; k++) {
      const w = new Float64Array(F);
      let b = 0;
      let squaredNorms = 0;
      for (const v of X.values) squaredNorms += v * v;
      const step = 1 / (1 + 2 * C * (squaredNorms + X.rows));
      for (let t = 0; t < 20_000; t++) {
        const gw = Float64Array.from(w);
        let gb = b;
        for (let r = 0; r < X.rows; r++) {
          const yr = y[r] === k ? 1 : -1;
          let score = b;
          for (let q = X.indptr[r]!; q < X.indptr[r + 1]!; q++) score += w[X.indices[q]!]! * X.values[q]!;
          const margin = 1 - yr * score;
          if (margin <= 0) continue;
          for (let q = X.indptr[r]!; q < X.indptr[r + 1]!; q++) gw[X.indices[q]!]! -= 2 * C * margin * yr * X.values[q]!;
          gb -= 2 * C * margin * yr;
        }
        for (let j = 0; j < F; j++) w[j]! -= step * gw[j]!;
        b -= step * gb;
      }
      const weights = new Float64Array(F * 3);
      for (let j = 0; j < F; j++) weights[j * 3 + k] = w[j]!;
      const bias = new Float64Array(3);
      bias[k] = b;
      const descent = svmPrimalObjective(X, y, { weights, bias, nFeatures: F, nClasses: 3, epochs: 0 }, k, C, 1);
      const optimum = svmPrimalObjective(X, y, best, k, C, 1);
      expect(optimum).toBeLessThanOrEqual(descent + 1e-9);
      // Both reach the same optimum of a convex problem, to within the descent's remaining error.
      expect(descent - optimum).toBeLessThan(1e-3 * optimum);
    }
  });

  it('is deterministic for a seed and refuses a non-positive C', () => {
    const { X, y } = noisyData(50, 8, 3, 13);
    const a = fitOneVsRestSvm(X, y, 3, { C: 1, tol: 0.1, maxEpochs: 100, biasScale: 1, seed: 4 });
    const b = fitOneVsRestSvm(X, y, 3, { C: 1, tol: 0.1, maxEpochs: 100, biasScale: 1, seed: 4 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(() => fitOneVsRestSvm(X, y, 3, { C: 0, tol: 0.1, maxEpochs: 10, biasScale: 1, seed: 1 })).toThrow(/C must be positive/);
  });
});

describe('nbFeatureScale', () => {
  it('is (1 − β) + β·|log-count ratio| with Laplace smoothing, computed by hand', () => {
    // Rows: class 0 has feature 0 = 2; class 1 has feature 1 = 2. α = 1, so for class 0:
    // p = [3, 1] / 4, q = [1, 3] / 4 → ratio ln 3 and ln(1/3).
    const b = new CsrBuilder(2);
    b.addRow([0], [2]);
    b.addRow([1], [2]);
    const scale = nbFeatureScale(b.build(), Int32Array.from([0, 1]), 2, 1, 0.5);
    expect(scale[0]).toBeCloseTo(0.5 + 0.5 * Math.log(3), 12);
    expect(scale[1]).toBeCloseTo(0.5 + 0.5 * Math.log(3), 12);
    expect(nbFeatureScale(b.build(), Int32Array.from([0, 1]), 2, 1, 0)[0]).toBe(1);
  });
});

describe('LinearSvmClassifier (the fast engine)', () => {
  it('recovers the known answer on separable toy data; probabilities sum to 1', () => {
    const { X, y } = toyData(150, 1);
    const m = new LinearSvmClassifier({ seed: 3, C: 1 }).fit(X, y, 3);
    expect(Array.from(m.predict(X))).toEqual(Array.from(y));
    for (let c = 0; c < 3; c++) {
      const w = m.classWeights(c);
      expect(Math.max(...Array.from(w.subarray(0, 3)))).toBe(w[c]);
    }
    const p = m.predictProba(X);
    for (let r = 0; r < 3; r++) expect(p[r * 3]! + p[r * 3 + 1]! + p[r * 3 + 2]!).toBeCloseTo(1, 9);
  });
  it('the same seed gives byte-identical JSON, and a JSON round trip predicts identically', () => {
    const { X, y } = noisyData(90, 10, 3, 2);
    const a = new LinearSvmClassifier({ seed: 7 }).fit(X, y, 3);
    expect(JSON.stringify(a.toJSON())).toBe(JSON.stringify(new LinearSvmClassifier({ seed: 7 }).fit(X, y, 3).toJSON()));
    const back = LinearSvmClassifier.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(Array.from(back.decisionFunction(X))).toEqual(Array.from(a.decisionFunction(X)));
  });
  it('refuses to predict before fit, bad labels and weights that do not fit their shape', () => {
    const { X, y } = toyData(30, 4);
    expect(() => new LinearSvmClassifier().predict(X)).toThrow(/not fitted/);
    expect(() => new LinearSvmClassifier().fit(X, y.subarray(1), 3)).toThrow(/rows/);
    expect(() => new LinearSvmClassifier().fit(X, y, 2)).toThrow(/outside/);
    const json = new LinearSvmClassifier().fit(X, y, 3).toJSON();
    expect(() => LinearSvmClassifier.fromJSON({ ...json, weights: (json.weights as number[]).slice(1) })).toThrow(
      /^its "fast" weights hold 29 numbers, not 3 classes × 10 features/,
    );
    expect(() => LinearSvmClassifier.fromJSON({ ...json, bias: null })).toThrow(/^its "fast" weights or bias are missing/);
    expect(() => LinearSvmClassifier.fromJSON({ ...json, solver: 'sgd' })).toThrow(/^its "fast" weights come from an unknown solver/);
  });
  it('reports progress per class and stops when the signal is aborted', () => {
    const { X, y } = toyData(90, 5);
    const steps: number[] = [];
    new LinearSvmClassifier().fit(X, y, 3, { onProgress: (p) => steps.push(p.epoch) });
    expect(steps).toEqual([1, 2, 3]);
    const signal = { aborted: false };
    expect(() =>
      new LinearSvmClassifier().fit(X, y, 3, {
        signal,
        onProgress: () => {
          signal.aborted = true;
        },
      }),
    ).toThrow(/cancelled/);
  });
});

describe('MljsLogisticRegression', () => {
  it('recovers the known answer, with probabilities that sum to 1 and log-probability scores', () => {
    const { X, y } = toyData(60, 7);
    const m = new MljsLogisticRegression({ numSteps: 100 }).fit(X, y, 3);
    expect(Array.from(m.predict(X))).toEqual(Array.from(y));
    const p = m.predictProba(X);
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 9);
    expect(Math.exp(m.decisionFunction(X)[0]!)).toBeCloseTo(p[0]!, 9);
    // Its raw weights model "not class c"; classWeights flips them so feature c favours class c.
    expect(m.classWeights(1)[1]).toBeGreaterThan(0);
  });
  it('round-trips through JSON and refuses oversized dense matrices, predict before fit and malformed weights', () => {
    const { X, y } = toyData(60, 8);
    const m = new MljsLogisticRegression({ numSteps: 30 }).fit(X, y, 3);
    const json = JSON.parse(JSON.stringify(m.toJSON()));
    const back = MljsLogisticRegression.fromJSON(json);
    expect(Array.from(back.predictProba(X))).toEqual(Array.from(m.predictProba(X)));
    expect(() => new MljsLogisticRegression({ maxDenseCells: 100 }).fit(X, y, 3)).toThrow(/dense/);
    expect(() => new MljsLogisticRegression().predict(X)).toThrow(/not fitted/);
    expect(() => MljsLogisticRegression.fromJSON({ ...json, notClassWeights: [null, null, null] })).toThrow(
      /^its "mljs" weights do not hold 3 classes × 10 features/,
    );
  });
});
