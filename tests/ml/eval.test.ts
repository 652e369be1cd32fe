import { describe, expect, it } from 'vitest';
import { findDuplicateGroups, jaccard, shingles } from '../../ml/eval/dedup';
import { crossValidate, holdoutEvaluation, learningCurve, rankLikelyMislabelled } from '../../ml/eval/evaluate';
import { groupStratifiedKFold, groupStratifiedSplit, singletonGroups } from '../../ml/eval/split';
import { yearsOfExperience } from '../../ml/features/engineered';
import { generateResumeSample } from '../../ml/sample/generate';

const sample = generateResumeSample({ seed: 3, perClass: 20, nearDuplicateRate: 0.1, labelNoise: 0 });
const corpus = { texts: sample.map((s) => s.text), labels: sample.map((s) => s.category) };

describe('duplicate groups', () => {
  it('groups exact duplicates (case and whitespace folded) and near duplicates, not distinct texts', () => {
    const base = sample[0]!.text; // a whole synthetic resume: one changed word keeps shingle Jaccard above 0.8
    const g = findDuplicateGroups([
      base,
      base.toUpperCase().replace(/ /g, '  '),
      base.replace('Summary', 'Profile'),
      'Software engineer writing TypeScript services and React front ends',
    ]);
    expect(g.groupOf[0]).toBe(g.groupOf[1]);
    expect(g.groupOf[0]).toBe(g.groupOf[2]);
    expect(g.groupOf[3]).not.toBe(g.groupOf[0]);
    expect(g.exactDuplicates).toBe(1);
    expect(g.nearDuplicatePairs).toBe(1);
  });
  it('jaccard of shingle sets is 1 for the same text and low for unrelated ones', () => {
    expect(jaccard(shingles('a b c d e'), shingles('a b c d e'))).toBe(1);
    expect(jaccard(shingles('a b c d e'), shingles('v w x y z'))).toBe(0);
  });
});

describe('splits', () => {
  const groups = findDuplicateGroups(corpus.texts);
  const classes = [...new Set(corpus.labels)].sort();
  const y = corpus.labels.map((l) => classes.indexOf(l));

  it('the stratified split never puts one duplicate group on both sides and keeps class shares', () => {
    const { train, test } = groupStratifiedSplit(y, groups.groupOf, 0.2, 42);
    expect(train.length + test.length).toBe(y.length);
    const trainGroups = new Set(Array.from(train, (i) => groups.groupOf[i]));
    for (const i of test) expect(trainGroups.has(groups.groupOf[i]!)).toBe(false);
    for (let c = 0; c < classes.length; c++) {
      const total = y.filter((l) => l === c).length;
      const inTest = Array.from(test).filter((i) => y[i] === c).length;
      expect(Math.abs(inTest - 0.2 * total)).toBeLessThanOrEqual(3);
    }
  });
  it('is seeded: same seed same split, other seed another split', () => {
    const a = groupStratifiedSplit(y, singletonGroups(y.length), 0.2, 1);
    expect(Array.from(groupStratifiedSplit(y, singletonGroups(y.length), 0.2, 1).test)).toEqual(Array.from(a.test));
    expect(Array.from(groupStratifiedSplit(y, singletonGroups(y.length), 0.2, 2).test)).not.toEqual(Array.from(a.test));
  });
  it('follows row keys, not positions: reordered rows keep their side, and a relabel moves at most a boundary row or two', () => {
    const keys = Array.from(y, (_, i) => 1000 + i * 7);
    const heldOut = (labels: ArrayLike<number>, order: number[]) => {
      const { test } = groupStratifiedSplit(
        order.map((i) => labels[i]!),
        singletonGroups(order.length),
        0.2,
        5,
        order.map((i) => keys[i]!),
      );
      return new Set(Array.from(test, (row) => keys[order[row]!]!));
    };
    const identity = Array.from(y, (_, i) => i);
    const before = heldOut(y, identity);
    expect([...heldOut(y, [...identity].reverse())].sort()).toEqual([...before].sort());
    // One row relabelled into another class (the class sizes change): the old shuffle redrew every later class.
    const relabelled = Int32Array.from(y);
    relabelled[3] = (relabelled[3]! + 1) % 4;
    const after = heldOut(relabelled, identity);
    expect([...after].filter((k) => before.has(k)).length).toBeGreaterThanOrEqual(before.size - 2);
  });
  it('k-fold assigns each group to one fold and balances classes', () => {
    const folds = groupStratifiedKFold(y, groups.groupOf, 4, 42);
    const foldOfGroup = new Map<number, number>();
    groups.groupOf.forEach((g, i) => {
      expect(foldOfGroup.get(g) ?? folds[i]).toBe(folds[i]);
      foldOfGroup.set(g, folds[i]!);
    });
    const sizes = [0, 1, 2, 3].map((f) => Array.from(folds).filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(classes.length * 2);
  });
});

describe('evaluation protocols', () => {
  it('holdout evaluation reports consistent metrics', () => {
    const { report, split } = holdoutEvaluation(corpus, {}, { seed: 1 });
    expect(report.testRows).toBe(split.test.length);
    expect(report.accuracy).toBeGreaterThan(0.7);
    expect(report.confusion.flat().reduce((s, v) => s + v, 0)).toBe(split.test.length);
  });
  it('cross-validation gives out-of-fold probabilities, and flipped labels rank as likely mislabelled', () => {
    const flipped = [...corpus.labels];
    const victims = [0, 5, 9];
    for (const v of victims) flipped[v] = flipped[v] === 'Nurse' ? 'Accountant' : 'Nurse';
    const cv = crossValidate(
      { texts: corpus.texts, labels: flipped },
      {},
      { folds: 3, seed: 2, groups: findDuplicateGroups(corpus.texts, { nearDuplicates: false }) },
    );
    expect(cv.folds).toHaveLength(3);
    for (let r = 0; r < 5; r++) expect(cv.oofProba.subarray(r * cv.classes.length, (r + 1) * cv.classes.length).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    const ranked = rankLikelyMislabelled(cv, 10).map((m) => m.row);
    for (const v of victims) expect(ranked).toContain(v);
  });
  it('cross-validation and the learning curve report progress per step and inside each fit, and stop on an aborted signal', () => {
    const steps: string[] = [];
    crossValidate(corpus, { tune: false }, { folds: 3, seed: 1, onProgress: (p) => steps.push(`${p.step}/${p.steps}${p.fit ? ` ${p.fit.phase}` : ''}`) });
    expect(steps.filter((s) => !s.includes(' '))).toEqual(['1/3', '2/3', '3/3']);
    expect(steps).toContain('2/3 fit');
    const signal = { aborted: false, reason: new Error('Stopped by the user.') };
    let fitsSeen = 0;
    expect(() =>
      crossValidate(
        corpus,
        {},
        {
          folds: 3,
          signal,
          onProgress: (p) => {
            if (p.fit?.phase === 'tune' && ++fitsSeen === 2) signal.aborted = true;
          },
        },
      ),
    ).toThrow('Stopped by the user.');
    const points: number[] = [];
    learningCurve(corpus, { tune: false }, { fractions: [0.5, 1], seed: 2, onProgress: (p) => p.fit === null && points.push(p.step) });
    expect(points).toEqual([1, 2]);
    expect(() => learningCurve(corpus, {}, { fractions: [0.5, 1], signal: { aborted: true } })).toThrow(/cancelled/);
  });
  it('the learning curve grows the training set', () => {
    const points = learningCurve(corpus, {}, { fractions: [0.3, 1], seed: 4 });
    expect(points[0]!.trainDocs).toBeLessThan(points[1]!.trainDocs);
  });
});

describe('yearsOfExperience', () => {
  it('sums the union of date ranges; Present means the latest year mentioned', () => {
    expect(yearsOfExperience('2010 - 2015 and 2013 – 2016')).toBeCloseTo(6, 6);
    expect(yearsOfExperience('Jan 2012 to Mar 2014')).toBeCloseTo(2 + 2 / 12, 6);
    expect(yearsOfExperience('03/2018 - Present. Certified 2020.')).toBeCloseTo(2020 + 11 / 12 - (2018 + 2 / 12), 6);
    expect(yearsOfExperience('no dates here')).toBe(0);
  });
});
