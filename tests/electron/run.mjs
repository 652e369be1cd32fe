#!/usr/bin/env node
/**
 * The last step of `npm test`: runs the Playwright _electron smoke tests where the Electron binary
 * exists (GitHub Actions, under xvfb-run), and otherwise prints ONE line saying they were skipped
 * and why, exiting 0. With CI_REQUIRE_ELECTRON=1 a missing binary or display fails instead, so
 * the skip can never hide in CI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, findElectronBinary, hasDisplay } from '../../bin/electron-binary.mjs';
import { electronAbiBinary, swapInBinary } from './native-abi.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const required = process.env.CI_REQUIRE_ELECTRON === '1';

function skipOrFail(reason) {
  if (required) {
    console.error(`Electron smoke tests FAILED to start: ${reason}, and CI_REQUIRE_ELECTRON=1 requires them.`);
    process.exit(1);
  }
  console.log(`Electron smoke tests skipped: ${reason}; they run in GitHub Actions under xvfb-run.`);
  process.exit(0);
}

const binary = findElectronBinary(electronPackageDir(root));
if (!binary.found) skipOrFail(binary.reason);
if (!hasDisplay()) skipOrFail('there is no display (DISPLAY / WAYLAND_DISPLAY unset); run under xvfb-run -a');
if (!fs.existsSync(path.join(root, 'out', 'main', 'electron.js'))) {
  console.error('Electron smoke tests: out/main/electron.js is missing; run `npm run build` first.');
  process.exit(1);
}

let restore = () => {};
try {
  restore = swapInBinary(root, await electronAbiBinary(root, binary.version));
} catch (error) {
  console.error(`Electron smoke tests: could not build better-sqlite3 for Electron ${binary.version}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    restore();
    process.exit(130);
  });
}
let status = 1;
try {
  const result = spawnSync('npx', ['playwright', 'test', '-c', 'tests/electron/playwright.electron.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, ELECTRON_EXECUTABLE: binary.executable },
  });
  status = result.status ?? 1;
} finally {
  restore();
}
process.exit(status);
