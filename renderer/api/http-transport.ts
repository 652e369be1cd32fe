/**
 * Browser-mode transport: the same StudioApi as Electron's preload, over the HTTP bridge
 * (`POST /rpc/<method>`, events from `GET /events`). The session is an HttpOnly cookie the server
 * sets when the printed URL (with its token) is first opened, so this code never sees the token;
 * it tells "server stopped" from "no session" and says what to do about each. Used by `npm start`
 * without Electron, `npm run web` and every e2e test.
 */
import type { EventName, MethodName, RpcResult, StudioApi, StudioEvent } from '../../preload/contract';
import { binaryContentType, binaryInputHeader, toBinaryRequest } from '../../preload/binary-input';
import { createConnectionStore, type ConnectionSource, type ConnectionStore } from './connection-store';

/** The HTTP transport and the connection state derived from its event stream. */
export interface HttpClient {
  api: StudioApi;
  connection: ConnectionSource;
}

/** What the UI says when the server does not answer: how to start it again. */
export const serverStoppedMessage = 'The Resume Studio server is not running. Start it again with npm start (or npm run web) and open the URL it prints.';
/** What the UI says when the server answers but this page has no session. */
export const noSessionMessage =
  'This page has no session with the Resume Studio server (it was opened without the printed URL, or the server restarted). Open the URL that npm start (or npm run web) printed.';

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

/** The address without a `token` parameter (the server removes it with a redirect; this covers the rest). */
export function withoutToken(href: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has('token')) return null;
  url.searchParams.delete('token');
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Asks the server whether this page's session is valid: `connected`, `no-session` or `offline`. */
async function probeSession(): Promise<'connected' | 'no-session' | 'offline'> {
  try {
    const response = await fetch('/session', { cache: 'no-store' });
    if (response.status === 401) return 'no-session';
    return response.ok ? 'connected' : 'offline';
  } catch {
    return 'offline';
  }
}

/** Creates the HTTP client for the page at `location`. */
export function createHttpClient(location: Location, history: History = window.history): HttpClient {
  // A token left in the address (a wrong one: a right one was exchanged by a redirect) would end
  // up in bookmarks and screenshots.
  const clean = withoutToken(location.href);
  if (clean !== null) history.replaceState(history.state, '', clean);
  const connection: ConnectionStore = createConnectionStore('connecting');
  const listeners = new Set<(event: StudioEvent) => void>();
  let retryMs = firstRetryMs;
  let failuresInRow = 0;

  // One stream for the whole page, opened now so the status line knows the state from the start.
  const openStream = () => {
    const source = new EventSource('/events');
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
      failuresInRow += 1;
      // CONNECTING: the browser retries by itself. CLOSED: it gave up (a 401: no session), so ask
      // why and retry with a backoff; a page without a session waits for the user instead.
      if (source.readyState !== EventSource.CLOSED) {
        connection.set(failuresInRow >= failuresBeforeOffline ? 'offline' : 'reconnecting');
        return;
      }
      void probeSession().then((state) => {
        connection.set(state === 'connected' ? 'reconnecting' : state);
        if (state !== 'no-session') window.setTimeout(openStream, retryMs);
        retryMs = Math.min(retryMs * 2, maxRetryMs);
      });
    };
  };
  openStream();

  const api: StudioApi = {
    async invoke<M extends MethodName>(method: M, input: unknown) {
      type Result = Awaited<ReturnType<StudioApi['invoke']>>;
      let response: Response;
      // Bytes (a dropped file) go as the body itself, not as base64 in JSON: a third smaller, and
      // neither side encodes or decodes them.
      const binary = toBinaryRequest(input);
      try {
        response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: binary ? { 'content-type': binaryContentType, [binaryInputHeader]: binary.header } : { 'content-type': 'application/json' },
          body: binary ? (binary.body as Uint8Array<ArrayBuffer>) : JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'failed', message: serverStoppedMessage } } as Result;
      }
      if (response.status === 401) {
        connection.set('no-session');
        return { ok: false, error: { code: 'forbidden', message: noSessionMessage } } as Result;
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
  return { api, connection };
}
