/**
 * Settings → Prediction API: serve the model to other programs on this machine. A switch, the port,
 * where it runs (or why it does not), and the bearer token with Copy and Regenerate.
 */
import { useId, useState } from 'react';
import type { ApiStatus } from '../../../preload/contract';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useRpc } from '../../api/use-rpc';
import { useStudio } from '../../api/studio-context';
import { useStudioEvent } from '../../api/use-studio-event';

/** The API switch, port, address, token and a curl example. */
export function ApiSection() {
  const client = useStudio();
  const loaded = useRpc('api.status');
  const [latest, setLatest] = useState<ApiStatus | null>(null);
  useStudioEvent('api.changed', setLatest);
  const status = latest ?? loaded.data;
  const [port, setPort] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const portId = useId();
  const tokenId = useId();
  const shownPort = port ?? String(status?.port ?? '');

  const run = async (work: () => Promise<ApiStatus>) => {
    setIsBusy(true);
    setMessage(null);
    try {
      setLatest(await work());
      setPort(null);
    } catch (error) {
      setMessage(toRpcCallError(error).message);
    } finally {
      setIsBusy(false);
    }
  };
  const toggle = (isEnabled: boolean) => {
    const portNumber = Number(shownPort);
    if (isEnabled && !(Number.isInteger(portNumber) && portNumber >= 1024 && portNumber <= 65535)) {
      setMessage('Choose a port between 1024 and 65535.');
      return;
    }
    void run(() => client.call('api.setEnabled', isEnabled ? { isEnabled, port: portNumber } : { isEnabled }));
  };
  const copy = async () => {
    if (!status) return;
    try {
      await navigator.clipboard.writeText(status.token);
      setMessage('Token copied.');
    } catch {
      setMessage('Copying is not allowed here; select the token and copy it by hand.');
    }
  };

  return (
    <section className="card api-section" aria-labelledby="api-title">
      <h2 id="api-title">Prediction API</h2>
      <p className="field-hint">
        Lets other programs on this computer ask for predictions over HTTP (POST /v1/predict) with the active model. It listens on 127.0.0.1 only and needs the
        token below.
      </p>
      <label className="switch-row">
        <input type="checkbox" checked={status?.isEnabled ?? false} disabled={!status || isBusy} onChange={(event) => toggle(event.target.checked)} />
        Serve the prediction API
      </label>
      <div className="field api-port">
        <label htmlFor={portId}>Port</label>
        <input id={portId} inputMode="numeric" value={shownPort} onChange={(event) => setPort(event.target.value)} disabled={!status || isBusy} />
        {status?.isEnabled && port !== null ? (
          <button type="button" className="button" onClick={() => toggle(true)} disabled={isBusy}>
            Restart on this port
          </button>
        ) : null}
      </div>
      <p role="status" className={status?.error ? 'form-error' : 'muted'} data-testid="api-state">
        {!status ? 'Loading…' : status.error ? status.error : status.isRunning ? `Running at ${status.url}` : 'Off'}
      </p>
      <div className="field api-token">
        <label htmlFor={tokenId}>Token</label>
        <input id={tokenId} className="mono" readOnly value={status?.token ?? ''} onFocus={(event) => event.target.select()} />
        <div className="button-row">
          <button type="button" className="button" onClick={() => void copy()} disabled={!status}>
            Copy
          </button>
          <button type="button" className="button" onClick={() => void run(() => client.call('api.regenerateToken', {}))} disabled={!status || isBusy}>
            Regenerate
          </button>
        </div>
      </div>
      {status?.isRunning ? (
        <pre className="api-example mono">{`curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\\n  -d '{"text": "Registered nurse, 8 years in ICU…"}' ${status.url}/v1/predict`}</pre>
      ) : null}
      {message ? (
        <p className="muted" role="status">
          {message}
        </p>
      ) : null}
    </section>
  );
}
