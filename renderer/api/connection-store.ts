/** A tiny observable for the backend connection state, read by React through useSyncExternalStore. */

/**
 * How the UI is connected to the backend, derived from the event stream in browser mode:
 * `offline` = the server does not answer (stopped); `no-session` = it answers but this page has no
 * valid session (opened without the printed URL, or the server restarted with a new token).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'no-session';

/** Read side of the connection state. */
export interface ConnectionSource {
  get(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

/** A connection source that its transport can also write to. */
export interface ConnectionStore extends ConnectionSource {
  set(state: ConnectionState): void;
}

/** Creates a store starting in `initial`; listeners run only on real changes. */
export function createConnectionStore(initial: ConnectionState): ConnectionStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(state) {
      if (state === current) return;
      current = state;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
