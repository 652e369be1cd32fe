/**
 * The renderer's one way to reach the backend. Picks the transport (Electron's `window.studio`
 * or the HTTP bridge) and adds typed helpers over the contract. Only this folder knows which
 * transport is in use; features call `useStudio().call(...)`.
 */
import type { EventMap, EventName, MethodInput, MethodName, MethodOutput, StudioApi } from '../../preload/contract';
import { createConnectionStore, type ConnectionSource } from './connection-store';
import { createHttpClient } from './http-transport';
import { RpcCallError } from './rpc-call-error';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    studio?: StudioApi;
  }
}

/** Which transport carries the calls, shown in the status line. */
export type TransportKind = 'electron' | 'http';

/** Arguments of `call`: the input may be left out for methods that take `{}`. */
export type CallArgs<M extends MethodName> = object extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

/** Typed access to the backend. */
export interface StudioClient {
  transport: TransportKind;
  connection: ConnectionSource;
  /** Calls a method and returns its value; throws RpcCallError when the backend says no. */
  call<M extends MethodName>(method: M, ...args: CallArgs<M>): Promise<MethodOutput<M>>;
  /** Listens to one event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Wraps a StudioApi with the typed helpers. */
export function createStudioClient(api: StudioApi, transport: TransportKind, connection: ConnectionSource): StudioClient {
  return {
    transport,
    connection,
    async call(method, ...args) {
      const result = await api.invoke(method, (args[0] ?? {}) as MethodInput<typeof method>);
      if (!result.ok) throw new RpcCallError(method, result.error.code, result.error.message);
      return result.value;
    },
    on(name, listener) {
      return api.onEvent((event) => {
        if (event.name === name) listener(event.payload as EventMap[typeof name]);
      });
    },
  };
}

/** Connects to the backend of this page: Electron IPC when the preload is there, HTTP otherwise. */
export function connectStudio(win: Window = window): StudioClient {
  if (win.studio) return createStudioClient(win.studio, 'electron', createConnectionStore('connected'));
  const http = createHttpClient(win.location);
  return createStudioClient(http.api, 'http', http.connection);
}
