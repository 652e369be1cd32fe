/**
 * bin/apply-patches.mjs, npm's postinstall: with patch-package installed it applies the pdfjs-dist
 * patch (already applied here: it says so and succeeds); in a production install without dev
 * dependencies (the Dockerfile's runtime stage) it leaves pdfjs-dist as it is, says why, and does
 * not fail the install.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '..', '..');
const script = path.join(root, 'bin/apply-patches.mjs');

describe('postinstall: bin/apply-patches.mjs', () => {
  it('applies the patch with patch-package when it is installed (here it already is: success)', () => {
    const run = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).toMatch(/pdfjs-dist@5\.4\.\d+ ✔/);
    expect(run.status).toBe(0);
  });

  it('without dev dependencies, says pdfjs-dist stays unpatched and exits 0', () => {
    const temp = makeTempDir('apply-patches');
    try {
      fs.mkdirSync(path.join(temp.dir, 'bin'));
      fs.copyFileSync(script, path.join(temp.dir, 'bin/apply-patches.mjs'));
      fs.writeFileSync(path.join(temp.dir, 'package.json'), '{ "name": "production-install", "type": "module" }\n');
      const run = spawnSync(process.execPath, [path.join(temp.dir, 'bin/apply-patches.mjs')], { cwd: temp.dir, encoding: 'utf8' });
      expect(run.stdout).toContain('pdfjs-dist left unpatched: patch-package is a dev dependency');
      expect(run.status).toBe(0);
    } finally {
      temp.cleanup();
    }
  });
});
