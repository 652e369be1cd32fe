/** Makes the one activity registry available to producers (feeds, start buttons) and the status line. */
import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createActivityStore, type Activity, type ActivityStore } from './activity-store';

const ActivityContext = createContext<ActivityStore | null>(null);

/** Owns the registry for the whole app. */
export function ActivityProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createActivityStore);
  return <ActivityContext.Provider value={store}>{children}</ActivityContext.Provider>;
}

/** The registry, for producers; throws outside ActivityProvider, which is a programming error. */
export function useActivityStore(): ActivityStore {
  const store = useContext(ActivityContext);
  if (!store) throw new Error('useActivityStore must be used inside <ActivityProvider>.');
  return store;
}

/** Everything running now; re-renders when it changes. */
export function useActivities(): readonly Activity[] {
  const store = useActivityStore();
  return useSyncExternalStore(store.subscribe, store.list);
}
