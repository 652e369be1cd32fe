/**
 * The decisions behind `npm start`, as pure functions so they are unit-tested without Electron, a
 * display or a browser: which mode to start, the one sentence that says why browser mode was
 * chosen, and which command opens a URL in the user's browser. Used by bin/start.mjs only.
 */
import path from 'node:path';

/** How long a failed Electron download is remembered: `npm start` does not retry it before then. */
export const downloadRetryAfterMs = 24 * 60 * 60 * 1000;

/**
 * Whether to try the Electron download now: not while a failure remembered from a previous start
 * (`memory`: { failedAtMs, reason }) is younger than downloadRetryAfterMs, unless `retry` asks.
 * A dead network fails the ~100 MB download on every start otherwise, which only adds noise.
 */
export function downloadDecision({ memory, nowMs, retry }) {
  if (retry || !memory || !(nowMs - memory.failedAtMs < downloadRetryAfterMs)) return { shouldTry: true, remembered: null };
  return { shouldTry: false, remembered: { reason: memory.reason, ageMs: Math.max(0, nowMs - memory.failedAtMs) } };
}

/** "3 h", "12 min", "less than a minute": the age of a remembered failure. */
function ageInWords(ageMs) {
  const minutes = Math.floor(ageMs / 60_000);
  if (minutes < 1) return 'less than a minute';
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h`;
}

/**
 * Electron when its binary is there, a display exists and browser mode was not asked for;
 * otherwise browser mode with the reason, worded to follow "because".
 * `binary` is findElectronBinary's answer; `downloadError` the failed download's first line, if any.
 */
export function chooseStartMode({ binary, hasDisplay, forceBrowser, downloadError = null, remembered = null }) {
  if (forceBrowser) return { mode: 'browser', reason: 'it was asked for with --browser' };
  if (!binary.found) {
    const retry = `; npm start tries again after ${downloadRetryAfterMs / 3_600_000} h, or now with \`npm start -- --retry-electron\``;
    const clean = (error) => error.replace(/^\w*Error: /, '');
    const reason = downloadError
      ? `the Electron binary is not installed and could not be downloaded (${clean(downloadError)})${retry}`
      : remembered
        ? `the Electron binary is not installed and its download failed ${ageInWords(remembered.ageMs)} ago (${clean(remembered.reason)})${retry}`
        : binary.reason;
    return { mode: 'browser', reason };
  }
  if (!hasDisplay) return { mode: 'browser', reason: 'there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)' };
  return { mode: 'electron', reason: null };
}

/** The one sentence printed before browser mode starts. */
export function browserModeSentence(reason) {
  return `Starting Resume Studio in browser mode, because ${reason}.`;
}

/** The first meaningful line of a failed command's output (an error stack's message), shortened. */
export function firstLine(text, maxChars = 160) {
  const line = String(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!line) return null;
  return line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line;
}

/** True when an executable named `name` is on PATH (PATHEXT extensions tried on Windows). */
export function isOnPath(name, env, platform, exists) {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  const extensions = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return dirs.some((dir) => extensions.some((ext) => exists(join(dir, `${name}${ext}`))));
}

/**
 * The command that opens `url` in the default browser, or null where there is none: BROWSER=none,
 * a Linux machine without a display (xdg-open would start a text browser in this terminal) or
 * without xdg-open. Debian's `open` is openvt, so `open` is used on macOS only.
 */
export function browserCommand(url, { platform, env, exists }) {
  if (env.BROWSER === 'none') return null;
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; the empty title keeps a quoted URL from becoming the window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', `start "" "${url}"`], verbatim: true };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return isOnPath('xdg-open', env, platform, exists) ? { command: 'xdg-open', args: [url] } : null;
}
