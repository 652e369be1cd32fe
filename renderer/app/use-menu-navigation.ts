/** Follows `ui.navigated` from the Electron menu: "import" opens the Import dialog (with a folder the OS opened), other views navigate. */
import { useStudioEvent } from '../api/use-studio-event';
import type { RouteId } from './routes';

/** Installs the menu handler for as long as the shell is mounted. */
export function useMenuNavigation(navigate: (id: RouteId) => void, openImport: (path?: string) => void): void {
  useStudioEvent('ui.navigated', ({ view, path }) => {
    if (view === 'import') {
      // The dialog sits above the pages; show it over the Dataset page, where the result lands.
      navigate('dataset');
      openImport(path);
      return;
    }
    navigate(view);
  });
}
