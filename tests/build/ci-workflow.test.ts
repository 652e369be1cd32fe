import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder and ships no types; only load() is needed.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const root = path.resolve(import.meta.dirname, '..', '..');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
const workflow = yaml.load(fs.readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')) as {
  jobs: { test: { 'runs-on': string; env: Record<string, string>; steps: Step[]; strategy: { matrix: { node: number[] } } } };
};
const job = workflow.jobs.test;
const runs = job.steps.map((step) => step.run ?? '');
const indexOf = (needle: string) => runs.findIndex((run) => run.includes(needle));

describe('.github/workflows/ci.yml', () => {
  it('runs on ubuntu on every Node line the project supports: the engines minimum, the Docker image’s and the newest LTS', () => {
    expect(job['runs-on']).toBe('ubuntu-latest');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe('${{ matrix.node }}');
    const engines = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node as string;
    const dockerMajor = Number(/^FROM node:(\d+)/m.exec(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'))![1]);
    expect(job.strategy.matrix.node).toEqual(expect.arrayContaining([Number(/(\d+)/.exec(engines)![1]), dockerMajor, 24]));
  });

  it('lists every dependency with an install script in allowScripts (npm warns about the others on every install)', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const allowScripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).allowScripts as Record<string, boolean>;
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([key]) => key.replace(/^.*node_modules\//, ''));
    expect(withScripts.filter((name) => !(name in allowScripts))).toEqual([]);
  });

  it('installs the Electron binary after npm ci and before the tests', () => {
    expect(indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(indexOf('electron/install.js')).toBeGreaterThan(indexOf('npm ci'));
    expect(indexOf('xvfb-run -a npm test')).toBeGreaterThan(indexOf('electron/install.js'));
  });

  it('requires the Electron smoke tests to run (no silent skip)', () => {
    expect(job.env.CI_REQUIRE_ELECTRON).toBe('1');
  });

  it('gives the e2e suite a Chromium through CHROMIUM_PATH', () => {
    expect(runs[indexOf('playwright install')]).toContain('CHROMIUM_PATH=');
  });
});
