/** Loads one method's value for a component, reloading on given events and after a reconnect. */
import { useCallback, useEffect, useState } from 'react';
import type { EventName, MethodInput, MethodName, MethodOutput } from '../../preload/contract';
import { toRpcCallError, type RpcCallError } from './rpc-call-error';
import { useStudio } from './studio-context';

/** What a data-loading component renders from. */
export interface RpcState<T> {
  /** The latest value; kept while a reload is in flight so the page does not flicker. */
  data: T | undefined;
  error: RpcCallError | undefined;
  isLoading: boolean;
  reload(): void;
}

/** Options of useRpc. */
export interface UseRpcOptions {
  /** Events after which the value is stale and is loaded again. */
  refreshOn?: readonly EventName[];
  /** Reload at most once per this many ms however often the events come (e.g. import progress). */
  refreshThrottleMs?: number;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: RpcCallError | undefined;
}

/** Calls `method` with `input` on mount and whenever the input changes. */
export function useRpc<M extends MethodName>(method: M, input?: MethodInput<M>, options: UseRpcOptions = {}): RpcState<MethodOutput<M>> {
  const client = useStudio();
  const inputJson = JSON.stringify(input ?? {});
  const [generation, setGeneration] = useState(0);
  const requestKey = `${method}\u0000${inputJson}\u0000${generation}`;
  const [settled, setSettled] = useState<Settled<MethodOutput<M>>>({ key: '', data: undefined, error: undefined });
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let isCurrent = true;
    const call = client.call as (m: MethodName, i: unknown) => Promise<MethodOutput<M>>;
    call(method, JSON.parse(inputJson)).then(
      (data) => isCurrent && setSettled({ key: requestKey, data, error: undefined }),
      (error: unknown) => isCurrent && setSettled((previous) => ({ key: requestKey, data: previous.data, error: toRpcCallError(error, method) })),
    );
    return () => {
      isCurrent = false;
    };
  }, [client, method, inputJson, requestKey]);

  const refreshKey = (options.refreshOn ?? []).join(',');
  const throttleMs = options.refreshThrottleMs ?? 0;
  useEffect(() => {
    const names = refreshKey ? (refreshKey.split(',') as EventName[]) : [];
    // Throttled: the first event reloads at once, later ones within the window make one trailing reload.
    let lastMs = -Infinity;
    let timer: number | undefined;
    const refresh = () => {
      if (timer !== undefined) return;
      const waitMs = lastMs + throttleMs - Date.now();
      if (waitMs <= 0) {
        lastMs = Date.now();
        reload();
        return;
      }
      timer = window.setTimeout(() => {
        timer = undefined;
        lastMs = Date.now();
        reload();
      }, waitMs);
    };
    const unsubscribers = names.map((name) => client.on(name, refresh));
    return () => {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      window.clearTimeout(timer);
    };
  }, [client, refreshKey, reload, throttleMs]);

  // Events sent while the stream was down are lost, so reload once it is back.
  useEffect(() => {
    let wasDown = false;
    return client.connection.subscribe(() => {
      const state = client.connection.get();
      if (state === 'connected' && wasDown) reload();
      wasDown = state !== 'connected';
    });
  }, [client, reload]);

  return { data: settled.data, error: settled.key === requestKey ? settled.error : undefined, isLoading: settled.key !== requestKey, reload };
}
