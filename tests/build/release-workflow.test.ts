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
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  strategy?: { matrix: { include: { os: string; artifacts: string }[] } };
  steps: Step[];
}
const workflow = yaml.load(fs.readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8')) as {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const { build, 'smoke-linux': smoke, release } = workflow.jobs as { build: Job; 'smoke-linux': Job; release: Job };
const runIndex = (job: Job, needle: string) => job.steps.findIndex((step) => (step.run ?? '').includes(needle));

describe('.github/workflows/release.yml', () => {
  it('runs on version tags, read-only by default', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('is well formed: every job runs somewhere, needs only existing jobs, and pins every action', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job['runs-on'], name).toBeTruthy();
      expect(job.steps.length, name).toBeGreaterThan(0);
      for (const need of [job.needs ?? []].flat()) expect(Object.keys(workflow.jobs), `${name} needs ${need}`).toContain(need);
      for (const step of job.steps) {
        expect(Boolean(step.run) !== Boolean(step.uses), `${name}: a step has exactly one of run / uses`).toBe(true);
        if (step.uses) expect(step.uses, name).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
      }
    }
  });

  it('builds on Linux, Windows and macOS with Node 22, the Electron binary and npm run dist', () => {
    const targets = build.strategy!.matrix.include;
    expect(targets.map((t) => t.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(build['runs-on']).toBe('${{ matrix.os }}');
    expect(build.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22);
    expect(runIndex(build, 'npm ci')).toBeGreaterThanOrEqual(0);
    expect(runIndex(build, 'electron/install.js')).toBeGreaterThan(runIndex(build, 'npm ci'));
    expect(runIndex(build, 'npm run dist')).toBeGreaterThan(runIndex(build, 'electron/install.js'));
    // Every installer format is collected from its own OS.
    const collected = Object.fromEntries(targets.map((t) => [t.os, t.artifacts]));
    expect(collected['ubuntu-latest']).toMatch(/\*\.AppImage[\s\S]*\*\.deb/);
    expect(collected['windows-latest']).toContain('*.exe');
    expect(collected['macos-latest']).toContain('*.dmg');
    expect(build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path).toContain('${{ matrix.artifacts }}');
  });

  it('smoke-tests the packaged Linux app under xvfb before any release', () => {
    expect(smoke.needs).toBe('build');
    expect(smoke['runs-on']).toBe('ubuntu-latest');
    const test = smoke.steps.find((s) => (s.run ?? '').includes('tests/electron/packaged.spec.ts'))!;
    expect(test.run).toMatch(/^xvfb-run -a npx playwright test -c tests\/electron\/playwright\.electron\.config\.ts/);
    expect(test.env?.STUDIO_PACKAGED_APP).toBe('dist/linux-unpacked/resume-studio');
    expect(fs.existsSync(path.join(root, 'tests/electron/packaged.spec.ts'))).toBe(true);
    expect(smoke.steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact'))).toBeLessThan(smoke.steps.indexOf(test));
    expect(runIndex(smoke, 'apparmor_restrict_unprivileged_userns=0')).toBeLessThan(smoke.steps.indexOf(test));
  });

  it('drafts the release only after the builds and the smoke tests, with write access there alone', () => {
    expect([release.needs].flat().sort()).toEqual(['build', 'smoke-linux']);
    expect(release.permissions).toEqual({ contents: 'write' });
    const publish = release.steps.find((s) => s.uses?.startsWith('softprops/action-gh-release'))!;
    expect(publish.with?.draft).toBe(true);
    for (const ext of ['AppImage', 'deb', 'exe', 'dmg']) expect(String(publish.with?.files)).toContain(`*.${ext}`);
  });
});
