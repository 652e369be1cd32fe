// The app's prediction API switch (Settings), through the real core and real sockets.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { fileModelSource } from '../../../main/predict/model-source';
import { sampleModelJson } from '../../fixtures/sample-model';
import { httpRequest } from '../../helpers/http-request';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;

/** A free port, found by letting the system pick one and releasing it. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  temp = makeTempDir();
  const modelFile = path.join(temp.dir, 'model.json');
  fs.writeFileSync(modelFile, sampleModelJson());
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'http', modelSource: fileModelSource(modelFile) });
});
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('api.* (the in-app prediction API)', () => {
  it('is off by default, with a generated token that survives a restart', async () => {
    const status = await core.call('api.status', {});
    expect(status).toMatchObject({ isEnabled: false, isRunning: false, host: '127.0.0.1', port: 8765, url: null, error: null });
    expect(status.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await createCore({ dataDir: core.dataDir, transport: 'cli', modelSource: fileModelSource(path.join(temp.dir, 'model.json')) });
    try {
      expect((await again.call('api.status', {})).token).toBe(status.token);
    } finally {
      await again.close();
    }
  });

  it('serves predictions while on, with the token; a regenerated token replaces the old one at once', async () => {
    const port = await freePort();
    const on = await core.call('api.setEnabled', { isEnabled: true, port });
    expect(on).toMatchObject({ isEnabled: true, isRunning: true, port, url: `http://127.0.0.1:${port}`, error: null });
    const ask = (token: string) => httpRequest(on.url!, { path: '/v1/model', headers: { authorization: `Bearer ${token}` } });
    expect((await ask(on.token)).status).toBe(200);
    const renewed = await core.call('api.regenerateToken', {});
    expect(renewed.token).not.toBe(on.token);
    expect((await ask(on.token)).status).toBe(401);
    expect((await ask(renewed.token)).status).toBe(200);
    const off = await core.call('api.setEnabled', { isEnabled: false });
    expect(off).toMatchObject({ isEnabled: false, isRunning: false, url: null });
    await expect(ask(renewed.token)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says in a sentence when the port is taken, and stays off', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const status = await core.call('api.setEnabled', { isEnabled: true, port });
      expect(status).toMatchObject({ isEnabled: true, isRunning: false, error: `Port ${port} is already used by another program; choose another port.` });
    } finally {
      blocker.close();
      await core.call('api.setEnabled', { isEnabled: false });
    }
  });

  it('refuses a privileged or invalid port as bad input', async () => {
    await expect(core.call('api.setEnabled', { isEnabled: true, port: 80 })).rejects.toThrow(/Invalid input for api\.setEnabled: port/);
  });
});
