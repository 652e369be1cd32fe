// The queue's order on constructed cases: uncertainty (margin and entropy) picks the resume the model
// is least sure of; the diversity rule asks a near-copy of a resume just asked (or just chosen) later.
import { describe, expect, it } from 'vitest';
import { CsrBuilder, l2NormalizeRows, type CsrMatrix } from '../../ml/features/csr';
import { cosineOfRows, orderQueue, scarcityWeights } from '../../ml/labelling/queue-order';
import { topClassOf, uncertaintyOf } from '../../ml/labelling/uncertainty';

/** Rows of term weights (column → weight), l2-normalised like the queue's term vectors. */
function vectors(rows: Record<number, number>[]): CsrMatrix {
  const builder = new CsrBuilder(10);
  for (const row of rows) {
    const cols = Object.keys(row)
      .map(Number)
      .sort((a, b) => a - b);
    builder.addRow(
      cols,
      cols.map((c) => row[c]!),
    );
  }
  return l2NormalizeRows(builder.build());
}

describe('uncertainty', () => {
  // Three classes; row 2 has the smallest gap between its two most probable classes.
  const proba = Float64Array.of(0.9, 0.05, 0.05, 0.5, 0.3, 0.2, 0.41, 0.39, 0.2, 0.34, 0.33, 0.33);

  it('margin is one minus the gap between the two most probable classes', () => {
    const u = uncertaintyOf(proba, 3, 'margin');
    expect(Array.from(u, (x) => Number(x.toFixed(6)))).toEqual([0.15, 0.8, 0.98, 0.99]);
  });

  it('entropy is normalised so a uniform row is 1 and a certain one 0', () => {
    const u = uncertaintyOf(Float64Array.of(1, 0, 0, 1 / 3, 1 / 3, 1 / 3), 3, 'entropy');
    expect(u[0]).toBe(0);
    expect(u[1]).toBeCloseTo(1, 12);
  });

  it('the top class of each row and its probability', () => {
    const top = topClassOf(proba, 3);
    expect(Array.from(top.label)).toEqual([0, 0, 0, 0]);
    expect(Array.from(top.probability)).toEqual([0.9, 0.5, 0.41, 0.34]);
  });
});

describe('the queue order', () => {
  // Four resumes over three categories; doc 12 has the closest margin (0.45 vs 0.44), although doc 11
  // has the lowest top probability (0.4): margin asks about 12 first, least-confidence would not.
  const proba = Float64Array.of(0.8, 0.15, 0.05, 0.4, 0.3, 0.3, 0.45, 0.44, 0.11, 0.7, 0.2, 0.1);
  const K = 3;
  const docs = Int32Array.of(10, 11, 12, 13);
  const candidates = { docs, uncertainty: uncertaintyOf(proba, K, 'margin'), probability: topClassOf(proba, K).probability };

  it('asks first about the resume whose two most probable categories are closest', () => {
    const order = orderQueue(candidates, { order: 'uncertain', limit: 4, seed: 1 });
    expect(Array.from(order, (p) => docs[p])).toEqual([12, 11, 13, 10]);
  });

  it('asks the most confident first in that order, and every candidate once in random order', () => {
    expect(Array.from(orderQueue(candidates, { order: 'confident', limit: 2, seed: 1 }), (p) => docs[p])).toEqual([10, 13]);
    const random = Array.from(orderQueue(candidates, { order: 'random', limit: 4, seed: 3 }));
    expect([...random].sort()).toEqual([0, 1, 2, 3]);
    expect(Array.from(orderQueue(candidates, { order: 'random', limit: 4, seed: 3 }))).toEqual(random);
  });

  it('with a sharpness, draws the order with weights uncertainty^sharpness: seeded, least sure first most often', () => {
    const firsts = new Map<number, number>();
    for (let seed = 0; seed < 400; seed++) {
      const order = orderQueue(candidates, { order: 'uncertain', limit: 4, seed, sharpness: 4 });
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
      const first = docs[order[0]!]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    // Weights 0.99^4 : 0.9^4 : 0.5^4 : 0.35^4 = 0.96 : 0.66 : 0.06 : 0.015, so about 57%, 39%, 4% and 1% of the draws.
    expect(firsts.get(12)! / 400).toBeGreaterThan(0.45);
    expect(firsts.get(12)! / 400).toBeLessThan(0.7);
    expect(firsts.get(11)!).toBeGreaterThan(firsts.get(13) ?? 0);
    expect(firsts.get(13) ?? 0).toBeGreaterThanOrEqual(firsts.get(10) ?? 0);
    const again = (seed: number) => Array.from(orderQueue(candidates, { order: 'uncertain', limit: 4, seed, sharpness: 4 }));
    expect(again(7)).toEqual(again(7));
  });

  it('with scarcity weights, favours resumes suggested into the categories with the fewest labels', () => {
    // Docs 10 and 11 are equally unsure; 10 is suggested into a category with 2 labels, 11 into one with 32.
    const even = { docs: Int32Array.of(10, 11), uncertainty: Float64Array.of(0.9, 0.9), probability: Float64Array.of(0.5, 0.5) };
    const weight = scarcityWeights(Int32Array.of(0, 1), [2, 32], 0.5);
    expect(Array.from(weight)).toEqual([2 ** -0.5, 32 ** -0.5]);
    let rareFirst = 0;
    for (let seed = 0; seed < 400; seed++) if (orderQueue({ ...even, weight }, { order: 'uncertain', limit: 2, seed, sharpness: 4 })[0] === 0) rareFirst++;
    // Weights 1/sqrt(2) : 1/sqrt(32) = 4 : 1, so about 80% of the draws ask the rare category's resume first.
    expect(rareFirst / 400).toBeGreaterThan(0.7);
    expect(rareFirst / 400).toBeLessThan(0.9);
  });

  it('asks a near-copy of a resume already chosen after the others', () => {
    // Doc 11 (second most unsure) is a near-copy of doc 12 (the most unsure): it comes last instead of second.
    const m = vectors([...Array.from({ length: 10 }, () => ({})), { 0: 1 }, { 1: 1, 2: 1, 5: 0.05 }, { 1: 1, 2: 1 }, { 3: 1 }]);
    const similarity = (a: number, b: number) => cosineOfRows(m, a, b);
    expect(similarity(11, 12)).toBeGreaterThan(0.9);
    expect(similarity(10, 12)).toBe(0);
    const order = orderQueue(candidates, { order: 'uncertain', limit: 4, seed: 1, similarity });
    expect(Array.from(order, (p) => docs[p])).toEqual([12, 13, 10, 11]);
    // A looser rule (copies only when identical) keeps the uncertainty order.
    const loose = orderQueue(candidates, { order: 'uncertain', limit: 4, seed: 1, similarity, duplicateSimilarity: 1.01 });
    expect(Array.from(loose, (p) => docs[p])).toEqual([12, 11, 13, 10]);
  });

  it('asks a near-copy of a resume just answered after the others', () => {
    // Doc 20 was just answered; doc 12 (the most unsure) is a near-copy of it.
    const m = vectors([
      ...Array.from({ length: 10 }, () => ({})),
      { 0: 1 },
      { 1: 1 },
      { 2: 1, 3: 1 },
      { 4: 1 },
      ...Array.from({ length: 6 }, () => ({})),
      { 2: 1, 3: 1.05 },
    ]);
    const similarity = (a: number, b: number) => cosineOfRows(m, a, b);
    const order = orderQueue(candidates, { order: 'uncertain', limit: 4, seed: 1, similarity, recent: [20] });
    expect(Array.from(order, (p) => docs[p])).toEqual([11, 13, 10, 12]);
    // Without the answer to remember, it comes first again.
    expect(Array.from(orderQueue(candidates, { order: 'uncertain', limit: 1, seed: 1, similarity }), (p) => docs[p])).toEqual([12]);
  });
});
