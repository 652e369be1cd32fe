/**
 * Locks every web contents down: no navigation away from the app, no new windows, no webviews,
 * no permissions. Only http(s) links leave the app, and only to the system browser.
 * Electron shell only; imported by main/electron/index.ts.
 */
import type { Session, WebContents } from 'electron';

/** True when url belongs to one of the app's own origins (each given with a trailing slash). */
export function isAppUrl(url: string, allowedOrigins: readonly string[]): boolean {
  return allowedOrigins.some((origin) => url.startsWith(origin));
}

/** True for the only URLs handed to the system browser: absolute http: or https: URLs. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** What hardenWebContents needs; injected so tests can pass fakes. */
export interface HardenOptions {
  allowedOrigins: readonly string[];
  openExternal: (url: string) => Promise<void> | void;
  log?: (message: string) => void;
}

/** Denies navigation outside the app, window.open (links go to the browser) and webviews. */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const log = options.log ?? (() => {});
  const blockNavigation = (event: Electron.Event, url: string) => {
    if (isAppUrl(url, options.allowedOrigins)) return;
    event.preventDefault();
    log(`Blocked navigation to ${url}`);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void Promise.resolve(options.openExternal(url)).catch(() => {});
    else log(`Blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check (camera, notifications, clipboard, HID, …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
