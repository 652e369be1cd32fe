// Duplicate groups read one text at a time (the training screen streams the corpus from SQLite and
// holds no texts) are the groups the earlier two-pass grouping over an array gave. The reference
// below is that algorithm as it was: every exact key first, then the representatives' bands.
import { describe, expect, it } from 'vitest';
import { bandKeys, createDuplicateGrouper, findDuplicateGroups, jaccard, minhashSignature, shingles } from '../../ml/eval/dedup';
import { exactKey } from '../../ml/eval/text-keys';
import { generateResumeSample } from '../../ml/sample/generate';

function twoPassGroups(texts: readonly string[], maxBucketCompare = 64) {
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstByKey = new Map<number, number>();
  const representatives: number[] = [];
  let exactDuplicates = 0;
  texts.forEach((text, i) => {
    const first = firstByKey.get(exactKey(text));
    if (first === undefined) {
      firstByKey.set(exactKey(text), i);
      representatives.push(i);
    } else {
      union(first, i);
      exactDuplicates++;
    }
  });
  let nearDuplicatePairs = 0;
  const sets = new Map<number, Uint32Array>();
  const buckets = new Map<number, number[]>();
  for (const i of representatives) {
    const set = shingles(texts[i]!);
    const candidates = new Set<number>();
    let isMember = false;
    for (const key of bandKeys(minhashSignature(set))) {
      const members = buckets.get(key);
      if (!members) {
        buckets.set(key, [i]);
        isMember = true;
        continue;
      }
      for (const j of members) candidates.add(j);
      if (members.length < maxBucketCompare) {
        members.push(i);
        isMember = true;
      }
    }
    if (isMember) sets.set(i, set);
    for (const j of [...candidates].sort((a, b) => a - b)) {
      if (jaccard(sets.get(j)!, set) >= 0.8) {
        nearDuplicatePairs++;
        union(j, i);
      }
    }
  }
  const ids = new Map<number, number>();
  const groupOf = texts.map((_, i) => {
    const root = find(i);
    if (!ids.has(root)) ids.set(root, ids.size);
    return ids.get(root)!;
  });
  return { groupOf, groupCount: ids.size, exactDuplicates, nearDuplicatePairs };
}

describe('duplicate groups read one text at a time', () => {
  for (const seed of [1, 2, 3]) {
    it(`equal the two-pass groups on a corpus with exact and near copies (seed ${seed})`, () => {
      const sample = generateResumeSample({ seed, perClass: 60, nearDuplicateRate: 0.15 }).map((d) => d.text);
      // Exact copies, some before their first near copy is met, and a copy of a copy.
      const texts = [...sample, ...sample.filter((_, i) => i % 9 === 0), sample[3]!, sample[3]!];
      const expected = twoPassGroups(texts);
      expect(expected.exactDuplicates).toBeGreaterThan(0);
      expect(expected.nearDuplicatePairs).toBeGreaterThan(0);
      function* oneAtATime() {
        yield* texts;
      }
      const streamed = findDuplicateGroups(oneAtATime());
      expect({ ...streamed, groupOf: Array.from(streamed.groupOf) }).toEqual(expected);
      const capped = findDuplicateGroups(oneAtATime(), { maxBucketCompare: 2 });
      expect({ ...capped, groupOf: Array.from(capped.groupOf) }).toEqual(twoPassGroups(texts, 2));
    });
  }

  it('a grouper with nothing added has no groups', () => {
    expect(createDuplicateGrouper().finish()).toEqual({ groupOf: new Int32Array(0), groupCount: 0, exactDuplicates: 0, nearDuplicatePairs: 0 });
  });
});
