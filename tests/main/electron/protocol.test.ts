import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
  net: { fetch: vi.fn(async (url: string) => new Response(`fetched ${url}`)) },
}));
vi.mock('electron', () => electron);

const { appEntryUrl, handleAppProtocol, registerAppScheme, resolveAppPath } = await import('../../../main/electron/protocol');

let root: string;
let rendererDir: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-protocol-'));
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), '1');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://studio/ paths into the renderer folder', () => {
    expect(resolveAppPath(rendererDir, appEntryUrl)).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppPath(rendererDir, 'app://studio/')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppPath(rendererDir, 'app://studio/assets/app.js?v=1#x')).toBe(path.join(rendererDir, 'assets', 'app.js'));
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://studio/../secret.txt',
      'app://studio/%2e%2e/secret.txt',
      'app://studio/%2E%2E%2Fsecret.txt',
      'app://studio/assets/..%2f..%2fsecret.txt',
      'app://studio/..%5csecret.txt',
      'app://studio/%00index.html',
      `app://studio/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
      'app://studio/%E0%A4%A',
    ]) {
      const resolved = resolveAppPath(rendererDir, url);
      if (resolved !== null) expect(resolved.startsWith(rendererDir + path.sep), url).toBe(true);
      expect(resolved, url).not.toBe(path.join(root, 'secret.txt'));
    }
    expect(resolveAppPath(rendererDir, 'app://studio/..%2fsecret.txt')).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(rendererDir, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(rendererDir, `file://${rendererDir}/index.html`)).toBeNull();
    expect(resolveAppPath(rendererDir, 'not a url')).toBeNull();
  });
});

describe('handleAppProtocol', () => {
  it('registers the scheme as standard and secure', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('serves files through net.fetch of a file URL and 404s for refused or missing paths', async () => {
    handleAppProtocol(rendererDir);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (r: { url: string }) => Promise<Response>];
    expect(scheme).toBe('app');

    const ok = await handler({ url: 'app://studio/assets/app.js' });
    expect(ok.status).toBe(200);
    expect(electron.net.fetch).toHaveBeenCalledWith(pathToFileURL(path.join(rendererDir, 'assets', 'app.js')).toString());

    electron.net.fetch.mockClear();
    for (const url of ['app://studio/..%2fsecret.txt', 'app://studio/missing.js', 'app://studio/assets', 'app://elsewhere/index.html']) {
      expect((await handler({ url })).status, url).toBe(404);
    }
    expect(electron.net.fetch).not.toHaveBeenCalled();
  });
});
