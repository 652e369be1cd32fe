// Model-labelled resumes (train-only rows) are fitted on but never evaluated: never on a holdout's test
// side, never scored by cross-validation, and a copy of a tested resume sits the split out.
import { describe, expect, it } from 'vitest';
import { crossValidate, holdoutEvaluation } from '../../ml/eval/evaluate';
import { groupStratifiedSplit, kFoldKeepingTrainOnly, splitKeepingTrainOnly } from '../../ml/eval/split';
import { generateResumeSample } from '../../ml/sample/generate';

const sample = generateResumeSample({ seed: 5, perClass: 14, classes: ['Accountant', 'Nurse', 'Teacher'], nearDuplicateRate: 0, labelNoise: 0 });
const texts = sample.map((s) => s.text);
const labels = sample.map((s) => s.category);
// Every third resume carries a label nobody confirmed.
const trainOnly = texts.map((_, i) => i % 3 === 0);
const marked = (rows: ArrayLike<number>) => Array.from(rows).filter((r) => trainOnly[r]);

describe('train-only rows', () => {
  it('never reach the test side of a holdout, and train when their group is not tested', () => {
    const { split, report } = holdoutEvaluation({ texts, labels, trainOnly }, { tune: false }, { seed: 3, testFraction: 0.25 });
    expect(marked(split.test)).toEqual([]);
    expect(marked(split.train)).toEqual(trainOnly.flatMap((isMarked, i) => (isMarked ? [i] : [])));
    // The test side is the usual share of the confirmed resumes only.
    const confirmed = trainOnly.filter((m) => !m).length;
    expect(split.test.length).toBeGreaterThanOrEqual(Math.floor(confirmed * 0.2));
    expect(report.testRows).toBe(split.test.length);
  });

  it('split as before when no row is train-only', () => {
    const y = labels.map((l) => ['Accountant', 'Nurse', 'Teacher'].indexOf(l));
    const groups = texts.map((_, i) => i);
    expect(
      splitKeepingTrainOnly(
        y,
        groups,
        texts.map(() => false),
        0.2,
        9,
      ),
    ).toEqual(groupStratifiedSplit(y, groups, 0.2, 9));
  });

  it('leave the confirmed rows where a split by document id puts them (accepting the confident ones moves no tested resume)', () => {
    const y = labels.map((l) => ['Accountant', 'Nurse', 'Teacher'].indexOf(l));
    const groups = texts.map((_, i) => i);
    const ids = texts.map((_, i) => 1000 + 7 * i);
    const confirmed = ids.flatMap((_, i) => (trainOnly[i] ? [] : [i]));
    // The confirmed rows alone, keyed by their document ids: the split before any model labels.
    const alone = groupStratifiedSplit(
      confirmed.map((r) => y[r]!),
      confirmed.map((r) => groups[r]!),
      0.2,
      4,
      confirmed.map((r) => ids[r]!),
    );
    const withModelLabels = splitKeepingTrainOnly(y, groups, trainOnly, 0.2, 4, ids);
    expect(Array.from(withModelLabels.test)).toEqual(Array.from(alone.test, (i) => confirmed[i]!));
  });

  it('sit a split out when a copy of them is tested', () => {
    // Rows 0 and 1 are one duplicate group; row 1 is train-only.
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const groups = [0, 0, 2, 3, 4, 5, 6, 7];
    const only = [false, true, false, false, false, false, false, false];
    for (let seed = 0; seed < 20; seed++) {
      const { train, test } = splitKeepingTrainOnly(y, groups, only, 0.5, seed);
      expect(Array.from(test)).not.toContain(1);
      expect(Array.from(train).includes(1)).toBe(!Array.from(test).includes(0));
    }
    // In k-fold it takes its group's fold, so it is left out of the fold that tests its copy.
    const foldOf = kFoldKeepingTrainOnly(y, groups, only, 2, 1);
    expect(foldOf[1]).toBe(foldOf[0]);
    expect(kFoldKeepingTrainOnly(y, [0, 1, 2, 3, 4, 5, 6, 7], only, 2, 1)[1]).toBe(-1);
  });

  it('are never scored by cross-validation', () => {
    const cv = crossValidate({ texts, labels, trainOnly }, { tune: false }, { folds: 3, seed: 2 });
    expect(marked(cv.scored)).toEqual([]);
    expect(cv.scored.length).toBe(trainOnly.filter((m) => !m).length);
    const K = cv.classes.length;
    for (const row of cv.scored) expect(cv.oofProba.subarray(row * K, (row + 1) * K).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    for (const row of marked(Array.from(texts.keys()))) expect(Array.from(cv.oofProba.subarray(row * K, (row + 1) * K))).toEqual([0, 0, 0]);
    expect(cv.folds.reduce((sum, f) => sum + f.testRows, 0)).toBe(cv.scored.length);
  });
});
