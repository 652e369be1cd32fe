/**
 * The one owner of `near_duplicate_bands` (each document's MinHash band keys) and
 * `near_duplicate_state` (why the last near-duplicate pass failed, if it did). Plain Node; the
 * worker reads keys through `bandMemberLookup` on its own read-only connection, the main thread
 * writes through the repository.
 */
import type { Db } from './database';

/** Documents holding a band key, earliest first, at most `limit`: the candidates a new document is compared with. */
export function bandMemberLookup(db: Db): (bandKey: number, limit: number) => number[] {
  const members = db.prepare<[number, number], { document_id: number }>(
    'SELECT document_id FROM near_duplicate_bands WHERE band_key = ? ORDER BY document_id LIMIT ?',
  );
  return (bandKey, limit) => members.all(bandKey, limit).map((row) => row.document_id);
}

/** Creates the repository over the writable connection. */
export function createNearDuplicateIndexRepo(db: Db) {
  const insertBand = db.prepare('INSERT OR IGNORE INTO near_duplicate_bands (band_key, document_id) VALUES (?, ?)');
  const selectProblem = db.prepare<[], { problem: string | null }>('SELECT problem FROM near_duplicate_state WHERE id = 1');
  const upsertProblem = db.prepare(
    `INSERT INTO near_duplicate_state (id, problem) VALUES (1, ?)
     ON CONFLICT(id) DO UPDATE SET problem = excluded.problem, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
  );
  return {
    /** Stores `bandsPerDocument` keys per document (keys flattened in document order); runs inside the caller's transaction. */
    saveBands(documentIds: readonly number[], bandKeys: readonly number[], bandsPerDocument: number): void {
      documentIds.forEach((id, i) => {
        for (let b = 0; b < bandsPerDocument; b++) insertBand.run(bandKeys[i * bandsPerDocument + b], id);
      });
    },
    /** Why the last pass failed, as a sentence, or null when it succeeded (or never ran). */
    problem: (): string | null => selectProblem.get()?.problem ?? null,
    setProblem(problem: string | null): void {
      upsertProblem.run(problem);
    },
  };
}

/** The repository's type. */
export type NearDuplicateIndexRepo = ReturnType<typeof createNearDuplicateIndexRepo>;
