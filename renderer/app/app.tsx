/** The app shell: skip link, sidebar navigation, the active page and the status line. */
import { useCallback, useEffect, useRef, type MouseEvent } from 'react';
import { ActivityProvider } from '../features/activity/activity-context';
import { ImportDialogProvider } from '../features/import/import-dialog-context';
import { useOpenImport } from '../features/import/open-import';
import { useImportActivityFeed } from '../features/import/use-import-activity';
import { useBatchActivityFeed } from '../features/predict/use-batch-activity';
import { useTrainingActivityFeed } from '../features/training/use-training-activity';
import { WindowDropTarget } from '../features/predict/window-drop-target';
import { ErrorBoundary } from './error-boundary';
import { useSettings } from './settings-context';
import { focusWhenPresent } from './focus-when-present';
import { PageOutlet } from './page-outlet';
import { routes } from './routes';
import { SidebarNav } from './sidebar-nav';
import { StatusLine } from './status-line';
import { useHashRoute } from './use-hash-route';
import { useMenuNavigation } from './use-menu-navigation';
import { useNavigationShortcuts } from './use-navigation-shortcuts';

/** The shell inside the activity registry and the Import dialog's provider, so every page and the menu reach both. */
export function App() {
  return (
    <ActivityProvider>
      <ImportDialogProvider>
        <Shell />
      </ImportDialogProvider>
    </ActivityProvider>
  );
}

/** Lays out the shell around the page named by the URL hash. */
function Shell() {
  const [route, navigate] = useHashRoute();
  useNavigationShortcuts(navigate);
  useMenuNavigation(navigate, useOpenImport());
  // Long work shows in the status line on every page.
  useImportActivityFeed();
  useTrainingActivityFeed();
  useBatchActivityFeed();
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRoute = useRef(true);
  const showPredict = useCallback(() => navigate('predict'), [navigate]);
  // Turning blind mode on or off loads the page again, so nothing it shows was read under the other
  // setting; Settings itself (where the switch is) stays, keeping the focus on the switch.
  const blindMode = useSettings().settings?.blindMode ?? false;
  const pageKey = route === 'settings' ? route : `${route}:${blindMode ? 'blind' : 'open'}`;

  // Move focus to the new page's title so keyboard and screen-reader users land on it; not on
  // the first render, where focus belongs to the top of the document.
  useEffect(() => {
    const label = routes.find((r) => r.id === route)?.label ?? '';
    document.title = `${label} · Resume Studio`;
    if (isFirstRoute.current) {
      isFirstRoute.current = false;
      return;
    }
    // Pages load lazily: on a first visit the title appears a moment after the route changes.
    return focusWhenPresent('page-title');
  }, [route]);

  // A plain `#main` href would change the route, so the skip link moves focus itself.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    (document.getElementById('page-title') ?? mainRef.current)?.focus();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <SidebarNav active={route} />
      <main id="main" className="main" ref={mainRef} tabIndex={-1}>
        <div className="page">
          <ErrorBoundary key={pageKey} scope="this page">
            <PageOutlet route={route} />
          </ErrorBoundary>
        </div>
      </main>
      <StatusLine />
      <WindowDropTarget onDropped={showPredict} />
    </div>
  );
}
