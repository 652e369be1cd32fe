/** Seeded, stratified, duplicate-aware train/test splits and k-fold assignment (groups never straddle). */
import { createRng, shuffleInPlace } from '../random';

interface Group {
  id: number;
  label: number;
  rows: number[];
}

function collectGroups(labels: ArrayLike<number>, groupOf: ArrayLike<number>): Group[] {
  const groups = new Map<number, Group>();
  for (let i = 0; i < labels.length; i++) {
    const g = groupOf[i]!;
    let group = groups.get(g);
    // A group's stratum is the label of its first row; duplicates in public corpora agree on labels.
    if (!group) groups.set(g, (group = { id: g, label: labels[i]!, rows: [] }));
    group.rows.push(i);
  }
  return [...groups.values()];
}

function byLabel(groups: Group[]): Map<number, Group[]> {
  const out = new Map<number, Group[]>();
  for (const g of groups) {
    const list = out.get(g.label);
    if (list) list.push(g);
    else out.set(g.label, [g]);
  }
  return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

/** Identity groups (every row its own group), for splits without duplicate awareness. */
export const singletonGroups = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

/** A uniform 32-bit draw fixed by (seed, key): a row's place in the split order depends on nothing else. */
function keyRank(seed: number, key: number): number {
  let h = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(key >>> 0, 0xc2b2ae35) ^ Math.floor(key / 2 ** 32);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Stratified train/test split over duplicate groups: per class, groups are taken in the order of a
 * seeded hash of their smallest key and moved to the test side while that brings the class's test
 * rows closer to testFraction of its rows; a class always keeps at least one group for training.
 * `keys` (default: row positions) identify rows across calls: give document ids and a document's
 * side depends only on the seed, its class's size and its own id, so a retrain after a relabel or an
 * import holds out the same documents where they still exist (a shuffle by position moved about a
 * third of them: every class's draw shifted when one class changed size).
 */
export function groupStratifiedSplit(
  labels: ArrayLike<number>,
  groupOf: ArrayLike<number>,
  testFraction: number,
  seed: number,
  keys?: ArrayLike<number>,
): { train: Int32Array; test: Int32Array } {
  const train: number[] = [];
  const test: number[] = [];
  for (const groups of byLabel(collectGroups(labels, groupOf)).values()) {
    const rank = new Map(groups.map((g) => [g, keyRank(seed, Math.min(...g.rows.map((r) => (keys ? keys[r]! : r))))]));
    groups.sort((a, b) => rank.get(a)! - rank.get(b)! || a.id - b.id);
    const total = groups.reduce((s, g) => s + g.rows.length, 0);
    const target = total * testFraction;
    let inTest = 0;
    for (const g of groups) {
      const better = Math.abs(inTest + g.rows.length - target) < Math.abs(inTest - target);
      if (better && inTest + g.rows.length < total) {
        inTest += g.rows.length;
        test.push(...g.rows);
      } else train.push(...g.rows);
    }
  }
  const sort = (a: number[]) => Int32Array.from(a.sort((x, y) => x - y));
  return { train: sort(train), test: sort(test) };
}

/**
 * Stratified k-fold over duplicate groups: per class, shuffled groups (largest first) go to the fold
 * holding the fewest rows of that class. Returns the fold (0..k-1) of every row.
 */
export function groupStratifiedKFold(labels: ArrayLike<number>, groupOf: ArrayLike<number>, k: number, seed: number): Int32Array {
  if (k < 2) throw new Error('k-fold needs k >= 2.');
  const rng = createRng(seed);
  const foldOf = new Int32Array(labels.length);
  const foldTotals = new Float64Array(k);
  for (const groups of byLabel(collectGroups(labels, groupOf)).values()) {
    shuffleInPlace(groups, rng);
    groups.sort((a, b) => b.rows.length - a.rows.length);
    const classInFold = new Float64Array(k);
    const start = rng.int(k);
    for (const g of groups) {
      let best = -1;
      for (let step = 0; step < k; step++) {
        const f = (start + step) % k;
        if (best < 0 || classInFold[f]! < classInFold[best]! || (classInFold[f] === classInFold[best] && foldTotals[f]! < foldTotals[best]!)) best = f;
      }
      classInFold[best]! += g.rows.length;
      foldTotals[best]! += g.rows.length;
      for (const r of g.rows) foldOf[r] = best;
    }
  }
  return foldOf;
}

/**
 * A holdout split in which train-only rows (labels nobody confirmed, e.g. a model's) never reach the
 * test side: the other rows are split as groupStratifiedSplit splits them; a train-only row joins
 * the training side unless a row of its duplicate group is tested, in which case it sits the split
 * out (on the training side it would leak its group's text into the test).
 */
export function splitKeepingTrainOnly(
  labels: ArrayLike<number>,
  groupOf: ArrayLike<number>,
  trainOnly: ArrayLike<boolean> | undefined,
  testFraction: number,
  seed: number,
  keys?: ArrayLike<number>,
): { train: Int32Array; test: Int32Array } {
  if (!trainOnly || !Array.prototype.some.call(trainOnly, Boolean)) return groupStratifiedSplit(labels, groupOf, testFraction, seed, keys);
  const rows = Array.from({ length: labels.length }, (_, i) => i);
  const evaluable = rows.filter((r) => !trainOnly[r]);
  const inner = groupStratifiedSplit(
    evaluable.map((r) => labels[r]!),
    evaluable.map((r) => groupOf[r]!),
    testFraction,
    seed,
    // Row positions shift once train-only rows are set aside: without keys, the positions in the whole corpus.
    evaluable.map((r) => (keys ? keys[r]! : r)),
  );
  const test = Array.from(inner.test, (i) => evaluable[i]!);
  const testedGroups = new Set(test.map((r) => groupOf[r]!));
  const train = [...Array.from(inner.train, (i) => evaluable[i]!), ...rows.filter((r) => trainOnly[r] && !testedGroups.has(groupOf[r]!))];
  return { train: Int32Array.from(train.sort((a, b) => a - b)), test: Int32Array.from(test) };
}

/**
 * k-fold assignment in which train-only rows are never scored: the other rows are assigned as
 * groupStratifiedKFold assigns them; a train-only row takes the fold of its duplicate group's
 * evaluable rows (so it is left out of that fold's training), or -1: it trains in every fold.
 */
export function kFoldKeepingTrainOnly(
  labels: ArrayLike<number>,
  groupOf: ArrayLike<number>,
  trainOnly: ArrayLike<boolean> | undefined,
  k: number,
  seed: number,
): Int32Array {
  if (!trainOnly || !Array.prototype.some.call(trainOnly, Boolean)) return groupStratifiedKFold(labels, groupOf, k, seed);
  const rows = Array.from({ length: labels.length }, (_, i) => i);
  const evaluable = rows.filter((r) => !trainOnly[r]);
  const inner = groupStratifiedKFold(
    evaluable.map((r) => labels[r]!),
    evaluable.map((r) => groupOf[r]!),
    k,
    seed,
  );
  const foldOfGroup = new Map(evaluable.map((r, i) => [groupOf[r]!, inner[i]!]));
  const foldOf = new Int32Array(labels.length).fill(-1);
  evaluable.forEach((r, i) => (foldOf[r] = inner[i]!));
  for (const r of rows) if (trainOnly[r]) foldOf[r] = foldOfGroup.get(groupOf[r]!) ?? -1;
  return foldOf;
}
