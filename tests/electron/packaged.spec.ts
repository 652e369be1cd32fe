/**
 * Smoke tests of the PACKAGED app (electron-builder's linux-unpacked build), run by the release
 * workflow with STUDIO_PACKAGED_APP=<its executable>; skipped everywhere else. The package's fuses
 * turn off Node's --inspect, which Playwright's _electron needs, so these drive the window over
 * Chromium's DevTools protocol instead and check the package itself (asar contents, fuses).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';

const executable = process.env.STUDIO_PACKAGED_APP ? path.resolve(process.env.STUDIO_PACKAGED_APP) : '';
// Both come with electron-builder; only these functions are needed.
const require = createRequire(import.meta.url);

test.skip(!executable, 'set STUDIO_PACKAGED_APP to a packaged Resume Studio executable (the release workflow does)');

let app: ChildProcess;
let browser: Browser;
let page: Page;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-packaged-'));
  app = spawn(executable, ['--remote-debugging-port=0'], { env: { ...process.env, RESUME_STUDIO_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the packaged app printed no DevTools endpoint:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    app.stdout!.on('data', onData);
    app.stderr!.on('data', onData);
    app.once('exit', (code) => reject(new Error(`the packaged app exited with ${code}:\n${output}`)));
  });
  browser = await chromium.connectOverCDP(endpoint);
  await expect.poll(() => browser.contexts().flatMap((c) => c.pages()).length, { timeout: 20_000 }).toBeGreaterThan(0);
  page = browser.contexts().flatMap((c) => c.pages())[0]!;
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  await browser?.close().catch(() => undefined);
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('opens one window from app://studio/ on the Dataset page', async () => {
  expect(page.url()).toMatch(/^app:\/\/studio\//);
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
});

test('exposes only window.studio and answers app.info over IPC from the packaged database', async () => {
  const surface = await page.evaluate(() => ({
    keys: Object.keys((window as unknown as { studio: object }).studio).sort(),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(surface).toEqual({ keys: ['invoke', 'onEvent'], require: 'undefined', process: 'undefined' });
  const info = await page.evaluate(() =>
    (window as unknown as { studio: { invoke: (m: string, i: unknown) => Promise<unknown> } }).studio.invoke('app.info', {}),
  );
  expect(info).toMatchObject({ ok: true, value: { transport: 'electron', dataDir } });
  // better-sqlite3 was rebuilt for Electron's ABI at packaging time: the database exists.
  expect(fs.existsSync(path.join(dataDir, 'studio.sqlite'))).toBe(true);
});

test('ships the build output only, with the native module unpacked and the fuses set', async () => {
  const resources = path.join(path.dirname(executable), 'resources');
  const { listPackage } = require('@electron/asar') as { listPackage(archive: string, options: object): string[] };
  const files = listPackage(path.join(resources, 'app.asar'), {}).map((f) => f.replaceAll('\\', '/'));
  expect(files).toContain('/out/main/electron.js');
  expect(files).toContain('/out/renderer/index.html');
  expect(files.filter((f) => /^\/(main|ml|renderer|preload|tests)\//.test(f) || f.endsWith('.ts') || f.endsWith('.br'))).toEqual([]);
  expect(fs.existsSync(path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
  const { getCurrentFuseWire } = require('@electron/fuses') as { getCurrentFuseWire(file: string): Promise<Record<string, unknown>> };
  const wire = await getCurrentFuseWire(executable);
  // FuseV1Options: 0 RunAsNode, 2 EnableNodeOptionsEnvironmentVariable, 3 EnableNodeCliInspectArguments; '0' = disabled.
  expect([wire[0], wire[2], wire[3]].map(String)).toEqual(['48', '48', '48']);
});
