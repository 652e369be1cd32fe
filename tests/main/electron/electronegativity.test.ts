import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

describe('electronegativity', () => {
  it('finds no HIGH severity issue in the Electron shell', () => {
    const result = spawnSync(process.execPath, ['tests/electron/electronegativity.mjs'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(result.stdout, result.stderr).toMatch(/\d+ finding\(s\), 0 HIGH\./);
    expect(result.status).toBe(0);
  }, 130_000);
});
