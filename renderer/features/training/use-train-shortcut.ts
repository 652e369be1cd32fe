/** Ctrl/Cmd+T starts training while the Train page is shown. */
import { useEffect } from 'react';

/** Installs the shortcut for as long as the calling page is mounted. */
export function useTrainShortcut(train: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 't' || event.ctrlKey === event.metaKey) return;
      event.preventDefault();
      train();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [train]);
}
