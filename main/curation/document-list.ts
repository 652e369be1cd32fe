/**
 * The resume table's data: a filter and a sort become an ordered id list (kept for the next
 * windows until anything is written), then each window's rows. Scrolling deep into 50,000 rows
 * costs what the first window costs. Also resolves "every document matching this search" for bulk
 * actions. Plain Node; used by the documents handlers, the labels service and the CLI.
 */
import type { DocumentFilter, DocumentPage, DocumentSort } from '../../preload/contract';
import type { Db } from '../store/database';
import type { CompiledFilter, DocumentsRepo } from '../store/documents-repo';
import { compileSearch } from './search-query';

/** Id lists kept for this many recent filter/sort pairs (the table, a rule preview, a bulk action). */
const cachedQueries = 4;

/** A filter with its search text compiled to FTS5; a blank search is no condition. */
export function compileFilter(filter: DocumentFilter): CompiledFilter {
  const { q, ...rest } = filter;
  return { ...rest, search: q === undefined ? null : compileSearch(q) };
}

/** Creates the table's query service. */
export function createDocumentList(db: Db, documents: DocumentsRepo) {
  const cache = new Map<string, { stamp: string; ids: number[] }>();
  // total_changes covers every write on this connection; data_version every commit by another one
  // (the CLI labelling while the app is open, a worker).
  const stamp = () => `${documents.changeStamp()}:${db.pragma('data_version', { simple: true }) as number}`;

  const matchingIds = (filter: DocumentFilter, sort: DocumentSort = { key: 'id', direction: 'asc' }): number[] => {
    const key = JSON.stringify([filter, sort]);
    const now = stamp();
    const hit = cache.get(key);
    if (hit && hit.stamp === now) {
      // Most recently used last, so the oldest is the first to go.
      cache.delete(key);
      cache.set(key, hit);
      return hit.ids;
    }
    const ids = documents.matchingIds(compileFilter(filter), sort);
    cache.set(key, { stamp: now, ids });
    while (cache.size > cachedQueries) cache.delete(cache.keys().next().value!);
    return ids;
  };

  return {
    /** Every id matching the filter, in the sort's order. */
    matchingIds,
    /** One window of the table. */
    list(filter: DocumentFilter, sort: DocumentSort, offset: number, limit: number): DocumentPage {
      const ids = matchingIds(filter, sort);
      return { total: ids.length, offset, rows: documents.rowsByIds(ids.slice(offset, offset + limit)) };
    },
  };
}

/** The list service's type. */
export type DocumentList = ReturnType<typeof createDocumentList>;
