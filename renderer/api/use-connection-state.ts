/** The live connection state for the status line. */
import { useSyncExternalStore } from 'react';
import type { ConnectionState } from './connection-store';
import { useStudio } from './studio-context';

/** Re-renders when the backend connection changes state. */
export function useConnectionState(): ConnectionState {
  const { connection } = useStudio();
  return useSyncExternalStore(connection.subscribe, connection.get);
}

/**
 * False while the backend does not answer or this page has no session: what was last heard (an
 * import "running") may no longer be true, so views say so instead of repeating it.
 */
export function useIsBackendReachable(): boolean {
  const state = useConnectionState();
  return state === 'connected' || state === 'connecting';
}
