/**
 * Theme resolution and application: the setting (`system | light | dark`) becomes `data-theme`
 * on <html>, which the CSS variables in styles/tokens.css key on.
 */
import type { Settings } from '../../preload/contract';

/** A theme the CSS knows. */
export type ResolvedTheme = 'light' | 'dark';

/** Remembered so the next start paints in the right theme before the settings arrive. */
export const themeStorageKey = 'resume-studio.theme';

/** The theme to paint for a setting, given whether the system prefers dark. */
export function resolveTheme(setting: Settings['theme'], systemPrefersDark: boolean): ResolvedTheme {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light';
  return setting;
}

/** The media query behind `system`. */
export function systemDarkQuery(): MediaQueryList {
  return window.matchMedia('(prefers-color-scheme: dark)');
}

/** Paints a theme and remembers the setting for the next start. */
export function applyTheme(setting: Settings['theme']): void {
  document.documentElement.dataset.theme = resolveTheme(setting, systemDarkQuery().matches);
  try {
    localStorage.setItem(themeStorageKey, setting);
  } catch {
    // Storage can be unavailable (private mode); the theme still applies for this session.
  }
}

/** The setting remembered from the last run, `system` on a first start. */
export function rememberedTheme(): Settings['theme'] {
  try {
    const value = localStorage.getItem(themeStorageKey);
    if (value === 'light' || value === 'dark' || value === 'system') return value;
  } catch {
    // Fall through to the default.
  }
  return 'system';
}
