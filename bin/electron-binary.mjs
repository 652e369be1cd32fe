/**
 * Finds the Electron executable WITHOUT require('electron'): in electron 45 that require runs
 * install.js, which tries to download the binary (and throws offline). Mirrors index.js / install.js:
 * node_modules/electron/path.txt names the executable inside dist/ (or ELECTRON_OVERRIDE_DIST_PATH).
 * Used by bin/start.mjs (npm start), tests/electron/run.mjs and their unit tests.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The electron package folder, found by resolving its package.json (which has no side effects). */
export function electronPackageDir(fromDir = process.cwd()) {
  try {
    const require = createRequire(path.join(fromDir, 'noop.js'));
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Returns { found: true, executable, version } or { found: false, reason } for the Electron
 * package in packageDir; env is process.env by default (ELECTRON_OVERRIDE_DIST_PATH honoured).
 */
export function findElectronBinary(packageDir, env = process.env) {
  if (!packageDir) return { found: false, reason: 'the electron package is not installed (run npm ci)' };
  const version = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { found: false, reason: 'the Electron binary is not installed on this machine (it cannot be downloaded here)', version };
  }
  const executable = path.join(distDir, relative || 'electron');
  if (!fs.existsSync(executable)) {
    return { found: false, reason: `the Electron binary is missing (${executable} does not exist)`, version };
  }
  return { found: true, executable, version };
}

/** On Linux a window needs an X or Wayland display (xvfb-run provides one in CI). */
export function hasDisplay(env = process.env, platform = process.platform) {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
