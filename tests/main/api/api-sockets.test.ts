// The public API drops clients that hold sockets open (slowloris) at its own deadlines, not at
// Node's 30-second check: real sockets, short deadlines measured against a control server with
// long ones instead of a clock (the order is the finding).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp, type ApiServer } from '../../../main/api/api-app';
import { fileModelSource } from '../../../main/predict/model-source';
import { createPredictionEngine, type PredictionEngine } from '../../../main/predict/prediction-engine';
import { sampleModelJson } from '../../fixtures/sample-model';
import { makeTempDir } from '../../helpers/temp-dir';

const token = 'test-token-0123456789';
const fourMinutesMs = 240_000;
let temp: ReturnType<typeof makeTempDir>;
let engine: PredictionEngine;
let strict: ApiServer;
let control: ApiServer;
let strictPort: number;
let controlPort: number;

beforeAll(async () => {
  temp = makeTempDir();
  const modelFile = path.join(temp.dir, 'model.json');
  fs.writeFileSync(modelFile, sampleModelJson());
  engine = createPredictionEngine({ source: fileModelSource(modelFile) });
  // The control listens first: were both to fall back to Node's 30-second check, its socket would go first.
  control = await createApiApp({
    engine,
    token: () => token,
    version: 'test',
    timeouts: { headersMs: fourMinutesMs, requestMs: 300_000, keepAliveMs: fourMinutesMs, idleMs: fourMinutesMs, checkIntervalMs: 100 },
  });
  controlPort = Number(new URL(await control.listen(0)).port);
  strict = await createApiApp({
    engine,
    token: () => token,
    version: 'test',
    timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 300, idleMs: 800, checkIntervalMs: 100 },
  });
  strictPort = Number(new URL(await strict.listen(0)).port);
});
afterAll(async () => {
  await strict.close();
  await control.close();
  await engine.close();
  temp.cleanup();
});

/** Opens a socket, runs `act` once connected; the client itself never closes it. */
function openSocket(port: number, act: (socket: net.Socket) => void) {
  let isOpen = true;
  let acted!: () => void;
  const actedPromise = new Promise<void>((resolve) => (acted = resolve));
  const socket = net.connect(port, '127.0.0.1', () => {
    act(socket);
    acted();
  });
  socket.on('error', () => undefined);
  socket.on('data', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve(void (isOpen = false))));
  return { socket, acted: actedPromise, closed, isOpen: () => isOpen };
}

/** Acts on a control socket, then on a strict one; once the strict server dropped its socket, says whether the control still holds its own. */
async function dropsBeforeControl(act: (socket: net.Socket) => void): Promise<boolean> {
  const lenient = openSocket(controlPort, act);
  await lenient.acted;
  const held = openSocket(strictPort, act);
  await held.closed;
  const controlStillHolds = lenient.isOpen();
  lenient.socket.destroy();
  return controlStillHolds;
}

describe('public API: sockets that are held open', () => {
  it('drops a client that trickles its request head (slowloris) at its own deadline', async () => {
    const timers: NodeJS.Timeout[] = [];
    const controlStillHolds = await dropsBeforeControl((socket) => {
      socket.write('GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // One header byte every 100 ms: never idle, never finished.
      timers.push(setInterval(() => socket.writable && socket.write('X'), 100));
    });
    timers.forEach(clearInterval);
    expect(controlStillHolds).toBe(true);
  });

  it('drops a client that trickles its body', async () => {
    const timers: NodeJS.Timeout[] = [];
    const controlStillHolds = await dropsBeforeControl((socket) => {
      socket.write(
        `POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nauthorization: Bearer ${token}\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{`,
      );
      timers.push(setInterval(() => socket.writable && socket.write(' '), 100));
    });
    timers.forEach(clearInterval);
    expect(controlStillHolds).toBe(true);
  });
});
