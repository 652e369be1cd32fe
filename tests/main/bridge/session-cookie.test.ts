// The printed URL's token becomes an HttpOnly, SameSite=Strict cookie, so a reload, a new tab or a
// bookmark keep working; real sockets, real core.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridge, sessionCookieName, type Bridge } from '../../../main/bridge/server';
import { createCore, type Core } from '../../../main/core/core';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let bridge: Bridge;
let base: string;
let token: string;
let cookie: string;

beforeAll(async () => {
  temp = makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Resume Studio</title>');
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'http' });
  bridge = createBridge({ dispatcher: core.dispatcher, events: core.events, rendererDir });
  const url = new URL(await bridge.listen(0));
  base = url.origin;
  token = url.searchParams.get('token')!;
  cookie = `${sessionCookieName(Number(url.port))}=${token}`;
});
afterAll(async () => {
  await bridge.close();
  await core.close();
  temp.cleanup();
});

const rpc = (headers: Record<string, string>) =>
  fetch(`${base}/rpc/app.info`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

describe('session cookie', () => {
  it('exchanges the URL token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const response = await fetch(`${base}/?token=${token}&x=1`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/?x=1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie.split('; ')).toEqual(expect.arrayContaining([cookie, 'Path=/', 'HttpOnly', 'SameSite=Strict']));
    expect(setCookie).not.toMatch(/Expires|Max-Age/i); // a session cookie: gone with the browser
  });

  it('a wrong token in the URL gets the page but no cookie', async () => {
    const response = await fetch(`${base}/?token=wrong`, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('the cookie authorises RPC calls, the event stream and /session; a stale one does not', async () => {
    expect(await (await rpc({ cookie })).json()).toMatchObject({ ok: true, value: { transport: 'http' } });
    expect((await rpc({ cookie: `other=1; ${cookie}` })).status).toBe(200);
    expect((await rpc({ cookie: `${sessionCookieName(Number(new URL(base).port))}=stale-token-from-yesterday` })).status).toBe(401);
    // Another port's cookie (another server on this machine) is not this server's session.
    expect((await rpc({ cookie: `${sessionCookieName(1)}=${token}` })).status).toBe(401);

    const controller = new AbortController();
    const stream = await fetch(`${base}/events`, { headers: { cookie }, signal: controller.signal });
    expect(stream.status).toBe(200);
    controller.abort();

    expect(await (await fetch(`${base}/session`, { headers: { cookie } })).json()).toEqual({ ok: true, value: { authenticated: true } });
    expect((await fetch(`${base}/session`)).status).toBe(401);
  });

  it('the header still works for programs, and a cross-site page is refused even with the cookie', async () => {
    expect((await rpc({ 'x-studio-token': token })).status).toBe(200);
    expect((await rpc({ cookie, origin: 'https://evil.example' })).status).toBe(403);
  });
});
