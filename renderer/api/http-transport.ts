/**
 * Browser-mode transport: the same StudioApi as Electron's preload, over the HTTP bridge
 * (`POST /rpc/<method>` with the session token header, events from `GET /events`). Used by
 * `npm run web` and by every e2e test.
 */
import type { EventName, MethodName, RpcResult, StudioApi, StudioEvent } from '../../preload/contract';
import { createConnectionStore, type ConnectionSource } from './connection-store';
import { takeSessionToken } from './session-token';

/** The HTTP transport and the connection state derived from its event stream. */
export interface HttpClient {
  api: StudioApi;
  connection: ConnectionSource;
  /** True when no token was found: every call will be refused until the printed URL is opened. */
  isMissingToken: boolean;
}

const tokenHeader = 'x-studio-token';
const firstRetryMs = 1_000;
const maxRetryMs = 30_000;
// Chromium retries a refused stream forever without closing it; after this many failures in a
// row the backend is called offline rather than "reconnecting" for ever.
const failuresBeforeOffline = 3;

/** Accepts only well-formed `RpcResult`s, so a proxy error page never reaches the UI as data. */
function isRpcResult(body: unknown): body is RpcResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  return 'error' in body && typeof body.error === 'object' && body.error !== null && 'message' in body.error;
}

/** Accepts only `{ name, payload }` messages, ignoring anything else the stream might carry. */
function parseEvent(data: string): StudioEvent | null {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string' && 'payload' in parsed) {
      return { name: parsed.name as EventName, payload: parsed.payload } as StudioEvent;
    }
  } catch {
    // A malformed message is dropped; the next one may be fine.
  }
  return null;
}

/** Creates the HTTP client for the page at `location`, taking the token from its URL. */
export function createHttpClient(location: Location, storage: Storage = window.sessionStorage, history: History = window.history): HttpClient {
  const { token, cleanUrl } = takeSessionToken(new URL(location.href), storage);
  if (cleanUrl !== null) history.replaceState(history.state, '', cleanUrl);
  const connection = createConnectionStore('connecting');
  const listeners = new Set<(event: StudioEvent) => void>();
  let retryMs = firstRetryMs;
  let failuresInRow = 0;

  // One stream for the whole page, opened now so the status line knows the state from the start.
  const openStream = () => {
    const source = new EventSource(`/events?token=${encodeURIComponent(token ?? '')}`);
    source.onopen = () => {
      retryMs = firstRetryMs;
      failuresInRow = 0;
      connection.set('connected');
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parseEvent(message.data);
      if (event) for (const listener of [...listeners]) listener(event);
    };
    source.onerror = () => {
      // CONNECTING: the browser retries by itself. CLOSED: it gave up (e.g. a 401 after the
      // backend restarted with a new token), so retry with a backoff and say we are offline.
      failuresInRow += 1;
      if (source.readyState !== EventSource.CLOSED) {
        connection.set(failuresInRow >= failuresBeforeOffline ? 'offline' : 'reconnecting');
        return;
      }
      connection.set('offline');
      window.setTimeout(openStream, retryMs);
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    };
  };
  openStream();

  const api: StudioApi = {
    async invoke<M extends MethodName>(method: M, input: unknown) {
      type Result = Awaited<ReturnType<StudioApi['invoke']>>;
      let response: Response;
      try {
        response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [tokenHeader]: token ?? '' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'failed', message: 'Cannot reach the Resume Studio backend. Is it still running?' } } as Result;
      }
      const body: unknown = await response.json().catch(() => null);
      if (isRpcResult(body)) return body as Result;
      return { ok: false, error: { code: 'failed', message: `The backend answered HTTP ${response.status} without a result.` } } as Result;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { api, connection, isMissingToken: token === null };
}
