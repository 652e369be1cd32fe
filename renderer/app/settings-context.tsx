/**
 * The user's settings for the whole app: loaded once, kept current by `settings.changed`, saved
 * through `settings.set`. The theme is applied here so it switches live wherever it is changed.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Settings } from '../../preload/contract';
import type { RpcCallError } from '../api/rpc-call-error';
import { useRpc } from '../api/use-rpc';
import { useStudio } from '../api/studio-context';
import { useStudioEvent } from '../api/use-studio-event';
import { applyTheme, systemDarkQuery } from './theme';

/** What components read and write settings through. */
export interface SettingsContextValue {
  settings: Settings | undefined;
  loadError: RpcCallError | undefined;
  /** Stores the given keys; rejects with the backend's RpcCallError (e.g. `bad_input`). */
  save(patch: Partial<Settings>): Promise<Settings>;
  reload(): void;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

/** Loads settings, follows changes from any window, and applies the theme. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const client = useStudio();
  const loaded = useRpc('settings.get');
  // Newer than `loaded` once saved here or changed elsewhere; null until then.
  const [latest, setLatest] = useState<Settings | null>(null);
  useStudioEvent('settings.changed', setLatest);
  const settings = latest ?? loaded.data;
  const theme = settings?.theme;

  useEffect(() => {
    if (!theme) return;
    applyTheme(theme);
    if (theme !== 'system') return;
    const query = systemDarkQuery();
    const follow = () => applyTheme('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [theme]);

  const save = useCallback(
    async (patch: Partial<Settings>) => {
      const next = await client.call('settings.set', patch);
      setLatest(next);
      return next;
    },
    [client],
  );

  const { reload, error } = loaded;
  const value = useMemo(() => ({ settings, loadError: error, save, reload }), [settings, error, save, reload]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** The settings context; throws outside SettingsProvider, which is a programming error. */
export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings must be used inside <SettingsProvider>.');
  return value;
}
