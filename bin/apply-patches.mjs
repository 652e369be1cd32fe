#!/usr/bin/env node
/**
 * npm's postinstall: applies main/parsing/extract/pdfjs-patches/*.patch to node_modules with
 * patch-package, failing the install when a patch no longer applies (e.g. after an upgrade). A
 * production install (`npm ci --omit=dev`, the API's Docker image) has no patch-package, a dev
 * dependency: pdf.js then runs unpatched (the same text, ~25% more CPU per PDF) and this says so.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let patchPackage;
try {
  patchPackage = createRequire(path.join(root, 'package.json')).resolve('patch-package/index.js');
} catch {
  console.log('pdfjs-dist left unpatched: patch-package is a dev dependency and this install has none (PDF text is the same, parsing slower).');
  process.exit(0);
}
const run = spawnSync(process.execPath, [patchPackage, '--patch-dir', 'main/parsing/extract/pdfjs-patches', '--error-on-fail'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
