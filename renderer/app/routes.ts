/** The app's pages, their hash URLs (`#/dataset`) and their keyboard shortcuts. Pure. */

/** Every page of the app, in navigation order. */
export const routes = [
  { id: 'dataset', label: 'Dataset', shortcutKey: '1' },
  { id: 'train', label: 'Train', shortcutKey: '2' },
  { id: 'evaluate', label: 'Evaluate', shortcutKey: '3' },
  { id: 'predict', label: 'Predict', shortcutKey: '4' },
  // After Predict so the shortcuts stay in order; the Dataset page links here too.
  { id: 'label', label: 'Label', shortcutKey: '5' },
  { id: 'settings', label: 'Settings', shortcutKey: ',' },
] as const;

/** A page id, e.g. `dataset`. */
export type RouteId = (typeof routes)[number]['id'];

/** The page shown when the URL names none. */
export const defaultRoute: RouteId = 'dataset';

/** The hash that shows a page. */
export function hashForRoute(id: RouteId): string {
  return `#/${id}`;
}

/** The page a hash names, or null for an empty, foreign (`#main`) or unknown hash. */
export function routeFromHash(hash: string): RouteId | null {
  if (!hash.startsWith('#/')) return null;
  const id = hash.slice(2).split(/[/?]/)[0];
  return routes.find((route) => route.id === id)?.id ?? null;
}

/** The hash of an import's report, a sub-route of the Dataset page. */
export function importReportHash(jobId: number): string {
  return `#/dataset/import/${jobId}`;
}

/** The job id in `#/dataset/import/<id>`, or null for any other hash. */
export function importReportIdFromHash(hash: string): number | null {
  const match = /^#\/dataset\/import\/(\d+)$/.exec(hash);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The modifier and key state a shortcut depends on (a subset of KeyboardEvent). */
export interface ShortcutKeys {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The page a Ctrl/Cmd+1..4 or Ctrl/Cmd+, press goes to; either modifier works on every platform. */
export function routeForShortcut(keys: ShortcutKeys): RouteId | null {
  if (keys.altKey || keys.shiftKey || keys.ctrlKey === keys.metaKey) return null;
  return routes.find((route) => route.shortcutKey === keys.key)?.id ?? null;
}

/** How a shortcut is written for people: ⌘1 on macOS, Ctrl+1 elsewhere. */
export function shortcutLabel(key: string, isMac: boolean): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}

/** The same shortcut for `aria-keyshortcuts`. */
export function ariaShortcut(key: string, isMac: boolean): string {
  const name = key === ',' ? 'Comma' : key;
  return isMac ? `Meta+${name}` : `Control+${name}`;
}
