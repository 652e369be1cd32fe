/**
 * Serves the built renderer from the privileged `app://studio/` scheme instead of file://, so the
 * page has a real origin, and nothing outside out/renderer can be read. Electron shell only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';

/** The custom scheme the renderer is served from. */
export const appScheme = 'app';
/** The single host of that scheme; any other host is refused. */
export const appHost = 'studio';
/** The renderer's origin, with a trailing slash so prefix checks cannot match `app://studio.evil`. */
export const appOrigin = `${appScheme}://${appHost}/`;
/** The URL the main window loads. */
export const appEntryUrl = `${appOrigin}index.html`;

/** Registers the scheme as standard + secure; must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/**
 * Maps a request URL to a file inside rendererDir, or null when the URL is foreign or would
 * escape the folder (`..`, encoded `%2e%2e`, backslashes, absolute paths, NUL bytes).
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Refuse rather than normalise: a request containing `..` is never one the renderer makes.
  if (relative.includes('\0') || relative.includes('\\') || relative.split('/').includes('..')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rendererDir);
  const target = path.resolve(root, `.${path.posix.normalize(relative)}`);
  const fromRoot = path.relative(root, target);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return target;
}

/** Installs the `app://` handler on the default session; answers 404 for anything it refuses. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    if (!file || !isFile(file)) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return net.fetch(pathToFileURL(file).toString());
  });
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
