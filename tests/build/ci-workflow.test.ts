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
  jobs: { test: { 'runs-on': string; env: Record<string, string>; steps: Step[] } };
};
const job = workflow.jobs.test;
const runs = job.steps.map((step) => step.run ?? '');
const indexOf = (needle: string) => runs.findIndex((run) => run.includes(needle));

describe('.github/workflows/ci.yml', () => {
  it('runs on ubuntu with Node 22', () => {
    expect(job['runs-on']).toBe('ubuntu-latest');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22);
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
