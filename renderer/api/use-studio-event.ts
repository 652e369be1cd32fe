/** Subscribes a component to one backend event for as long as it is mounted. */
import { useEffect, useRef } from 'react';
import type { EventMap, EventName } from '../../preload/contract';
import { useStudio } from './studio-context';

/** Calls `listener` with each payload of `name`; the latest listener is used without resubscribing. */
export function useStudioEvent<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): void {
  const client = useStudio();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.on(name, (payload) => latest.current(payload)), [client, name]);
}
