/**
 * The resume table's rows, fetched one page at a time around what is on screen, for any filter and
 * sort. Pages already shown stay until their fresh copy arrives after a change, so the table never
 * blanks out when a label changes or an import adds resumes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentFilter, DocumentRow, DocumentSort } from '../../../preload/contract';
import { toRpcCallError, type RpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';
import { useStudioEvent } from '../../api/use-studio-event';

/** Rows per request. */
export const windowPageSize = 100;

/** What the table renders from. */
export interface DocumentWindow {
  /** Matching resumes; undefined until the first page arrives. */
  total: number | undefined;
  rowAt(index: number): DocumentRow | undefined;
  /** Makes sure the rows [start, end) are loaded or on their way. */
  ensure(start: number, end: number): void;
  error: RpcCallError | undefined;
  /** Ids of the loaded rows in order (for J/K beyond the screen). */
  idAt(index: number): number | undefined;
  indexOf(id: number): number;
}

interface Pages {
  queryKey: string;
  total: number | undefined;
  pages: Map<number, { generation: number; rows: DocumentRow[] }>;
}

/** Rows of the documents matching `filter`, in `sort` order. */
export function useDocumentWindow(filter: DocumentFilter, sort: DocumentSort): DocumentWindow {
  const client = useStudio();
  const queryKey = JSON.stringify([filter, sort]);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<Pages>({ queryKey, total: undefined, pages: new Map() });
  const [error, setError] = useState<RpcCallError | undefined>(undefined);
  const requested = useRef(new Set<string>());
  const visible = useRef<[number, number]>([0, windowPageSize]);
  const bump = useCallback(() => setGeneration((g) => g + 1), []);
  useStudioEvent('documents.changed', bump);
  useStudioEvent('dataset.changed', bump);

  const empty = useMemo(() => ({ queryKey, total: undefined, pages: new Map<number, { generation: number; rows: DocumentRow[] }>() }), [queryKey]);
  const current = state.queryKey === queryKey ? state : empty;

  const ensure = useCallback(
    (start: number, end: number) => {
      visible.current = [start, end];
      const first = Math.floor(start / windowPageSize);
      const last = Math.floor(Math.max(start, end - 1) / windowPageSize);
      for (let page = first; page <= last; page++) {
        const have = current.pages.get(page);
        if (have && have.generation === generation) continue;
        const tag = `${queryKey}|${generation}|${page}`;
        if (requested.current.has(tag)) continue;
        requested.current.add(tag);
        const [parsedFilter, parsedSort] = JSON.parse(queryKey) as [DocumentFilter, DocumentSort];
        client.call('documents.list', { filter: parsedFilter, sort: parsedSort, offset: page * windowPageSize, limit: windowPageSize }).then(
          (result) => {
            setError(undefined);
            setState((previous) => {
              const base = previous.queryKey === queryKey ? previous.pages : new Map<number, { generation: number; rows: DocumentRow[] }>();
              const pages = new Map(base);
              pages.set(page, { generation, rows: result.rows });
              return { queryKey, total: result.total, pages };
            });
          },
          (reason: unknown) => {
            requested.current.delete(tag);
            setError(toRpcCallError(reason, 'documents.list'));
          },
        );
      }
    },
    [client, queryKey, generation, current.pages],
  );

  // After a change (or a new query), fetch again what is on screen.
  useEffect(() => {
    ensure(...visible.current);
  }, [ensure]);

  const rowAt = useCallback((index: number) => current.pages.get(Math.floor(index / windowPageSize))?.rows[index % windowPageSize], [current.pages]);
  const idAt = useCallback((index: number) => rowAt(index)?.id, [rowAt]);
  const indexOf = useCallback(
    (id: number) => {
      for (const [page, { rows }] of current.pages) {
        const at = rows.findIndex((row) => row.id === id);
        if (at >= 0) return page * windowPageSize + at;
      }
      return -1;
    },
    [current.pages],
  );
  return { total: current.total, rowAt, ensure, error, idAt, indexOf };
}
