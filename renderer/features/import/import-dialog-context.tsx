/** Lets any page (and the app menu) open the one Import dialog, which lives above the pages. */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { importReportHash } from '../../app/routes';
import { ImportDialog } from './import-dialog';
import { OpenImportContext } from './open-import';

/** Owns whether the dialog is open; "View report" closes it and shows the job's report. */
export function ImportDialogProvider({ children }: { children: ReactNode }) {
  const [isOpen, setIsOpen] = useState(false);
  const open = useCallback(() => setIsOpen(true), []);
  const close = useCallback(() => setIsOpen(false), []);
  const viewReport = useCallback((jobId: number) => {
    setIsOpen(false);
    window.location.hash = importReportHash(jobId);
  }, []);
  const value = useMemo(() => open, [open]);
  return (
    <OpenImportContext.Provider value={value}>
      {children}
      {isOpen ? <ImportDialog onClose={close} onViewReport={viewReport} /> : null}
    </OpenImportContext.Provider>
  );
}
