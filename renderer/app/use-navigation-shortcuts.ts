/** Ctrl/Cmd+1..4 and Ctrl/Cmd+, go to a page from anywhere in the app. */
import { useEffect } from 'react';
import { routeForShortcut, type RouteId } from './routes';

/** Installs the page shortcuts on the window for as long as the shell is mounted. */
export function useNavigationShortcuts(navigate: (id: RouteId) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = routeForShortcut(event);
      if (!target) return;
      event.preventDefault();
      navigate(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
