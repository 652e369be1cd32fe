/**
 * The function that opens the one Import dialog, as a context of its own: the dialog's provider
 * fills it, and anything (pages, the menu, the activity indicator) can call it without importing
 * the dialog itself.
 */
import { createContext, useContext } from 'react';
import type { ImportJob } from '../../../preload/contract';

/** Opens the dialog; with a path (a folder opened from the OS), previews it at once; with a job just started elsewhere (the sample), shows its progress. */
export type OpenImport = (source?: string | ImportJob) => void;

/** Filled by ImportDialogProvider. */
export const OpenImportContext = createContext<OpenImport | null>(null);

/** The function that opens the Import dialog. */
export function useOpenImport(): OpenImport {
  const open = useContext(OpenImportContext);
  if (!open) throw new Error('useOpenImport must be used inside <ImportDialogProvider>.');
  return open;
}
