/**
 * Full-text search over what blind mode shows: the candidates of a search (its hits in the stored
 * text) are masked and indexed in a private in-memory FTS5 table with the same tokenizer as
 * documents_fts, and the same query runs there. So a name that blind mode hides finds nothing,
 * with exactly the search syntax of the table. In memory and on its own connection: the studio's
 * database and its change counters are never touched. Plain Node; used by the document list.
 */
import Database from 'better-sqlite3';
import type { Db } from './database';
import { idChunks } from './id-chunks';

/** A document as blind mode shows it. */
export type MaskDocument = (doc: { fileName: string; text: string }) => { fileName: string; text: string };

/** Candidates masked per batch (bounded memory whatever the hit count). */
const batchSize = 500;

/** The masked search over the documents of `db`. */
export function createMaskedSearch(db: Db) {
  let scratch: Database.Database | null = null;
  const open = () => {
    if (scratch) return scratch;
    scratch = new Database(':memory:');
    // The tokenizer of documents_fts (migration 6), so a query means the same on both.
    scratch.exec(`CREATE VIRTUAL TABLE masked USING fts5(file_name, text, tokenize = 'unicode61 remove_diacritics 2')`);
    return scratch;
  };

  return {
    /** Of `candidateIds`, the ids whose masked file name or text match the FTS5 expression `match`. */
    matching(candidateIds: readonly number[], match: string, mask: MaskDocument): Set<number> {
      const memory = open();
      const insert = memory.prepare('INSERT INTO masked (rowid, file_name, text) VALUES (?, ?, ?)');
      const query = memory.prepare<[string], { rowid: number }>('SELECT rowid FROM masked WHERE masked MATCH ?');
      const hits = new Set<number>();
      for (let start = 0; start < candidateIds.length; start += batchSize) {
        const batch = candidateIds.slice(start, start + batchSize);
        memory.exec('DELETE FROM masked');
        memory.transaction(() => {
          for (const { chunk, marks } of idChunks(batch)) {
            const rows = db.prepare(`SELECT id, file_name, text FROM documents WHERE id IN (${marks})`).all(...chunk) as {
              id: number;
              file_name: string;
              text: string;
            }[];
            for (const row of rows) {
              const shown = mask({ fileName: row.file_name, text: row.text });
              insert.run(row.id, shown.fileName, shown.text);
            }
          }
        })();
        for (const { rowid } of query.all(match)) hits.add(rowid);
      }
      memory.exec('DELETE FROM masked');
      return hits;
    },
    close() {
      scratch?.close();
      scratch = null;
    },
  };
}
