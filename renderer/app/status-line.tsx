/** The footer: connection state, long work in progress, transport and the data directory, always visible. */
import type { ConnectionState } from '../api/connection-store';
import { useConnectionState } from '../api/use-connection-state';
import { useRpc } from '../api/use-rpc';
import { useStudio } from '../api/studio-context';
import { ActivityIndicator } from '../features/activity/activity-indicator';

const connectionText: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: the server stopped. Start it again with npm start and open the URL it prints',
  'no-session': 'No session: open the URL printed by npm start (or npm run web)',
};

/** Shows where the data lives and whether the backend is reachable. */
export function StatusLine() {
  const client = useStudio();
  const connection = useConnectionState();
  const info = useRpc('app.info');
  const transport = client.transport === 'electron' ? 'Electron IPC' : 'HTTP bridge';
  return (
    <footer className="status-line">
      <span className={`status-item connection connection-${connection}`} role="status" aria-live="polite">
        <span className="status-dot" aria-hidden="true" />
        {connectionText[connection]}
      </span>
      <ActivityIndicator />
      <span className="status-item" title="How this window talks to the backend">
        {transport}
      </span>
      <span className="status-item data-dir" title={info.data?.databasePath}>
        <span className="muted">Data </span>
        <span className="mono" data-testid="data-dir">
          {info.data?.dataDir ?? (info.error ? 'unavailable' : '…')}
        </span>
      </span>
      <span className="status-spacer" />
      {info.data ? <span className="status-item muted">v{info.data.version}</span> : null}
    </footer>
  );
}
