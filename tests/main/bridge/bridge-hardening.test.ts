// The bridge against a hostile browser page and a hostile socket: foreign Origin, the token in a
// URL, and clients that hold sockets open (slowloris). Real sockets, real core, short deadlines
// measured against a control bridge with long ones instead of a clock.
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
let control: Bridge;
let base: URL;
let controlBase: URL;
let token: string;
const timeouts = { headersMs: 300, requestMs: 600, keepAliveMs: 300, idleMs: 800, checkIntervalMs: 100 };
// Node caps the head deadline at the request deadline, whose own default is five minutes.
const fourMinutesMs = 240_000;
const controlTimeouts = { headersMs: fourMinutesMs, requestMs: 300_000, keepAliveMs: fourMinutesMs, idleMs: fourMinutesMs, checkIntervalMs: 100 };

beforeAll(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'http' });
  bridge = createBridge({ dispatcher: core.dispatcher, events: core.events, timeouts });
  const url = new URL(await bridge.listen(0));
  base = new URL(url.origin);
  token = url.searchParams.get('token')!;
  control = createBridge({ dispatcher: core.dispatcher, events: core.events, timeouts: controlTimeouts });
  controlBase = new URL(new URL(await control.listen(0)).origin);
});
afterAll(async () => {
  await bridge.close();
  await control.close();
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

/** A raw socket to a bridge: when the server closed it, and whether it is still open. */
interface HeldSocket {
  socket: net.Socket;
  acted: Promise<void>;
  closed: Promise<void>;
  isOpen(): boolean;
}

/** Opens a socket to `port` and runs `act` on it once connected; the client itself never closes it. */
function openSocket(port: string, act: (socket: net.Socket) => void): HeldSocket {
  let isOpen = true;
  let acted!: () => void;
  const actedPromise = new Promise<void>((resolve) => (acted = resolve));
  const socket = net.connect(Number(port), '127.0.0.1', () => {
    act(socket);
    acted();
  });
  socket.on('error', () => undefined);
  socket.on('data', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve(void (isOpen = false))));
  return { socket, acted: actedPromise, closed, isOpen: () => isOpen };
}

/**
 * Does the same to a socket of a control bridge whose deadlines are minutes and then, once that
 * one is under way, to a socket of the bridge under test (deadlines under a second); resolves once
 * the bridge under test has dropped its socket, saying whether the control still holds its own.
 * No clock: the order is the finding. The control started first, so a bridge that ignored its
 * short deadlines (and fell back to Node's) would drop the control's socket first.
 */
async function dropsBeforeControl(act: (socket: net.Socket) => void): Promise<boolean> {
  const lenient = openSocket(controlBase.port, act);
  await lenient.acted;
  const strict = openSocket(base.port, act);
  await strict.closed;
  const controlStillHolds = lenient.isOpen();
  lenient.socket.destroy();
  return controlStillHolds;
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
    const timers: NodeJS.Timeout[] = [];
    const controlStillHolds = await dropsBeforeControl((socket) => {
      socket.write(`GET / HTTP/1.1\r\nHost: ${base.host}\r\n`);
      // One header byte every 100 ms: never idle, never finished.
      timers.push(setInterval(() => socket.writable && socket.write('X'), 100));
    });
    timers.forEach(clearInterval);
    expect(controlStillHolds).toBe(true);
  });

  it('drops a client that sends its head and then trickles the body', async () => {
    const timers: NodeJS.Timeout[] = [];
    const controlStillHolds = await dropsBeforeControl((socket) => {
      socket.write(
        `POST /rpc/app.info HTTP/1.1\r\nHost: ${base.host}\r\nx-studio-token: ${token}\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{`,
      );
      timers.push(setInterval(() => socket.writable && socket.write(' '), 100));
    });
    timers.forEach(clearInterval);
    expect(controlStillHolds).toBe(true);
  });

  it('drops a silent socket and an idle keep-alive socket', async () => {
    expect(await dropsBeforeControl(() => undefined)).toBe(true);
    expect(await dropsBeforeControl((socket) => socket.write(`GET / HTTP/1.1\r\nHost: ${base.host}\r\nConnection: keep-alive\r\n\r\n`))).toBe(true);
  });

  it('keeps the authenticated event stream open past every deadline', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${base.origin}/events?token=${token}`, { signal: controller.signal });
    const reader = stream.body!.getReader();
    await reader.read(); // ': connected'
    // Wait until the bridge has dropped a silent socket opened after the stream: every deadline
    // the stream could have hit has then passed.
    await openSocket(base.port, () => undefined).closed;
    await core.call('settings.set', { seed: 11 });
    const { value, done } = await reader.read();
    expect(done).toBe(false);
    expect(new TextDecoder().decode(value)).toContain('settings.changed');
    controller.abort();
  });
});
