import type { EventMap, EventName, StudioEvent } from '../../preload/contract';

/** Backend → UI events; each transport subscribes once and forwards. */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventMap[E]): void;
  subscribe(listener: (event: StudioEvent) => void): () => void;
}

/** Creates a synchronous in-process event bus; a throwing listener cannot break the others. */
export function createEventBus(): EventBus {
  const listeners = new Set<(event: StudioEvent) => void>();
  return {
    emit(name, payload) {
      for (const listener of [...listeners]) {
        try {
          listener({ name, payload } as StudioEvent);
        } catch {
          // A broken transport (closed window, dropped HTTP stream) must not stop the others.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
