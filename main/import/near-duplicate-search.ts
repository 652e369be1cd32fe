/**
 * One chunk of the incremental near-duplicate pass: documents not yet in the band index are
 * compared (word-shingle Jaccard, ml/eval/dedup) only with the documents that share a MinHash band
 * with them, at most `maxCandidatesPerBand` per band, found through the database's band index and
 * this chunk's own. Memory is bounded by the chunk, not by the dataset or by how alike its texts
 * are. Runs inside the near-duplicate worker on its own read-only connection
 * (near-duplicate-chunk-task.ts stores what it finds); plain Node.
 */
import Database from 'better-sqlite3';
import { bandKeys, jaccard, minhashBands, minhashSignature, shingles } from '../../ml/eval/dedup';
import { documentLookups, unindexedDocumentTexts } from '../store/documents-repo';
import { bandMemberLookup } from '../store/near-duplicate-index-repo';

/** What one chunk is asked. */
export interface NearDuplicateInput {
  databasePath: string;
  nearThreshold: number;
  /** Documents indexed per chunk (the worker holds this many texts at once). */
  maxDocuments: number;
  /** Earlier documents of one band a new document is compared with. */
  maxCandidatesPerBand: number;
}

/** What a chunk found: the band keys to store and the flags to set. */
export interface NearDuplicateChunk {
  documentIds: number[];
  /** `minhashBands` keys per document, in `documentIds` order. */
  bandKeys: number[];
  bandsPerDocument: number;
  /** `[documentId, representativeId]`: the representative is the first document of the group. */
  pairs: [number, number][];
  /** True when no unindexed documents are left after this chunk. */
  isLast: boolean;
}

/** Shingle sets of recently compared documents; a group's first documents are met again and again. */
const cacheSize = 2048;

/** Indexes the next chunk of new documents and finds their near-duplicates among everything indexed before them. */
export function indexNearDuplicateChunk(input: NearDuplicateInput): NearDuplicateChunk {
  const db = new Database(input.databasePath, { readonly: true });
  try {
    const rows = unindexedDocumentTexts(db, input.maxDocuments);
    const members = bandMemberLookup(db);
    const lookups = documentLookups(db);
    const chunkBuckets = new Map<number, number[]>();
    const representativeOf = new Map<number, number>();
    const cache = new Map<number, Uint32Array>();
    const remember = (id: number, set: Uint32Array) => {
      cache.set(id, set);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    };
    const shinglesOf = (id: number): Uint32Array | null => {
      const cached = cache.get(id);
      if (cached) return cached;
      const text = lookups.textOf(id);
      if (text === undefined) return null;
      const set = shingles(text);
      remember(id, set);
      return set;
    };
    const result: NearDuplicateChunk = { documentIds: [], bandKeys: [], bandsPerDocument: minhashBands, pairs: [], isLast: rows.length < input.maxDocuments };
    for (const { id, text } of rows) {
      const set = shingles(text);
      const keys = bandKeys(minhashSignature(set));
      const candidates = new Set<number>();
      for (const key of keys) {
        for (const member of members(key, input.maxCandidatesPerBand)) candidates.add(member);
        const local = chunkBuckets.get(key);
        if (!local) chunkBuckets.set(key, [id]);
        else {
          for (const member of local) candidates.add(member);
          if (local.length < input.maxCandidatesPerBand) local.push(id);
        }
      }
      // Earliest first: the group's first document is the one to point at.
      for (const candidate of [...candidates].sort((a, b) => a - b)) {
        if (candidate === id) continue;
        const other = shinglesOf(candidate);
        if (!other || jaccard(other, set) < input.nearThreshold) continue;
        const representative = representativeOf.get(candidate) ?? lookups.nearDuplicateOf(candidate) ?? candidate;
        result.pairs.push([id, representative]);
        representativeOf.set(id, representative);
        break;
      }
      remember(id, set);
      result.documentIds.push(id);
      result.bandKeys.push(...keys);
    }
    return result;
  } finally {
    db.close();
  }
}
