#!/usr/bin/env node
/**
 * `npm start`: the desktop app wherever Electron can run, browser mode everywhere else, so
 * `npm install && npm start` always ends in a working app.
 *   1. Electron 45 downloads its binary lazily; when it is missing, its own install script is
 *      tried, and a failure is remembered for a day (in the user's cache folder), so a
 *      machine without network does not retry 100 MB on every start; --retry-electron retries now.
 *   2. Binary and display present → `electron-vite preview` (build + run the app).
 *   3. Otherwise one sentence says why, then the app is built and served in browser mode
 *      (out/main/web.js, like `npm run web`), its URL printed and opened where a browser exists.
 * `npm start -- --browser` asks for browser mode; other arguments go to web.js (--data-dir, --port).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, findElectronBinary, hasDisplay } from './electron-binary.mjs';
import { browserCommand, browserModeSentence, chooseStartMode, downloadDecision, firstLine } from './start-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
// Generous: the binary is about 100 MB; a dead network fails in well under a second anyway.
const downloadTimeoutMs = 10 * 60_000;

const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const webArgs = args.filter((arg) => arg !== '--browser' && arg !== '--retry-electron');
// Per user, not in node_modules: an unreachable network is the machine's, and node_modules may be shared or read-only.
const memoryFile = path.join(userCacheDir(), 'resume-studio', 'electron-download.json');

const packageDir = electronPackageDir(root);
let binary = findElectronBinary(packageDir);
let downloadError = null;
const download = downloadDecision({ memory: readMemory(), nowMs: Date.now(), retry: args.includes('--retry-electron') });
if (!binary.found && !forceBrowser && packageDir && download.shouldTry) {
  console.log('The Electron binary is not installed yet: downloading it once (about 100 MB)…');
  const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: downloadTimeoutMs,
  });
  binary = findElectronBinary(packageDir);
  if (!binary.found) downloadError = firstLine(result.error?.message ?? result.stderr) ?? `exit code ${result.status}`;
  rememberDownload(downloadError);
}

const plan = chooseStartMode({ binary, hasDisplay: hasDisplay(), forceBrowser, downloadError, remembered: download.remembered });
if (plan.mode === 'electron') {
  runElectron();
} else {
  console.log(browserModeSentence(plan.reason));
  runBrowserMode();
}

/** The user's cache folder: $XDG_CACHE_HOME, ~/Library/Caches, %LOCALAPPDATA% or ~/.cache. */
function userCacheDir() {
  if (process.env.XDG_CACHE_HOME) return process.env.XDG_CACHE_HOME;
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches');
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return process.env.LOCALAPPDATA;
  return path.join(os.homedir(), '.cache');
}

/** The remembered download failure, or null (none, or unreadable: then the download is simply tried). */
function readMemory() {
  try {
    return JSON.parse(fs.readFileSync(memoryFile, 'utf8'));
  } catch {
    return null;
  }
}

/** Remembers a failed download (or forgets one after a success); never fails the start. */
function rememberDownload(error) {
  try {
    if (error === null) fs.rmSync(memoryFile, { force: true });
    else {
      fs.mkdirSync(path.dirname(memoryFile), { recursive: true });
      fs.writeFileSync(memoryFile, JSON.stringify({ failedAtMs: Date.now(), reason: error }));
    }
  } catch {
    // A read-only node_modules only means the download is tried again next time.
  }
}

/** Builds and runs the desktop app, exiting with its exit code. */
function runElectron() {
  const child = spawn(process.execPath, [electronVite, 'preview'], { cwd: root, stdio: 'inherit' });
  forwardSignals(child);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Builds quietly (the log is shown only if the build fails), then serves and opens the app. */
function runBrowserMode() {
  console.log('Building the app…');
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    console.error(`The build failed (${build.error?.message ?? `exit code ${build.status}`}); see the messages above.`);
    process.exit(1);
  }
  const web = spawn(process.execPath, [path.join(root, 'out', 'main', 'web.js'), ...webArgs], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  forwardSignals(web);
  let pending = '';
  let opened = false;
  web.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    pending += chunk.toString();
    const match = /^Open (http:\/\/\S+)$/m.exec(pending);
    if (match && !opened) {
      opened = true;
      openInBrowser(match[1]);
      console.log('Press Ctrl+C to stop.');
    }
  });
  web.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Opens the URL where a browser exists; never fails the start when none does. */
function openInBrowser(url) {
  const opener = browserCommand(url, { platform: process.platform, env: process.env, exists: fs.existsSync });
  if (!opener) {
    console.log('Open that URL in a browser on this computer.');
    return;
  }
  const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: opener.verbatim ?? false });
  child.on('error', () => console.log('No browser could be opened: open that URL in a browser on this computer.'));
  child.unref();
}

/** Passes Ctrl+C / kill on to the child, which shuts down cleanly and decides the exit code. */
function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
}
