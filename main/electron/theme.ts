/**
 * Native theme follows the user's setting (system / light / dark), so native menus, scrollbars
 * and `prefers-color-scheme` in the page agree with the app's own theme.
 * Electron shell only; imported by main/electron/index.ts.
 */
import type { NativeTheme } from 'electron';
import type { Settings } from '../../preload/contract';
import type { Dispatcher } from '../rpc/dispatcher';
import type { EventBus } from '../rpc/event-bus';

/** What followThemeSetting needs; nativeTheme is passed in so tests can use a plain object. */
export interface ThemeOptions {
  nativeTheme: Pick<NativeTheme, 'themeSource'>;
  dispatcher: Pick<Dispatcher, 'dispatch'>;
  events: Pick<EventBus, 'subscribe'>;
  log?: (message: string) => void;
}

const themes: readonly Settings['theme'][] = ['system', 'light', 'dark'];

/** Applies the current setting now and on every `settings.changed`; returns an unsubscribe. */
export async function followThemeSetting(options: ThemeOptions): Promise<() => void> {
  const apply = (theme: unknown) => {
    // Only the three known values reach Electron; anything else means "system".
    options.nativeTheme.themeSource = themes.includes(theme as Settings['theme']) ? (theme as Settings['theme']) : 'system';
  };
  let changedMeanwhile = false;
  const unsubscribe = options.events.subscribe((event) => {
    if (event.name !== 'settings.changed') return;
    changedMeanwhile = true;
    apply((event.payload as Settings).theme);
  });
  const current = await options.dispatcher.dispatch('settings.get', {});
  // A change that arrived while reading is newer than what was read.
  if (current.ok && !changedMeanwhile) apply((current.value as Settings).theme);
  else if (!current.ok) options.log?.(`Could not read the theme setting: ${current.error.message}`);
  return unsubscribe;
}
