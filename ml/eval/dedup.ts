/**
 * Duplicate groups: exact duplicates (same text after lower-casing and whitespace folding) and near
 * duplicates (word 3-shingle Jaccard ≥ threshold, found by MinHash + LSH banding, then verified
 * exactly) are joined by union-find. Splits keep a group on one side.
 */
import { hashString } from '../random';

/** Near-duplicate search settings. */
export interface DedupOptions {
  /** Shingle Jaccard at or above which two texts are near duplicates. */
  nearThreshold: number;
  /** Off: exact duplicates only. */
  nearDuplicates: boolean;
}

/** Result: a group id per text (0-based, in order of first appearance) and counts. */
export interface DuplicateGroups {
  groupOf: Int32Array;
  groupCount: number;
  exactDuplicates: number;
  nearDuplicatePairs: number;
}

const HASHES = 32;
const BANDS = 8;
const ROWS = HASHES / BANDS;

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
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
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wordHashes = words.map((w) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    return h >>> 0;
  });
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

/** Groups exact and near-duplicate texts. */
export function findDuplicateGroups(texts: readonly string[], options: Partial<DedupOptions> = {}): DuplicateGroups {
  const { nearThreshold = 0.8, nearDuplicates = true } = options;
  const uf = new UnionFind(texts.length);
  const firstByKey = new Map<string, number>();
  let exactDuplicates = 0;
  const representatives: number[] = [];
  texts.forEach((text, i) => {
    const key = hashString(text.toLowerCase().replace(/\s+/g, ' ').trim());
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, i);
      representatives.push(i);
    } else {
      uf.union(first, i);
      exactDuplicates++;
    }
  });
  let nearDuplicatePairs = 0;
  if (nearDuplicates) {
    const sets = new Map<number, Uint32Array>();
    const buckets = new Map<string, number[]>();
    for (const i of representatives) {
      const set = shingles(texts[i]!);
      sets.set(i, set);
      const signature = new Uint32Array(HASHES).fill(0xffffffff);
      for (const s of set) {
        for (let h = 0; h < HASHES; h++) {
          const v = mix(s ^ Math.imul(h + 1, 0x9e3779b1));
          if (v < signature[h]!) signature[h] = v;
        }
      }
      for (let b = 0; b < BANDS; b++) {
        const key = `${b}:${Array.from(signature.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`;
        const list = buckets.get(key);
        if (list) list.push(i);
        else buckets.set(key, [i]);
      }
    }
    const checked = new Set<string>();
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const pair = `${list[x]},${list[y]}`;
          if (checked.has(pair)) continue;
          checked.add(pair);
          if (jaccard(sets.get(list[x]!)!, sets.get(list[y]!)!) >= nearThreshold) {
            nearDuplicatePairs++;
            uf.union(list[x]!, list[y]!);
          }
        }
      }
    }
  }
  const groupOf = new Int32Array(texts.length);
  const ids = new Map<number, number>();
  for (let i = 0; i < texts.length; i++) {
    const root = uf.find(i);
    let g = ids.get(root);
    if (g === undefined) ids.set(root, (g = ids.size));
    groupOf[i] = g;
  }
  return { groupOf, groupCount: ids.size, exactDuplicates, nearDuplicatePairs };
}
