/** Platform facts the UI needs (shortcut glyphs). */

/** True on macOS, where shortcuts use ⌘ rather than Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
