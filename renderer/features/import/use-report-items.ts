/** Loads an import report page by page (offset / limit), restarting when the job or filter changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileStatus, ImportItem, ImportJob } from '../../../preload/contract';
import { toRpcCallError, type RpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';
import { useStudioEvent } from '../../api/use-studio-event';

/** Rows fetched per request; the contract allows up to 1000. */
export const reportPageSize = 200;

/** The loaded part of a report. */
export interface ReportItems {
  job: ImportJob | undefined;
  items: ImportItem[];
  total: number;
  error: RpcCallError | undefined;
  isLoading: boolean;
  hasMore: boolean;
  /** Fetches the next page; ignored while one is in flight or when all are loaded. */
  loadMore(): void;
  reload(): void;
}

interface Loaded {
  key: string;
  job: ImportJob | undefined;
  items: ImportItem[];
  total: number;
  error: RpcCallError | undefined;
}

/** Items of `jobId`, only those with `status` when given. */
export function useReportItems(jobId: number, status: FileStatus | null): ReportItems {
  const client = useStudio();
  const [generation, setGeneration] = useState(0);
  const key = `${jobId}:${status ?? ''}:${generation}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', job: undefined, items: [], total: 0, error: undefined });
  const inFlight = useRef<string | null>(null);

  const fetchPage = useCallback(
    (offset: number, forKey: string) => {
      if (inFlight.current === `${forKey}@${offset}`) return;
      inFlight.current = `${forKey}@${offset}`;
      client
        .call('import.report', { jobId, offset, limit: reportPageSize, ...(status ? { status } : {}) })
        .then(
          (page) =>
            setLoaded((current) => {
              const base = current.key === forKey ? current.items : [];
              if (base.length !== offset) return current; // a stale or repeated page
              return { key: forKey, job: page.job, items: [...base, ...page.items], total: page.total, error: undefined };
            }),
          (error: unknown) => setLoaded((current) => ({ ...current, key: forKey, error: toRpcCallError(error, 'import.report') })),
        )
        .finally(() => {
          if (inFlight.current === `${forKey}@${offset}`) inFlight.current = null;
        });
    },
    [client, jobId, status],
  );

  useEffect(() => fetchPage(0, key), [fetchPage, key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useStudioEvent('import.finished', (job) => {
    if (job.id === jobId) reload();
  });

  const isCurrent = loaded.key === key;
  const items = isCurrent ? loaded.items : [];
  const total = isCurrent ? loaded.total : 0;
  const hasMore = isCurrent && items.length < total;
  const loadMore = useCallback(() => {
    if (hasMore) fetchPage(items.length, key);
  }, [hasMore, fetchPage, items.length, key]);
  return { job: loaded.job, items, total, error: isCurrent ? loaded.error : undefined, isLoading: !isCurrent, hasMore, loadMore, reload };
}
