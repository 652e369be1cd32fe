import { describe, expect, it } from 'vitest';
import { bandKeys, findDuplicateGroups, minhashBands, minhashSignature, shingles } from '../../ml/eval/dedup';

/** One template filled in with a different number each time: every copy lands in the same LSH buckets. */
const template = (n: number) =>
  `Experienced warehouse operative with forklift licence ${n}, stock control, goods in and out, ` +
  'health and safety, team leading on night shifts, inventory systems, loading bays, picking and packing, ' +
  'customer orders, dispatch planning, cycle counts, damage reports and training new starters on site.';

describe('near-duplicate groups stay bounded', () => {
  it('20,000 near-identical texts make one group without comparing every pair', () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => template(i));
    const groups = findDuplicateGroups(texts);
    expect(groups.groupCount).toBe(1);
    expect(groups.exactDuplicates).toBe(0);
    // A new text meets at most the first 64 members of each of its 8 buckets, not all 200 million pairs.
    expect(groups.nearDuplicatePairs).toBeLessThanOrEqual(texts.length * 64 * minhashBands);
  });

  it('small buckets are still checked pair by pair, as before the cap', () => {
    const texts = [template(1), template(2), template(3), 'A completely different resume about nursing on a cardiac ward.'];
    const groups = findDuplicateGroups(texts);
    expect(groups.nearDuplicatePairs).toBe(3);
    expect(groups.groupCount).toBe(2);
    // With a cap of 1, later texts join through each bucket's first member: the same groups.
    expect(Array.from(findDuplicateGroups(texts, { maxBucketCompare: 1 }).groupOf)).toEqual(Array.from(groups.groupOf));
  });

  it('band keys are exact integers that differ by band and agree for near-identical texts', () => {
    const a = bandKeys(minhashSignature(shingles(template(1))));
    const b = bandKeys(minhashSignature(shingles(template(2))));
    expect(a).toHaveLength(8);
    for (const key of a) expect(Number.isSafeInteger(key)).toBe(true);
    expect(new Set(a).size).toBe(8);
    expect(a.filter((key, i) => key === b[i]).length).toBeGreaterThan(0);
  });
});
