/**
 * The production dependency set is enough to run `serve` (what the Dockerfile installs with
 * `npm ci --omit=dev`): the built CLI is run from a folder whose node_modules holds only the
 * packages package-lock.json does not mark as dev-only (hard links, so it takes no time), and it
 * must start, parse an uploaded PDF in its worker pool, predict in its worker, and stop cleanly.
 * A dev dependency on that path would fail to resolve. Needs the build (`npm test` builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTextPdfBytes } from '../fixtures/resume-files';
import { sampleModelJson, sampleResumes } from '../fixtures/sample-model';
import { httpRequest, multipartFile } from '../helpers/http-request';
import { makeTempDir } from '../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '..', '..');
const builtCli = path.join(root, 'out/main/cli.js');
let temp: ReturnType<typeof makeTempDir>;
let app: string;

/** Top-level packages `npm ci --omit=dev` installs: every lockfile entry not marked dev-only. */
function productionPackages(): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key.startsWith('node_modules/') && !key.slice('node_modules/'.length).includes('node_modules/') && !entry.dev)
    .map(([key]) => key.slice('node_modules/'.length));
}

/** Copies a folder as hard links (instant, no extra space). */

/** Starts `serve` from the production-only folder and resolves with its URL once it listens. */
function startServe(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(app, 'out/main/cli.js'), 'serve', '--port', '0', ...args], {
    cwd: app,
    env: { PATH: process.env.PATH, HOME: temp.dir, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /prediction API on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with code ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

beforeAll(() => {
  if (!fs.existsSync(builtCli)) throw new Error('out/main/cli.js is missing: run `npm run build` (npm test does) before this test.');
  temp = makeTempDir('resume-studio-prod-');
  app = path.join(temp.dir, 'app');
  fs.mkdirSync(path.join(app, 'node_modules'), { recursive: true });
  for (const name of productionPackages()) {
    const source = path.join(root, 'node_modules', name);
    // An optional dependency for another platform is in the lockfile but not on disk.
    if (fs.existsSync(source)) linkHard(source, path.join(app, 'node_modules', name));
  }
  linkHard(path.join(root, 'out/main'), path.join(app, 'out/main'));
  fs.copyFileSync(path.join(root, 'package.json'), path.join(app, 'package.json'));
  fs.writeFileSync(path.join(temp.dir, 'model.json'), sampleModelJson());
});
afterAll(() => temp?.cleanup());

/** Recreates a folder with hard links to its files (same file system as the repo, as /tmp is here). */
function linkHard(from: string, to: string): void {
  const stat = fs.lstatSync(from);
  if (stat.isSymbolicLink()) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.symlinkSync(fs.readlinkSync(from), to);
  } else if (stat.isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from)) linkHard(path.join(from, entry), path.join(to, entry));
  } else {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.linkSync(from, to);
    } catch {
      fs.copyFileSync(from, to);
    }
  }
}

describe('serve with production dependencies only', () => {
  it('has no dev dependency on disk to fall back on', () => {
    for (const dev of ['tsx', 'electron', 'vitest', 'typescript', 'electron-vite', 'pdf-lib'])
      expect(fs.existsSync(path.join(app, 'node_modules', dev)), dev).toBe(false);
    for (const prod of ['fastify', '@fastify/rate-limit', '@fastify/multipart', '@fastify/swagger', 'pdfjs-dist', 'mammoth', 'zod']) {
      expect(fs.existsSync(path.join(app, 'node_modules', prod)), prod).toBe(true);
    }
  });

  it('serves a model file: parses an uploaded PDF in its worker pool and predicts in its worker', async () => {
    const token = 'production-only-token-1234';
    const { child, url, output } = await startServe(['--model', path.join(temp.dir, 'model.json')], { RESUME_STUDIO_API_TOKEN: token });
    try {
      const resume = sampleResumes(1)[0]!;
      const upload = multipartFile('resume.pdf', await makeTextPdfBytes({ lines: resume.text.split('\n') }));
      const answer = await httpRequest(url, {
        method: 'POST',
        path: '/v1/predict',
        body: upload.body,
        headers: { authorization: `Bearer ${token}`, 'content-type': upload.contentType },
      });
      expect(answer.status, output()).toBe(200);
      expect(answer.json).toMatchObject({ name: 'resume.pdf', label: resume.category });
      expect((await httpRequest(url, { path: '/v1/openapi.json' })).status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it('serves a data directory (SQLite) and says there is no model yet', async () => {
    const { child, url, output } = await startServe(['--data-dir', path.join(temp.dir, 'data')]);
    try {
      const health = await httpRequest(url, { path: '/v1/health' });
      expect(health.status).toBe(503);
      expect(health.json).toMatchObject({ status: 'no_model', reason: expect.stringMatching(/No model has been trained yet/) });
      expect(output()).toMatch(/no model yet: No model has been trained yet/);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });
});
