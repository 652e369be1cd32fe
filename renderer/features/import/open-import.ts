/**
 * The function that opens the one Import dialog, as a context of its own: the dialog's provider
 * fills it, and anything (pages, the menu, the activity indicator) can call it without importing
 * the dialog itself.
 */
import { createContext, useContext } from 'react';

/** Filled by ImportDialogProvider. */
export const OpenImportContext = createContext<(() => void) | null>(null);

/** The function that opens the Import dialog. */
export function useOpenImport(): () => void {
  const open = useContext(OpenImportContext);
  if (!open) throw new Error('useOpenImport must be used inside <ImportDialogProvider>.');
  return open;
}
