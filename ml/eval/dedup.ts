/**
 * Duplicate groups: exact duplicates (same text after lower-casing and whitespace folding) and near
 * duplicates (word 3-shingle Jaccard ≥ threshold, found by MinHash + LSH banding, then verified
 * exactly) are joined by union-find. Splits keep a group on one side. Memory and time stay bounded
 * however alike the texts are: a document is compared with at most the first `maxBucketCompare`
 * members of each LSH bucket (a template filled in 100,000 times puts every copy in one bucket).
 */
import { textKeys, wordHashes as wordHashesOf } from './text-keys';

/** Near-duplicate search settings. */
export interface DedupOptions {
  /** Shingle Jaccard at or above which two texts are near duplicates. */
  nearThreshold: number;
  /** Off: exact duplicates only. */
  nearDuplicates: boolean;
  /**
   * Members of one LSH bucket a new document is compared with (the bucket's first ones). Up to this
   * size every pair in a bucket is checked; beyond it, later members join through the first ones.
   */
  maxBucketCompare: number;
}

/** Result: a group id per text (0-based, in order of first appearance) and counts. */
export interface DuplicateGroups {
  groupOf: Int32Array;
  groupCount: number;
  exactDuplicates: number;
  nearDuplicatePairs: number;
}

const HASHES = 32;
/** LSH bands per signature (each of ROWS hashes); two texts that agree on one band are candidates. */
export const minhashBands = 8;
const ROWS = HASHES / minhashBands;

class UnionFind {
  readonly parent: number[] = [];
  /** Adds a new singleton set and returns its index. */
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // The smaller index is the root, so a group's root is its first text whatever the union order.
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  }
}

const mix = (x: number): number => {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

/** Sorted unique 32-bit hashes of a text's word 3-shingles (lower-case, letters and digits only). */
export function shingles(text: string): Uint32Array {
  return shinglesOfWords(wordHashesOf(text));
}

/** The shingle set of a text from its word hashes (text-keys.ts). */
export function shinglesOfWords(wordHashes: readonly number[]): Uint32Array {
  const out = new Uint32Array(Math.max(1, wordHashes.length - 2));
  if (wordHashes.length < 3) out[0] = mix(wordHashes.reduce((a, b) => mix(a ^ b), 7));
  for (let i = 0; i + 2 < wordHashes.length; i++)
    out[i] = mix(mix(wordHashes[i]! ^ 0x9e3779b9) ^ Math.imul(wordHashes[i + 1]!, 31) ^ Math.imul(wordHashes[i + 2]!, 961));
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  return out.slice(0, n);
}

/** Jaccard similarity of two sorted unique hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 1 : both / union;
}

/** The MinHash signature (32 minima) of a shingle set. */
export function minhashSignature(shingleSet: Uint32Array): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of shingleSet) {
    for (let h = 0; h < HASHES; h++) {
      const v = mix(s ^ Math.imul(h + 1, 0x9e3779b1));
      if (v < signature[h]!) signature[h] = v;
    }
  }
  return signature;
}

/**
 * One number per LSH band: the band's index in the top bits and a hash of its rows below, an
 * exact integer (< 2^53) that a database index can hold. Equal keys = candidates; a rare hash
 * collision only adds a candidate, which the exact Jaccard check then rejects.
 */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < minhashBands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ signature[b * ROWS + r]!);
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/**
 * Groups exact and near-duplicate texts read one at a time, holding no texts: only the shingle sets
 * of earlier texts that later ones may be compared with. A text is compared with the earlier
 * representatives sharing a band, so reading in one pass gives what two passes over an array gave.
 */
export function createDuplicateGrouper(options: Partial<DedupOptions> = {}) {
  const { nearThreshold = 0.8, nearDuplicates = true, maxBucketCompare = 64 } = options;
  const uf = new UnionFind();
  const firstByKey = new Map<number, number>();
  let exactDuplicates = 0;
  let nearDuplicatePairs = 0;
  // Shingle sets are kept only for bucket members that later texts may be compared with.
  const sets = new Map<number, Uint32Array>();
  const buckets = new Map<number, number[]>();

  const compareWithEarlier = (i: number, wordHashes: readonly number[]) => {
    const set = shinglesOfWords(wordHashes);
    // Each earlier text sharing a band is checked once, however many bands it shares.
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
      if (jaccard(sets.get(j)!, set) >= nearThreshold) {
        nearDuplicatePairs++;
        uf.union(j, i);
      }
    }
  };

  return {
    /** The next text. */
    add(text: string): void {
      const i = uf.add();
      // One scan gives the exact key and, for a text that is not an exact duplicate, the words of its shingles.
      const { exactKey: key, wordHashes } = textKeys(text);
      const first = firstByKey.get(key);
      if (first !== undefined) {
        uf.union(first, i);
        exactDuplicates++;
        return;
      }
      firstByKey.set(key, i);
      if (nearDuplicates) compareWithEarlier(i, wordHashes);
    },
    /** The groups of every text added, numbered in order of their first text. */
    finish(): DuplicateGroups {
      const count = uf.parent.length;
      const groupOf = new Int32Array(count);
      const ids = new Map<number, number>();
      for (let i = 0; i < count; i++) {
        const root = uf.find(i);
        let g = ids.get(root);
        if (g === undefined) ids.set(root, (g = ids.size));
        groupOf[i] = g;
      }
      return { groupOf, groupCount: ids.size, exactDuplicates, nearDuplicatePairs };
    },
  };
}

/** Groups exact and near-duplicate texts. */
export function findDuplicateGroups(texts: Iterable<string>, options: Partial<DedupOptions> = {}): DuplicateGroups {
  const grouper = createDuplicateGrouper(options);
  for (const text of texts) grouper.add(text);
  return grouper.finish();
}
