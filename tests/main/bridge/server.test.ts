// The HTTP bridge over real sockets on an ephemeral port, with the real core and SQLite file.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridge, type Bridge } from '../../../main/bridge/server';
import { createCore, type Core } from '../../../main/core/core';
import { migrations } from '../../../main/store/migrations';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let bridge: Bridge;
let base: string;
let token: string;

beforeAll(async () => {
  temp = makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Resume Studio</title>');
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'http' });
  bridge = createBridge({ dispatcher: core.dispatcher, events: core.events, rendererDir, bodyLimitBytes: 64 * 1024 });
  const url = new URL(await bridge.listen(0));
  base = url.origin;
  token = url.searchParams.get('token')!;
});
afterAll(async () => {
  await bridge.close();
  await core.close();
  temp.cleanup();
});

const rpc = (method: string, body: unknown, headers: Record<string, string> = { 'x-studio-token': token }) =>
  fetch(`${base}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** fetch() cannot forge Host, so this uses node:http directly. */
function requestWithHost(host: string, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(base);
    const req = http.request(
      { host: '127.0.0.1', port, path: urlPath, method: 'POST', headers: { host, 'x-studio-token': token, 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('HTTP bridge', () => {
  it('binds to 127.0.0.1 only and prints a URL carrying a random token', () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(createBridge({ dispatcher: core.dispatcher, events: core.events }).token).not.toBe(token);
  });

  it('answers an RPC call with the real core', async () => {
    const response = await rpc('app.info', {});
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      ok: true,
      value: { name: 'Resume Studio', transport: 'http', schemaVersion: migrations.at(-1)!.version, dataDir: core.dataDir },
    });
  });

  it('returns 401 without the token or with a wrong one', async () => {
    expect((await rpc('app.info', {}, {})).status).toBe(401);
    expect((await rpc('app.info', {}, { 'x-studio-token': token.replace(/.$/, token.endsWith('a') ? 'b' : 'a') })).status).toBe(401);
    expect((await fetch(`${base}/events`)).status).toBe(401);
  });

  it('requires the token however the path is spelled (percent-encoded, HEAD)', async () => {
    const post = (urlPath: string) => fetch(`${base}${urlPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await post('/%72pc/app.info')).status).toBe(401);
    expect((await post('/rpc/app%2Einfo')).status).toBe(401);
    expect((await fetch(`${base}/%65vents`)).status).toBe(401);
    expect((await fetch(`${base}/%65vents`, { method: 'HEAD' })).status).toBe(401);
    expect((await post('/no-such-route')).status).toBe(401);
  });

  it('returns 403 for a foreign Host header, even with the token', async () => {
    expect(await requestWithHost('evil.example:80', '/rpc/app.info')).toBe(403);
    expect(await requestWithHost(new URL(base).host, '/rpc/app.info')).toBe(200);
  });

  it('returns 413 for a body over the limit', async () => {
    const response = await rpc('settings.set', { padding: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
  });

  it('reports validation errors as data', async () => {
    const body = await (await rpc('settings.set', { seed: -1 })).json();
    expect(body).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('streams events to subscribers and persists settings in SQLite', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${base}/events?token=${token}`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body!.getReader();
    await reader.read(); // the ': connected' comment
    await rpc('settings.set', { theme: 'dark', seed: 7 });
    const { value } = await reader.read();
    const text = new TextDecoder().decode(value);
    expect(JSON.parse(text.replace(/^data: /, '').trim())).toMatchObject({ name: 'settings.changed', payload: { theme: 'dark', seed: 7 } });
    controller.abort();
    expect(core.db.prepare("SELECT value_json FROM settings WHERE key = 'theme'").get()).toEqual({ value_json: '"dark"' });
  });

  it('serves the built renderer without a token', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Resume Studio</title>');
  });
});
