/**
 * The resume table's queries: filter (full-text search included) and sort to an ordered id list,
 * rows for a window of ids, and near-duplicate groups. Composed into `createDocumentsRepo`, the
 * one owner of `documents`; nothing else imports this file.
 */
import type { DocumentFilter, DocumentRow, DocumentSort, DocumentSortKey } from '../../preload/contract';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';
import { idChunks } from './id-chunks';

/** A full-text search already compiled to FTS5 (see main/curation/search-query.ts). */
export interface FtsMatch {
  match: string;
  isNegated: boolean;
}

/** A filter with its search compiled; `search` null means "no text condition". */
export type CompiledFilter = Omit<DocumentFilter, 'q'> & { search: FtsMatch | null };

/** A member of the "in a near-duplicate group" set: flagged, or the one others point at. */
const inDuplicateGroup = `(d.near_duplicate_of IS NOT NULL OR EXISTS (SELECT 1 FROM documents n WHERE n.near_duplicate_of = d.id))`;

const orderBy: Record<DocumentSortKey, string> = {
  id: 'd.id',
  name: 'd.file_name COLLATE NOCASE',
  // Unlabelled sorts after every category either way round.
  category: 'c.name COLLATE NOCASE',
  length: 'd.char_count',
  import: 'd.import_job_id',
  duplicate: `(d.near_duplicate_of IS NOT NULL) + 2 * EXISTS (SELECT 1 FROM documents n WHERE n.near_duplicate_of = d.id)`,
  excluded: 'd.excluded',
};

/**
 * The query of a filter: FROM, WHERE and parameters. A positive search drives the query from the
 * full-text index (it returns the few matching rowids directly); a negative one excludes them.
 * Categories are matched by id, so the categories table is joined only to sort by name.
 */
function queryOf(filter: CompiledFilter, sort: DocumentSort): { from: string; where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  let from = 'documents d';
  if (filter.search && !filter.search.isNegated) {
    // INDEXED BY: the planner would fetch each hit's row (text included) to test its columns.
    from = 'documents_fts JOIN documents d INDEXED BY documents_curation ON d.id = documents_fts.rowid';
    conditions.push('documents_fts MATCH ?');
    params.push(filter.search.match);
  } else if (filter.search) {
    conditions.push('d.id NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)');
    params.push(filter.search.match);
  }
  if (sort.key === 'category') from += ' LEFT JOIN categories c ON c.id = d.category_id';
  const categories = filter.categories ?? [];
  if (categories.length > 0 || filter.unlabelled) {
    const either: string[] = [];
    if (categories.length > 0) {
      either.push(`d.category_id IN (SELECT id FROM categories WHERE name IN (${categories.map(() => '?').join(', ')}))`);
      params.push(...categories);
    }
    if (filter.unlabelled) either.push('d.category_id IS NULL');
    conditions.push(`(${either.join(' OR ')})`);
  }
  if (filter.excluded) conditions.push(filter.excluded === 'only' ? 'd.excluded = 1' : 'd.excluded = 0');
  if (filter.modelLabelled) conditions.push(filter.modelLabelled === 'only' ? 'd.model_labelled = 1' : 'd.model_labelled = 0');
  if (filter.duplicates) conditions.push(inDuplicateGroup);
  if (filter.minChars !== undefined) {
    conditions.push('d.char_count >= ?');
    params.push(filter.minChars);
  }
  if (filter.maxChars !== undefined) {
    conditions.push('d.char_count <= ?');
    params.push(filter.maxChars);
  }
  if (filter.importJobId !== undefined) {
    conditions.push('d.import_job_id = ?');
    params.push(filter.importJobId);
  }
  return { from, where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

interface RowRecord {
  id: number;
  file_name: string;
  category: string | null;
  char_count: number;
  import_job_id: number | null;
  format: string | null;
  excluded: number;
  model_labelled: number;
  near_duplicate_of: number | null;
  near_duplicate_count: number;
}

const toRow = (r: RowRecord): DocumentRow => ({
  id: r.id,
  fileName: r.file_name,
  category: r.category,
  charCount: r.char_count,
  importJobId: r.import_job_id,
  format: r.format,
  isExcluded: r.excluded === 1,
  isModelLabelled: r.model_labelled === 1,
  nearDuplicateOf: r.near_duplicate_of,
  nearDuplicateCount: r.near_duplicate_count,
  lastPrediction: null,
});

/** The table statements over `db`. */
export function createDocumentsSearch(db: Db) {
  const statements = new Map<string, Statement<unknown[]>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[]>(sql)));
    return statement;
  };
  const changeCounter = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  const groupIds = db.prepare<[], { id: number; included: number }>(
    `SELECT d.near_duplicate_of AS id, 1 + COUNT(*) FILTER (WHERE d.excluded = 0) - (SELECT excluded FROM documents r WHERE r.id = d.near_duplicate_of) AS included
     FROM documents d WHERE d.near_duplicate_of IS NOT NULL GROUP BY d.near_duplicate_of ORDER BY d.near_duplicate_of`,
  );
  const groupMembers = db.prepare<[number, number], { id: number }>('SELECT id FROM documents WHERE id = ? OR near_duplicate_of = ? ORDER BY id');
  const excerpts = (ids: readonly number[]) => {
    const out = new Map<number, string>();
    for (const { chunk, marks } of idChunks(ids)) {
      const rows = prepared(`SELECT id, substr(text, 1, 600) AS excerpt FROM documents WHERE id IN (${marks})`).all(...chunk) as unknown as {
        id: number;
        excerpt: string;
      }[];
      for (const row of rows) out.set(row.id, row.excerpt);
    }
    return out;
  };

  return {
    /** Every id matching the filter, in the sort's order (ties by id). */
    matchingIds(filter: CompiledFilter, sort: DocumentSort = { key: 'id', direction: 'asc' }): number[] {
      const { from, where, params } = queryOf(filter, sort);
      const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
      const nullsLast = sort.key === 'category' ? 'd.category_id IS NULL, ' : '';
      const order = sort.key === 'id' ? `d.id ${direction}` : `${nullsLast}${orderBy[sort.key]} ${direction}, d.id ${direction}`;
      const query = `SELECT d.id FROM ${from} ${where} ORDER BY ${order}`;
      return prepared(query)
        .raw()
        .all(...params)
        .map((row) => (row as unknown as [number])[0]);
    },
    /** Table rows for these ids, in the given order (missing ids are skipped). */
    rowsByIds(ids: readonly number[]): DocumentRow[] {
      const found = new Map<number, DocumentRow>();
      for (const { chunk, marks } of idChunks(ids)) {
        const rows = prepared(
          `SELECT d.id, d.file_name, c.name AS category, d.char_count, d.import_job_id, d.format, d.excluded, d.model_labelled, d.near_duplicate_of,
                  (SELECT COUNT(*) FROM documents n WHERE n.near_duplicate_of = d.id) AS near_duplicate_count
           FROM documents d LEFT JOIN categories c ON c.id = d.category_id WHERE d.id IN (${marks})`,
        ).all(...chunk) as unknown as RowRecord[];
        for (const row of rows) found.set(row.id, toRow(row));
      }
      return ids.flatMap((id) => found.get(id) ?? []);
    },
    /** Rows changed by this connection since it opened: a cheap "has anything been written" stamp. */
    changeStamp(): number {
      return changeCounter.get()!.n;
    },
    /** Near-duplicate groups by their first document, with how many members are still included. */
    duplicateGroups(): { representativeId: number; includedCount: number }[] {
      return groupIds.all().map((g) => ({ representativeId: g.id, includedCount: g.included }));
    },
    /** A group's member ids: the representative and the documents flagged as its near-duplicates. */
    groupMemberIds(representativeId: number): number[] {
      return groupMembers.all(representativeId, representativeId).map((r) => r.id);
    },
    /** The first 600 characters of each document's text. */
    excerpts,
  };
}
