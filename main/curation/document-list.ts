/**
 * The resume table's data: a filter and a sort become an ordered id list (kept for the next
 * windows until anything is written), then each window's rows. Scrolling deep into 50,000 rows
 * costs what the first window costs. Also resolves "every document matching this search" for bulk
 * actions. Plain Node; used by the documents handlers, the labels service and the CLI.
 */
import type { DocumentFilter, DocumentPage, DocumentSort } from '../../preload/contract';
import type { Db } from '../store/database';
import type { CompiledFilter, DocumentsRepo } from '../store/documents-repo';
import { createMaskedSearch, type MaskDocument } from '../store/masked-search';
import { hideName, hideText } from '../privacy/blind-text';
import { compileSearch } from './search-query';

/** A document as blind mode shows it: name words hidden, personal data masked. */
const blindDocument: MaskDocument = (doc) => ({ fileName: hideName(doc.fileName), text: hideText(doc.text, doc.fileName) });

/** Id lists kept for this many recent filter/sort pairs (the table, a rule preview, a bulk action). */
const cachedQueries = 4;

/** A filter with its search text compiled to FTS5; a blank search is no condition. */
export function compileFilter(filter: DocumentFilter): CompiledFilter {
  const { q, ...rest } = filter;
  return { ...rest, search: q === undefined ? null : compileSearch(q) };
}

/** Creates the table's query service; while `isBlind()`, a search matches what blind mode shows, not the hidden name or e-mail. */
export function createDocumentList(db: Db, documents: DocumentsRepo, options: { isBlind?: () => boolean } = {}) {
  const cache = new Map<string, { stamp: string; ids: number[] }>();
  const masked = createMaskedSearch(db);

  /**
   * The ids of a filter with its search run over the masked documents. Masking only takes words
   * away, so the search's hits in the stored text are the candidates: a positive search keeps the
   * candidates that still match; a negated one ("NOT x") gives back the ones x matched only through
   * what is hidden.
   */
  const blindMatchingIds = (compiled: CompiledFilter, sort: DocumentSort): number[] => {
    const search = compiled.search!;
    const candidates = documents.matchingIds({ ...compiled, search: { match: search.match, isNegated: false } }, sort);
    const hits = masked.matching(candidates, search.match, blindDocument);
    if (!search.isNegated) return candidates.filter((id) => hits.has(id));
    return documents.matchingIds({ ...compiled, search: null }, sort).filter((id) => !hits.has(id));
  };

  // total_changes covers every write on this connection; data_version every commit by another one
  // (the CLI labelling while the app is open, a worker).
  const stamp = () => `${documents.changeStamp()}:${db.pragma('data_version', { simple: true }) as number}`;

  const matchingIds = (filter: DocumentFilter, sort: DocumentSort = { key: 'id', direction: 'asc' }): number[] => {
    const isBlind = options.isBlind?.() ?? false;
    const key = JSON.stringify([filter, sort, isBlind]);
    const now = stamp();
    const hit = cache.get(key);
    if (hit && hit.stamp === now) {
      // Most recently used last, so the oldest is the first to go.
      cache.delete(key);
      cache.set(key, hit);
      return hit.ids;
    }
    const compiled = compileFilter(filter);
    const ids = isBlind && compiled.search ? blindMatchingIds(compiled, sort) : documents.matchingIds(compiled, sort);
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
