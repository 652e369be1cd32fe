import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs helper without type declarations
import { electronPackageDir, findElectronBinary, hasDisplay } from '../../../bin/electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fake node_modules/electron folder, optionally with path.txt and the executable. */
function fakeElectronPackage({ pathTxt, executable }: { pathTxt?: string; executable?: boolean }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-fake-electron-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  if (pathTxt) fs.writeFileSync(path.join(dir, 'path.txt'), pathTxt);
  if (pathTxt && executable) {
    fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', pathTxt), '');
  }
  return dir;
}

describe('findElectronBinary', () => {
  it('reports a lazy-download install (no path.txt) as not installed', () => {
    const result = findElectronBinary(fakeElectronPackage({}), {});
    expect(result).toMatchObject({ found: false, version: '45.5.0' });
    expect(result.reason).toContain('not installed');
  });

  it('reports path.txt without the executable as missing', () => {
    expect(findElectronBinary(fakeElectronPackage({ pathTxt: 'electron' }), {})).toMatchObject({ found: false });
  });

  it('finds dist/<path.txt>', () => {
    const dir = fakeElectronPackage({ pathTxt: 'electron', executable: true });
    expect(findElectronBinary(dir, {})).toEqual({ found: true, executable: path.join(dir, 'dist', 'electron'), version: '45.5.0' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js does', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-dist-'));
    dirs.push(dist);
    fs.writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronBinary(fakeElectronPackage({}), { ELECTRON_OVERRIDE_DIST_PATH: dist })).toMatchObject({
      found: true,
      executable: path.join(dist, 'electron'),
    });
  });

  it('needs a display only on Linux', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':99' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });
});

const binaryHere = findElectronBinary(electronPackageDir(root)).found;

// Where the binary exists (CI) run.mjs would start the real smoke tests: covered there instead.
describe.skipIf(binaryHere)('tests/electron/run.mjs without the Electron binary', () => {
  const run = (env: Record<string, string | undefined>) =>
    spawnSync(process.execPath, ['tests/electron/run.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI_REQUIRE_ELECTRON: undefined, ...env } });

  it('prints exactly one skip line and exits 0', () => {
    const result = run({});
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Electron smoke tests skipped: .*binary.*; they run in GitHub Actions under xvfb-run\.$/);
    expect(result.stderr).toBe('');
  });

  it('fails when CI_REQUIRE_ELECTRON=1', () => {
    const result = run({ CI_REQUIRE_ELECTRON: '1' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('CI_REQUIRE_ELECTRON=1');
  });
});
