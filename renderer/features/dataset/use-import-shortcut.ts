/** Ctrl/Cmd+O opens the Import dialog while the Dataset page is shown (the Electron menu sends the same). */
import { useEffect } from 'react';

/** Installs the shortcut for as long as the calling page is mounted. */
export function useImportShortcut(openImport: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'o' || event.ctrlKey === event.metaKey) return;
      // The browser's own Ctrl+O would open a file picker over the app.
      event.preventDefault();
      openImport();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openImport]);
}
