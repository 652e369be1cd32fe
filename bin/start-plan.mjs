/**
 * The decisions behind `npm start`, as pure functions so they are unit-tested without Electron, a
 * display or a browser: which mode to start, the one sentence that says why browser mode was
 * chosen, and which command opens a URL in the user's browser. Used by bin/start.mjs only.
 */
import path from 'node:path';

/**
 * Electron when its binary is there, a display exists and browser mode was not asked for;
 * otherwise browser mode with the reason, worded to follow "because".
 * `binary` is findElectronBinary's answer; `downloadError` the failed download's first line, if any.
 */
export function chooseStartMode({ binary, hasDisplay, forceBrowser, downloadError = null }) {
  if (forceBrowser) return { mode: 'browser', reason: 'it was asked for with --browser' };
  if (!binary.found) {
    const reason = downloadError
      ? `the Electron binary is not installed and could not be downloaded (${downloadError.replace(/^\w*Error: /, '')})`
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
