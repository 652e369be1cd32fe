/** `npm start`: the mode decision, the sentence, the browser opener, and the real fallback run. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs helpers without type declarations
import { electronPackageDir, findElectronBinary } from '../../bin/electron-binary.mjs';
// @ts-expect-error -- plain .mjs helpers without type declarations
import { browserCommand, browserModeSentence, chooseStartMode, downloadDecision, downloadRetryAfterMs, firstLine } from '../../bin/start-plan.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const found = { found: true, executable: '/x/electron', version: '45.5.0' };
const missing = { found: false, reason: 'the Electron binary is not installed on this machine (it cannot be downloaded here)', version: '45.5.0' };

describe('chooseStartMode', () => {
  it('starts Electron when the binary and a display exist', () => {
    expect(chooseStartMode({ binary: found, hasDisplay: true, forceBrowser: false })).toEqual({ mode: 'electron', reason: null });
  });

  it('falls back to browser mode, saying the download failed, why, and how to retry', () => {
    const plan = chooseStartMode({ binary: missing, hasDisplay: true, forceBrowser: false, downloadError: 'TypeError: fetch failed' });
    expect(browserModeSentence(plan.reason)).toBe(
      'Starting Resume Studio in browser mode, because the Electron binary is not installed and could not be downloaded (fetch failed); npm start tries again after 24 h, or now with `npm start -- --retry-electron`.',
    );
  });

  it('remembers a failed download for a day instead of retrying 100 MB on every start', () => {
    const memory = { failedAtMs: 1_000_000, reason: 'TypeError: fetch failed' };
    const threeHours = 3 * 3_600_000;
    const decision = downloadDecision({ memory, nowMs: memory.failedAtMs + threeHours, retry: false });
    expect(decision).toEqual({ shouldTry: false, remembered: { reason: memory.reason, ageMs: threeHours } });
    expect(chooseStartMode({ binary: missing, hasDisplay: true, forceBrowser: false, remembered: decision.remembered }).reason).toBe(
      'the Electron binary is not installed and its download failed 3 h ago (fetch failed); npm start tries again after 24 h, or now with `npm start -- --retry-electron`',
    );
    expect(downloadDecision({ memory, nowMs: memory.failedAtMs + threeHours, retry: true }).shouldTry).toBe(true);
    expect(downloadDecision({ memory, nowMs: memory.failedAtMs + downloadRetryAfterMs, retry: false }).shouldTry).toBe(true);
    expect(downloadDecision({ memory: null, nowMs: 0, retry: false }).shouldTry).toBe(true);
  });

  it('uses the finder reason when no download was tried, and names a missing display', () => {
    expect(chooseStartMode({ binary: missing, hasDisplay: true, forceBrowser: false }).reason).toBe(missing.reason);
    expect(chooseStartMode({ binary: found, hasDisplay: false, forceBrowser: false }).reason).toMatch(/no display/);
    expect(chooseStartMode({ binary: found, hasDisplay: true, forceBrowser: true })).toMatchObject({
      mode: 'browser',
      reason: expect.stringContaining('--browser'),
    });
  });

  it('keeps the first non-empty line of an error, shortened', () => {
    expect(firstLine('\n  TypeError: fetch failed\n    at x')).toBe('TypeError: fetch failed');
    expect(firstLine('')).toBeNull();
    expect(firstLine('a'.repeat(300))!.length).toBe(160);
  });
});

describe('browserCommand', () => {
  const url = 'http://127.0.0.1:4000/?token=abc';
  const linuxEnv = { PATH: '/usr/bin:/bin', DISPLAY: ':0' };
  const xdgExists = (file: string) => file === '/usr/bin/xdg-open';

  it('uses xdg-open on Linux with a display, and nothing without one or without xdg-open', () => {
    expect(browserCommand(url, { platform: 'linux', env: linuxEnv, exists: xdgExists })).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, { platform: 'linux', env: { PATH: '/usr/bin' }, exists: xdgExists })).toBeNull();
    expect(browserCommand(url, { platform: 'linux', env: linuxEnv, exists: () => false })).toBeNull();
  });

  it('uses open on macOS and start on Windows; BROWSER=none opens nothing', () => {
    expect(browserCommand(url, { platform: 'darwin', env: {}, exists: () => false })).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, { platform: 'win32', env: {}, exists: () => false })).toMatchObject({
      command: 'cmd',
      args: ['/d', '/s', '/c', `start "" "${url}"`],
    });
    expect(browserCommand(url, { platform: 'darwin', env: { BROWSER: 'none' }, exists: () => true })).toBeNull();
  });
});

const binaryHere = findElectronBinary(electronPackageDir(root)).found;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-npm-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Where the binary exists (CI) npm start opens the desktop app instead: the smoke tests cover that.
describe.skipIf(binaryHere)('npm start without the Electron binary', () => {
  it('prints the sentence and the URL, serves the app, and stops on SIGTERM', async () => {
    const child = spawn('npm', ['start'], {
      cwd: root,
      detached: true,
      // Its own cache folder: the remembered download failure stays out of the user's.
      env: { ...process.env, RESUME_STUDIO_DATA_DIR: dataDir, BROWSER: 'none', XDG_CACHE_HOME: path.join(dataDir, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 120 s:\n${output}`)), 120_000);
        const poll = setInterval(() => {
          const match = /^Open (http:\/\/\S+)$/m.exec(output);
          if (!match?.[1]) return;
          clearInterval(poll);
          clearTimeout(timer);
          resolve(match[1]);
        }, 100);
        void exited.then(() => reject(new Error(`npm start exited early:\n${output}`)));
      });
      const sentences = output.split('\n').filter((line) => line.startsWith('Starting Resume Studio in browser mode, because '));
      expect(sentences, output).toHaveLength(1);
      expect(sentences[0]).toMatch(/Electron binary.*\.$/);
      expect(output).toContain(`Resume Studio (browser mode), data folder ${dataDir} (another: --data-dir DIR or RESUME_STUDIO_DATA_DIR=DIR)`);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const info = await fetch(new URL('/rpc/app.info', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-studio-token': new URL(url).searchParams.get('token')! },
        body: '{}',
      });
      expect(await info.json()).toMatchObject({ ok: true, value: { transport: 'http', dataDir } });
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }, 180_000);
});
