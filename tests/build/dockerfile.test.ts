/**
 * The Dockerfile for `serve` cannot be built here (no container engine), so its facts are checked:
 * production dependencies only, no Electron, a non-root user, a health check on /v1/health, and a
 * start command that the CLI understands.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../main/cli/commands/serve';

const root = path.resolve(import.meta.dirname, '..', '..');
const lines = fs
  .readFileSync(path.join(root, 'Dockerfile'), 'utf8')
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
/** Instructions of each stage, split at FROM. */
const stages = lines.reduce<string[][]>((all, line) => (line.startsWith('FROM ') ? [...all, [line]] : (all.at(-1)?.push(line), all)), []);
const runtime = stages.at(-1)!;
/** End of life of the Node LTS lines (nodejs.org's release schedule). */
const nodeEndOfLife: Record<number, string> = { 20: '2026-04-30', 22: '2027-04-30', 24: '2028-04-30' };
const json = (line: string) => JSON.parse(line.replace(/^\w+\s+/, '')) as string[];

describe('Dockerfile for the prediction API', () => {
  it('builds in one stage and runs from another, both on a Node LTS that is not past its end of life', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      const major = Number(/^FROM node:(\d+)/.exec(stage[0]!)?.[1]);
      // Electron 45's tooling wants Node >= 22.12, and an image on an unsupported Node gets no security fixes.
      expect(major, stage[0]).toBeGreaterThanOrEqual(22);
      const endOfLife = nodeEndOfLife[major];
      expect(endOfLife, `Node ${major} is not an LTS line`).toBeDefined();
      expect(Date.parse(endOfLife!), `Node ${major} reached its end of life on ${endOfLife}`).toBeGreaterThan(Date.now());
    }
  });

  it('installs production dependencies only in the runtime stage, and never fetches Electron', () => {
    const installs = runtime.filter((line) => /^RUN .*npm (ci|install)/.test(line));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/npm ci --omit=dev/);
    expect(runtime.join('\n')).not.toMatch(/electron/i);
    expect(stages[0]!.join('\n')).toMatch(/ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1/);
    expect(runtime).toContain('COPY --from=build /app/out/main ./out/main');
  });

  it('runs as a non-root user', () => {
    const users = runtime.filter((line) => line.startsWith('USER '));
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^USER (root|0)(:|$)/);
    expect(runtime.indexOf(users[0]!)).toBeLessThan(runtime.findIndex((line) => line.startsWith('ENTRYPOINT')));
  });

  it('checks its health on /v1/health of the port it serves and exposes', () => {
    const entrypoint = json(runtime.find((line) => line.startsWith('ENTRYPOINT'))!);
    expect(entrypoint.slice(0, 3)).toEqual(['node', 'out/main/cli.js', 'serve']);
    const port = entrypoint[entrypoint.indexOf('--port') + 1];
    expect(entrypoint[entrypoint.indexOf('--host') + 1]).toBe('0.0.0.0');
    expect(runtime).toContain(`EXPOSE ${port}`);
    const health = runtime.find((line) => line.startsWith('HEALTHCHECK'))!;
    expect(health).toContain(`http://127.0.0.1:${port}/v1/health`);
  });

  it('starts serve with options the CLI knows, reading the model from /models', () => {
    const args = [...json(runtime.find((line) => line.startsWith('ENTRYPOINT'))!).slice(3), ...json(runtime.find((line) => line.startsWith('CMD'))!)];
    expect(args).toEqual(['--host', '0.0.0.0', '--port', '8080', '--model', '/models/model.json']);
    for (const option of args.filter((a) => a.startsWith('--'))) expect(serveCommand.usage).toContain(option);
  });

  it('keeps local builds, dependencies and test output out of the build context', () => {
    const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'out', '.git']) expect(ignored).toContain(entry);
  });
});
