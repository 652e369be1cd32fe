// The bridge against a hostile browser page and a hostile socket: foreign Origin, the token in a
// URL, and clients that hold sockets open (slowloris). Real sockets, real core, short deadlines.
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridge, type Bridge } from '../../../main/bridge/server';
import { createCore, type Core } from '../../../main/core/core';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let bridge: Bridge;
let base: URL;
let token: string;
const timeouts = { headersMs: 300, requestMs: 600, keepAliveMs: 300, idleMs: 800, checkIntervalMs: 100 };

beforeAll(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'http' });
  bridge = createBridge({ dispatcher: core.dispatcher, events: core.events, timeouts });
  const url = new URL(await bridge.listen(0));
  base = new URL(url.origin);
  token = url.searchParams.get('token')!;
});
afterAll(async () => {
  await bridge.close();
  await core.close();
  temp.cleanup();
});

/** A raw request with exactly the headers given (fetch would add or forbid some). */
function send(method: string, urlPath: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: base.port, path: urlPath, method, headers: { host: base.host, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}
const post = (urlPath: string, headers: Record<string, string>) => send('POST', urlPath, { 'content-type': 'application/json', ...headers });

/** Opens a socket and resolves with how long the server kept it open. */
function heldForMs(act: (socket: net.Socket) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(Number(base.port), '127.0.0.1', () => act(socket));
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
    socket.on('close', () => resolve(performance.now() - started));
    setTimeout(() => {
      socket.destroy();
      reject(new Error('the server still held the socket after 10 s'));
    }, 10_000).unref();
  });
}

describe('bridge: Origin and token placement', () => {
  it('refuses a foreign Origin even with a valid token', async () => {
    const auth = { 'x-studio-token': token };
    expect(await post('/rpc/app.info', { ...auth, origin: 'http://evil.example' })).toBe(403);
    expect(await post('/rpc/app.info', { ...auth, origin: 'null' })).toBe(403);
    expect(await post('/rpc/app.info', { ...auth, origin: `http://127.0.0.1:${Number(base.port) + 1}` })).toBe(403);
    expect(await send('GET', `/events?token=${token}`, { origin: 'http://evil.example' })).toBe(403);
    // The app's own page, and non-browser clients that send no Origin, still get through.
    expect(await post('/rpc/app.info', { ...auth, origin: base.origin })).toBe(200);
    expect(await post('/rpc/app.info', { ...auth, origin: `http://localhost:${base.port}` })).toBe(200);
    expect(await post('/rpc/app.info', auth)).toBe(200);
  });

  it('takes the token from the query string only for the event stream', async () => {
    expect(await post(`/rpc/app.info?token=${token}`, {})).toBe(401);
    expect(await post(`/%72pc/app.info?token=${token}`, {})).toBe(401);
    const controller = new AbortController();
    const stream = await fetch(`${base.origin}/events?token=${token}`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    controller.abort();
  });
});

describe('bridge: sockets that are held open', () => {
  it('drops a client that trickles its request head (slowloris)', async () => {
    let timer: NodeJS.Timeout | undefined;
    const heldMs = await heldForMs((socket) => {
      socket.write(`GET / HTTP/1.1\r\nHost: ${base.host}\r\n`);
      // One header byte every 100 ms: never idle, never finished.
      timer = setInterval(() => socket.writable && socket.write('X'), 100);
    });
    clearInterval(timer);
    expect(heldMs).toBeLessThan(5_000);
  });

  it('drops a client that sends its head and then trickles the body', async () => {
    let timer: NodeJS.Timeout | undefined;
    const heldMs = await heldForMs((socket) => {
      socket.write(
        `POST /rpc/app.info HTTP/1.1\r\nHost: ${base.host}\r\nx-studio-token: ${token}\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{`,
      );
      timer = setInterval(() => socket.writable && socket.write(' '), 100);
    });
    clearInterval(timer);
    expect(heldMs).toBeLessThan(5_000);
  });

  it('drops a silent socket and an idle keep-alive socket', async () => {
    expect(await heldForMs(() => undefined)).toBeLessThan(5_000);
    const keepAliveMs = await heldForMs((socket) => socket.write(`GET / HTTP/1.1\r\nHost: ${base.host}\r\nConnection: keep-alive\r\n\r\n`));
    expect(keepAliveMs).toBeLessThan(5_000);
  });

  it('keeps the authenticated event stream open past every deadline', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${base.origin}/events?token=${token}`, { signal: controller.signal });
    const reader = stream.body!.getReader();
    await reader.read(); // ': connected'
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await core.call('settings.set', { seed: 11 });
    const { value, done } = await reader.read();
    expect(done).toBe(false);
    expect(new TextDecoder().decode(value)).toContain('settings.changed');
    controller.abort();
  });
});
