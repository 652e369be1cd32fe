/** The live connection state for the status line. */
import { useSyncExternalStore } from 'react';
import type { ConnectionState } from './connection-store';
import { useStudio } from './studio-context';

/** Re-renders when the backend connection changes state. */
export function useConnectionState(): ConnectionState {
  const { connection } = useStudio();
  return useSyncExternalStore(connection.subscribe, connection.get);
}
