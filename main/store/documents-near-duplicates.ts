/**
 * The documents statements the incremental near-duplicate pass needs: which documents are not in
 * the band index yet, a document's text and flag by id (read-only, for the worker's own
 * connection), and setting flags (the near-duplicate worker's own writable connection, and the
 * main one's repository). Composed into and re-exported by the documents repository, which stays
 * the one owner of the `documents` table; nothing else imports this file.
 */
import type { Db } from './database';

/** Up to `limit` documents not yet in the near-duplicate band index, in id order. */
export function unindexedDocumentTexts(db: Db, limit: number): { id: number; text: string }[] {
  return db
    .prepare<[number], { id: number; text: string }>(
      `SELECT d.id, d.text FROM documents d
       WHERE NOT EXISTS (SELECT 1 FROM near_duplicate_bands b WHERE b.document_id = d.id) ORDER BY d.id LIMIT ?`,
    )
    .all(limit);
}

/** Lookups by id over a (read-only) connection: a document's text and what it is flagged a near-duplicate of. */
export function documentLookups(db: Db) {
  const text = db.prepare<[number], { text: string }>('SELECT text FROM documents WHERE id = ?');
  const flag = db.prepare<[number], { near_duplicate_of: number | null }>('SELECT near_duplicate_of FROM documents WHERE id = ?');
  return {
    textOf: (id: number): string | undefined => text.get(id)?.text,
    nearDuplicateOf: (id: number): number | null => flag.get(id)?.near_duplicate_of ?? null,
  };
}

/** The write side: flags set without clearing others, and the count still to index. */
export function createNearDuplicateFlags(db: Db) {
  const setFlag = db.prepare('UPDATE documents SET near_duplicate_of = ? WHERE id = ?');
  const unindexed = db.prepare<[], { n: number }>(
    'SELECT COUNT(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM near_duplicate_bands b WHERE b.document_id = d.id)',
  );
  return {
    /** Sets `near_duplicate_of` for `[documentId, representativeId]` pairs; runs inside the caller's transaction. */
    addNearDuplicateFlags(pairs: readonly (readonly [number, number])[]): void {
      for (const [documentId, representativeId] of pairs) setFlag.run(representativeId, documentId);
    },
    /** Documents the near-duplicate pass has not looked at yet. */
    countNotCheckedForNearDuplicates: (): number => unindexed.get()!.n,
  };
}
