import { describe, expect, it } from 'vitest';
import { CsrBuilder, type CsrMatrix } from '../../ml/features/csr';
import { MljsLogisticRegression } from '../../ml/models/mljs-adapter';
import { SoftmaxRegression } from '../../ml/models/softmax-regression';
import { createRng } from '../../ml/random';

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

describe('SoftmaxRegression', () => {
  it('recovers the known answer on separable toy data', () => {
    const { X, y } = toyData(150, 1);
    const m = new SoftmaxRegression({ seed: 3 }).fit(X, y, 3);
    expect(Array.from(m.predict(X))).toEqual(Array.from(y));
    // The weight of feature c is largest for class c.
    for (let c = 0; c < 3; c++) {
      const w = m.classWeights(c);
      expect(Math.max(...Array.from(w.subarray(0, 3)))).toBe(w[c]);
    }
    const p = m.predictProba(X);
    for (let r = 0; r < 3; r++) expect(p[r * 3]! + p[r * 3 + 1]! + p[r * 3 + 2]!).toBeCloseTo(1, 9);
  });
  it('learns an intercept: with no features it predicts the majority class', () => {
    const b = new CsrBuilder(1);
    for (let i = 0; i < 40; i++) b.addRow([], []);
    const y = Int32Array.from({ length: 40 }, (_, i) => (i < 30 ? 1 : 0));
    const m = new SoftmaxRegression({ earlyStopping: false, maxEpochs: 20, eta0: 0.1 }).fit(b.build(), y, 2);
    const p = m.predictProba(b.build());
    expect(p[1]).toBeGreaterThan(0.65);
    expect(p[1]).toBeLessThan(0.85);
  });
  it('the same seed gives byte-identical JSON; another seed does not', () => {
    const { X, y } = toyData(90, 2);
    const a = JSON.stringify(new SoftmaxRegression({ seed: 7 }).fit(X, y, 3).toJSON());
    const b = JSON.stringify(new SoftmaxRegression({ seed: 7 }).fit(X, y, 3).toJSON());
    const c = JSON.stringify(new SoftmaxRegression({ seed: 8 }).fit(X, y, 3).toJSON());
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
  it('JSON round trip predicts identically', () => {
    const { X, y } = toyData(90, 3);
    const m = new SoftmaxRegression().fit(X, y, 3);
    const back = SoftmaxRegression.fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    expect(Array.from(back.predictProba(X))).toEqual(Array.from(m.predictProba(X)));
  });
  it('refuses to predict before fit and rejects bad input', () => {
    const { X, y } = toyData(30, 4);
    expect(() => new SoftmaxRegression().predict(X)).toThrow(/not fitted/);
    expect(() => new SoftmaxRegression().fit(X, y.subarray(1), 3)).toThrow(/rows/);
    expect(() => new SoftmaxRegression().fit(X, y, 2)).toThrow(/outside/);
  });
  it('reports progress per epoch and stops when the signal is aborted', () => {
    const { X, y } = toyData(300, 5);
    const epochs: number[] = [];
    new SoftmaxRegression({ maxEpochs: 5, earlyStopping: false }).fit(X, y, 3, { onProgress: (p) => epochs.push(p.epoch) });
    expect(epochs).toEqual([1, 2, 3, 4, 5]);
    const signal = { aborted: false };
    expect(() =>
      new SoftmaxRegression({ maxEpochs: 10, earlyStopping: false }).fit(X, y, 3, {
        signal,
        onProgress: (p) => {
          if (p.epoch === 2) signal.aborted = true;
        },
      }),
    ).toThrow(/cancelled/);
  });
  it('early stopping runs fewer epochs than the cap on easy data', () => {
    const { X, y } = toyData(300, 6);
    const m = new SoftmaxRegression({ maxEpochs: 200, patience: 2 }).fit(X, y, 3);
    expect(m.epochsRun).toBeGreaterThan(0);
    expect(m.epochsRun).toBeLessThan(200);
  });
});

describe('MljsLogisticRegression', () => {
  it('recovers the known answer, with probabilities that sum to 1', () => {
    const { X, y } = toyData(60, 7);
    const m = new MljsLogisticRegression({ numSteps: 100 }).fit(X, y, 3);
    expect(Array.from(m.predict(X))).toEqual(Array.from(y));
    const p = m.predictProba(X);
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 9);
    // Its raw weights model "not class c"; classWeights flips them so feature c favours class c.
    expect(m.classWeights(1)[1]).toBeGreaterThan(0);
  });
  it('round-trips through JSON and refuses oversized dense matrices and predict before fit', () => {
    const { X, y } = toyData(60, 8);
    const m = new MljsLogisticRegression({ numSteps: 30 }).fit(X, y, 3);
    const back = MljsLogisticRegression.fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    expect(Array.from(back.predictProba(X))).toEqual(Array.from(m.predictProba(X)));
    expect(() => new MljsLogisticRegression({ maxDenseCells: 100 }).fit(X, y, 3)).toThrow(/dense/);
    expect(() => new MljsLogisticRegression().predict(X)).toThrow(/not fitted/);
  });
});
