/**
 * The only module that reads or writes the `documents` and `categories` tables: inserts during
 * import batches, the labelled corpus for training, labels and exclusion for curation,
 * near-duplicate flags, texts for workers and the counts behind the dataset summary and health.
 * Its statements are split by concern into the `documents-*.ts` files it composes (only this file
 * imports them). Plain Node; used by the other repositories, the domains and the worker adapters.
 */
import type { CategoryCount, DocumentDetail } from '../../preload/contract';
import type { Db } from './database';
import { createDocumentLabels } from './documents-labels';
import { createNearDuplicateFlags } from './documents-near-duplicates';
import { createDocumentsSearch } from './documents-search';

export type { LabelState } from './documents-labels';
export type { CompiledFilter, FtsMatch } from './documents-search';
export { createNearDuplicateFlags, documentLookups, unindexedDocumentTexts } from './documents-near-duplicates';

/** A document about to be stored by an import batch. */
export interface NewDocument {
  importJobId: number;
  sourcePath: string;
  fileName: string;
  format: string | null;
  sizeBytes: number | null;
  contentHash: string | null;
  textHash: string;
  text: string;
  /** Category name; created on first use. Null: unlabelled. */
  category: string | null;
}

/** What storing a document did: a new row, or the document that already has the same text. */
export type InsertOutcome = { inserted: true; id: number } | { inserted: false; existing: { id: number; fileName: string } };

/** One labelled, not excluded document, as training reads it. */
export interface LabelledDocument {
  id: number;
  /** The file name (blind training takes name hints from it). */
  fileName: string;
  text: string;
  category: string;
  /** 1 when the model gave the label and no person confirmed it: trained on, never in an evaluation set. */
  isModelLabelled: 0 | 1;
}

/** One document as `export` writes it. */
export interface ExportedDocument {
  id: number;
  fileName: string;
  category: string | null;
  text: string;
}

/** Counts for the data-health summary that come from the documents themselves. */
export interface DocumentHealthCounts {
  unlabelled: number;
  shortTexts: number;
  longTexts: number;
  nearDuplicates: number;
}

interface DocumentRow {
  id: number;
  file_name: string;
  source_path: string | null;
  format: string | null;
  size_bytes: number | null;
  char_count: number;
  import_job_id: number | null;
  created_at: string;
  text: string;
  category: string | null;
  excluded: number;
  model_labelled: number;
  near_duplicate_of: number | null;
}

/** SQLite's default limit on bound parameters is 32766; chunks stay well under it. */
const idsPerStatement = 500;

/**
 * Every document's id and text in id order, one row at a time. Needs only a read-only connection,
 * so worker threads that open the database themselves read through it too.
 */
export function* iterateDocumentTexts(db: Db): Generator<{ id: number; text: string }> {
  yield* db.prepare<[], { id: number; text: string }>('SELECT id, text FROM documents ORDER BY id').iterate();
}

/**
 * The training corpus (labelled, not excluded) in id order, one row at a time. Needs only a
 * read-only connection: the training worker reads its snapshot through it.
 */
export function* iterateLabelledDocuments(db: Db): Generator<LabelledDocument> {
  yield* db
    .prepare<[], LabelledDocument>(
      `SELECT d.id, d.file_name AS fileName, d.text, c.name AS category, d.model_labelled AS isModelLabelled
       FROM documents d JOIN categories c ON c.id = d.category_id WHERE d.excluded = 0 ORDER BY d.id`,
    )
    .iterate();
}

/** The same documents in the same order without their texts: what training needs to know before it reads them. */
export function* iterateLabelledIds(db: Db): Generator<Omit<LabelledDocument, 'text' | 'fileName'>> {
  yield* db
    .prepare<[], Omit<LabelledDocument, 'text' | 'fileName'>>(
      `SELECT d.id, c.name AS category, d.model_labelled AS isModelLabelled FROM documents d JOIN categories c ON c.id = d.category_id
       WHERE d.excluded = 0 ORDER BY d.id`,
    )
    .iterate();
}

/** A document's label state as the labelling model reads it (no text). */
export interface LabellingRow {
  id: number;
  fileName: string;
  category: string | null;
  isExcluded: 0 | 1;
  isModelLabelled: 0 | 1;
}

/**
 * Every document's label state in id order. Needs only a read-only connection: the labelling
 * worker reads it at each refresh, beside the texts it keeps from earlier refreshes.
 */
export function labellingStates(db: Db): LabellingRow[] {
  return db
    .prepare<[], LabellingRow>(
      `SELECT d.id, d.file_name AS fileName, c.name AS category, d.excluded AS isExcluded, d.model_labelled AS isModelLabelled
       FROM documents d INDEXED BY documents_curation LEFT JOIN categories c ON c.id = d.category_id ORDER BY d.id`,
    )
    .all();
}

/** A document's name, current label and exclusion, as lists of predictions show it. */
export interface DocumentBrief {
  id: number;
  fileName: string;
  category: string | null;
  isExcluded: boolean;
}

/** Creates the documents repository over an open (writable) database. */
export function createDocumentsRepo(db: Db) {
  const insertCategory = db.prepare('INSERT INTO categories (name) VALUES (?) ON CONFLICT(name) DO NOTHING');
  const categoryIdByName = db.prepare<[string], { id: number }>('SELECT id FROM categories WHERE name = ?');
  const insertDocument = db.prepare(
    `INSERT INTO documents (import_job_id, source_path, file_name, format, size_bytes, content_hash, text_hash, text, char_count, category_id)
     VALUES (@importJobId, @sourcePath, @fileName, @format, @sizeBytes, @contentHash, @textHash, @text, @charCount, @categoryId)
     ON CONFLICT(text_hash) DO NOTHING`,
  );
  const byTextHash = db.prepare<[string], { id: number; file_name: string }>('SELECT id, file_name FROM documents WHERE text_hash = ?');
  const byContentHash = db.prepare<[string], { id: number; file_name: string }>('SELECT id, file_name FROM documents WHERE content_hash = ? LIMIT 1');
  const counts = db.prepare<[], { documents: number; labelled: number }>('SELECT COUNT(*) AS documents, COUNT(category_id) AS labelled FROM documents');
  const byCategory = db.prepare<[], CategoryCount>(
    `SELECT c.name AS category, COUNT(d.id) AS documents FROM categories c
     LEFT JOIN documents d ON d.category_id = c.id GROUP BY c.id ORDER BY c.name`,
  );
  const health = db.prepare<[number, number], Omit<DocumentHealthCounts, 'nearDuplicates'>>(
    `SELECT COUNT(*) - COUNT(category_id) AS unlabelled,
            COALESCE(SUM(char_count < ?), 0) AS shortTexts,
            COALESCE(SUM(char_count > ?), 0) AS longTexts
     FROM documents`,
  );
  // Near-duplicates still used for training: per group, the included members beyond the first, so
  // "keep one" (which excludes the others) brings a group's count to 0.
  const nearDuplicatesIncluded = db.prepare<[], { n: number }>(
    `SELECT COALESCE(SUM(n - 1), 0) AS n FROM (
       SELECT COUNT(*) AS n FROM documents d
       WHERE d.excluded = 0 AND (d.near_duplicate_of IS NOT NULL OR EXISTS (SELECT 1 FROM documents f WHERE f.near_duplicate_of = d.id))
       GROUP BY COALESCE(d.near_duplicate_of, d.id))`,
  );
  const exported = db.prepare<[number], ExportedDocument>(
    `SELECT d.id, d.file_name AS fileName, c.name AS category, d.text FROM documents d LEFT JOIN categories c ON c.id = d.category_id
     WHERE d.excluded = 0 OR ? ORDER BY d.id`,
  );
  const labelled = db.prepare<[], LabelledDocument>(
    `SELECT d.id, d.file_name AS fileName, d.text, c.name AS category, d.model_labelled AS isModelLabelled
     FROM documents d JOIN categories c ON c.id = d.category_id WHERE d.excluded = 0 ORDER BY d.id`,
  );
  const selectOne = db.prepare<[number], DocumentRow>(
    `SELECT d.id, d.file_name, d.source_path, d.format, d.size_bytes, d.char_count, d.import_job_id, d.created_at, d.text,
            c.name AS category, d.excluded, d.model_labelled, d.near_duplicate_of
     FROM documents d LEFT JOIN categories c ON c.id = d.category_id WHERE d.id = ?`,
  );
  // Per category, one range of documents_category_state: a join and GROUP BY scanned and sorted every row.
  const trainable = db.prepare<[], CategoryCount>(
    `SELECT c.name AS category, (SELECT COUNT(*) FROM documents d WHERE d.category_id = c.id AND d.excluded = 0) AS documents
     FROM categories c ORDER BY c.name`,
  );
  const peopleLabelled = db.prepare<[], CategoryCount>(
    `SELECT c.name AS category, COUNT(d.id) AS documents FROM categories c
     LEFT JOIN documents d ON d.category_id = c.id AND d.excluded = 0 AND d.model_labelled = 0 GROUP BY c.id ORDER BY c.name`,
  );
  // Three counts, each from an index (documents_category_state, documents_excluded): one pass
  // evaluating the three sums row by row took 22-30 ms on 200,000 resumes, these 5-7 ms together.
  const setAside = db.prepare<[], { unlabelled: number; excluded: number; modelLabelled: number }>(
    `SELECT (SELECT COUNT(*) FROM documents WHERE category_id IS NULL AND excluded = 0) AS unlabelled,
            (SELECT COUNT(*) FROM documents WHERE excluded = 1) AS excluded,
            (SELECT COUNT(*) FROM documents WHERE model_labelled = 1 AND excluded = 0) AS modelLabelled`,
  );
  const nearDuplicatePairs = db.prepare<[], { documentId: number; fileName: string; ofId: number; ofFileName: string }>(
    `SELECT d.id AS documentId, d.file_name AS fileName, o.id AS ofId, o.file_name AS ofFileName
     FROM documents d JOIN documents o ON o.id = d.near_duplicate_of ORDER BY d.id`,
  );
  const clearFlags = db.prepare('UPDATE documents SET near_duplicate_of = NULL WHERE near_duplicate_of IS NOT NULL');
  const setFlag = db.prepare('UPDATE documents SET near_duplicate_of = ? WHERE id = ?');

  const categoryId = (name: string): number => {
    insertCategory.run(name);
    return categoryIdByName.get(name)!.id;
  };

  /** Runs `update` over `ids` in chunks inside one transaction; returns the rows changed. */
  const updateIds = db.transaction((ids: readonly number[], update: (chunk: readonly number[], placeholders: string) => number): number => {
    let changed = 0;
    for (let i = 0; i < ids.length; i += idsPerStatement) {
      const chunk = ids.slice(i, i + idsPerStatement);
      changed += update(chunk, chunk.map(() => '?').join(', '));
    }
    return changed;
  });

  return {
    /** Stores a document unless one with the same text exists. Runs inside the caller's transaction (an import batch). */
    insert(doc: NewDocument): InsertOutcome {
      const { category, ...fields } = doc;
      const result = insertDocument.run({ ...fields, charCount: doc.text.length, categoryId: category ? categoryId(category) : null });
      if (result.changes === 1) return { inserted: true, id: Number(result.lastInsertRowid) };
      // Another file with the same text won (an earlier batch, or earlier in this one).
      const existing = byTextHash.get(doc.textHash)!;
      return { inserted: false, existing: { id: existing.id, fileName: existing.file_name } };
    },
    /** The document already holding these exact bytes, if any. */
    findByContentHash(hash: string): { id: number; fileName: string } | undefined {
      const row = byContentHash.get(hash);
      return row && { id: row.id, fileName: row.file_name };
    },
    /** One document with its text, metadata, label and flags, or undefined. */
    get(id: number): DocumentDetail | undefined {
      const row = selectOne.get(id);
      return (
        row && {
          id: row.id,
          fileName: row.file_name,
          sourcePath: row.source_path,
          format: row.format,
          sizeBytes: row.size_bytes,
          charCount: row.char_count,
          importJobId: row.import_job_id,
          importedAt: row.created_at,
          category: row.category,
          isExcluded: row.excluded === 1,
          isModelLabelled: row.model_labelled === 1,
          nearDuplicateOf: row.near_duplicate_of,
          text: row.text,
        }
      );
    },
    /** Documents and how many carry a label. */
    counts(): { documents: number; labelled: number } {
      return counts.get()!;
    },
    /** Every category with its document count (possibly 0), by name. */
    categoryCounts(): CategoryCount[] {
      return byCategory.all();
    },
    /** Unlabelled, too short, too long and near-duplicate (still included) document counts. */
    healthCounts(shortChars: number, longChars: number): DocumentHealthCounts {
      return { ...health.get(shortChars, longChars)!, nearDuplicates: nearDuplicatesIncluded.get()!.n };
    },
    /** Labelled, not excluded documents per category (the training corpus in counts), how many are unlabelled or excluded, and how many of the labelled are model-labelled. */
    trainingCounts(): { categories: CategoryCount[]; unlabelled: number; excluded: number; modelLabelled: number } {
      return { categories: trainable.all().filter((c) => c.documents > 0), ...setAside.get()! };
    },
    /** Per category, the not excluded resumes people labelled (model labels left out): what the labelling model learns from. */
    peopleLabelledCounts(): CategoryCount[] {
      return peopleLabelled.all();
    },
    /** Name, current label and exclusion of each id that still exists, in the order asked. */
    briefs(documentIds: readonly number[]): DocumentBrief[] {
      const found = new Map<number, DocumentBrief>();
      for (let i = 0; i < documentIds.length; i += idsPerStatement) {
        const chunk = documentIds.slice(i, i + idsPerStatement);
        const rows = db
          .prepare<number[], { id: number; file_name: string; category: string | null; excluded: number }>(
            `SELECT d.id, d.file_name, c.name AS category, d.excluded FROM documents d LEFT JOIN categories c ON c.id = d.category_id
             WHERE d.id IN (${chunk.map(() => '?').join(', ')})`,
          )
          .all(...chunk);
        for (const r of rows) found.set(r.id, { id: r.id, fileName: r.file_name, category: r.category, isExcluded: r.excluded === 1 });
      }
      return documentIds.flatMap((id) => found.get(id) ?? []);
    },
    /** The training corpus: labelled documents not excluded, in id order, one at a time (nothing held in memory here). */
    iterateLabelled(): IterableIterator<LabelledDocument> {
      return labelled.iterate();
    },
    ...createDocumentLabels(db, categoryId),
    ...createDocumentsSearch(db),
    ...createNearDuplicateFlags(db),
    /** Every document for an export (excluded ones only when asked), in id order, one at a time. */
    iterateForExport(includeExcluded: boolean): IterableIterator<ExportedDocument> {
      return exported.iterate(includeExcluded ? 1 : 0);
    },
    /** Labels documents with a category (created on first use), or removes their label (null); returns the rows changed. Writes no history: actions people take go through the curation service, which can undo them. */
    setCategory(documentIds: readonly number[], categoryName: string | null): number {
      return db.transaction(() => {
        const id = categoryName === null ? null : categoryId(categoryName);
        return updateIds(documentIds, (chunk, marks) => db.prepare(`UPDATE documents SET category_id = ? WHERE id IN (${marks})`).run(id, ...chunk).changes);
      })();
    },
    /** Excludes documents from training, or includes them again; returns the rows changed. Writes no history (see setCategory). */
    setExcluded(documentIds: readonly number[], isExcluded: boolean): number {
      return updateIds(
        documentIds,
        (chunk, marks) => db.prepare(`UPDATE documents SET excluded = ? WHERE id IN (${marks})`).run(isExcluded ? 1 : 0, ...chunk).changes,
      );
    },
    /** Replaces every near-duplicate flag with `[documentId, representativeId]` pairs, in one transaction. */
    replaceNearDuplicateFlags(pairs: readonly (readonly [number, number])[]): void {
      db.transaction(() => {
        clearFlags.run();
        for (const [documentId, representativeId] of pairs) setFlag.run(representativeId, documentId);
      })();
    },
    /** Flagged documents with the document each one nearly duplicates. */
    nearDuplicates(): { documentId: number; fileName: string; ofId: number; ofFileName: string }[] {
      return nearDuplicatePairs.all();
    },
  };
}

/** The documents repository's type. */
export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
