/** The current page, read from and written to the URL hash so reload and Back work. */
import { useCallback, useSyncExternalStore } from 'react';
import { defaultRoute, hashForRoute, routeFromHash, type RouteId } from './routes';

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

// A foreign hash (e.g. `#main` from the skip link) keeps the last page rather than jumping home.
let lastRoute: RouteId = defaultRoute;
function currentRoute(): RouteId {
  lastRoute = routeFromHash(window.location.hash) ?? lastRoute;
  return lastRoute;
}

/** The active page and a function to go to another one. */
export function useHashRoute(): [RouteId, (id: RouteId) => void] {
  const route = useSyncExternalStore(subscribe, currentRoute);
  const navigate = useCallback((id: RouteId) => {
    window.location.hash = hashForRoute(id);
  }, []);
  return [route, navigate];
}
