/** Lets any page (and the app menu) open the one Import dialog, which lives above the pages. */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ImportJob } from '../../../preload/contract';
import { importReportHash } from '../../app/routes';
import { ImportDialog } from './import-dialog';
import { OpenImportContext } from './open-import';

/** Owns whether the dialog is open; "View report" closes it and shows the job's report. */
export function ImportDialogProvider({ children }: { children: ReactNode }) {
  // null: closed; otherwise the path to preview at once ('' for none) or the job to follow. A new request remounts the dialog.
  const [request, setRequest] = useState<{ path: string; job: ImportJob | null; serial: number } | null>(null);
  const open = useCallback(
    (source?: string | ImportJob) =>
      setRequest((current) => ({
        path: typeof source === 'string' ? source : '',
        job: typeof source === 'object' ? source : null,
        serial: (current?.serial ?? 0) + 1,
      })),
    [],
  );
  const close = useCallback(() => setRequest(null), []);
  const viewReport = useCallback((jobId: number) => {
    setRequest(null);
    window.location.hash = importReportHash(jobId);
  }, []);
  const value = useMemo(() => open, [open]);
  return (
    <OpenImportContext.Provider value={value}>
      {children}
      {request ? <ImportDialog key={request.serial} initialPath={request.path} initialJob={request.job} onClose={close} onViewReport={viewReport} /> : null}
    </OpenImportContext.Provider>
  );
}
