/** Makes the StudioClient available to components without a module-level singleton. */
import { createContext, useContext, type ReactNode } from 'react';
import type { StudioClient } from './client';

const StudioContext = createContext<StudioClient | null>(null);

/** Provides the client created once in main.tsx. */
export function StudioProvider({ client, children }: { client: StudioClient; children: ReactNode }) {
  return <StudioContext.Provider value={client}>{children}</StudioContext.Provider>;
}

/** The backend client; throws when used outside StudioProvider, which is a programming error. */
export function useStudio(): StudioClient {
  const client = useContext(StudioContext);
  if (!client) throw new Error('useStudio must be used inside <StudioProvider>.');
  return client;
}
