/**
 * better-sqlite3 is built for Node's ABI by `npm ci` (vitest needs that). Electron has its own
 * ABI, so for the smoke tests run.mjs swaps in an Electron-ABI build and restores the Node one
 * afterwards. The Electron build is made once in a scratch copy (never in place) with
 * @electron/rebuild (prebuilt download or node-gyp: needs the network) and cached in
 * node_modules/.cache. Packaging does its own rebuild (electron-builder npmRebuild). Used by run.mjs only.
 */
import fs from 'node:fs';
import path from 'node:path';

const moduleName = 'better-sqlite3';
const binaryRelative = path.join('build', 'Release', 'better_sqlite3.node');

/** Builds (or reuses) the Electron-ABI binary and returns its cached path. */
export async function electronAbiBinary(root, electronVersion) {
  const cacheRoot = path.join(root, 'node_modules', '.cache', 'resume-studio');
  const cached = path.join(cacheRoot, `${moduleName}-electron-${electronVersion}-${process.platform}-${process.arch}.node`);
  if (fs.existsSync(cached)) return cached;

  // Inside node_modules so the copy still resolves bindings / prebuild-install / node-gyp upward.
  const scratch = path.join(cacheRoot, 'rebuild');
  fs.rmSync(scratch, { recursive: true, force: true });
  const copy = path.join(scratch, 'node_modules', moduleName);
  fs.cpSync(path.join(root, 'node_modules', moduleName), copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  const version = JSON.parse(fs.readFileSync(path.join(copy, 'package.json'), 'utf8')).version;
  fs.writeFileSync(
    path.join(scratch, 'package.json'),
    JSON.stringify({ name: 'electron-abi-scratch', private: true, dependencies: { [moduleName]: version } }),
  );

  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: scratch, electronVersion, onlyModules: [moduleName], force: true });
  fs.mkdirSync(cacheRoot, { recursive: true });
  fs.copyFileSync(path.join(copy, binaryRelative), cached);
  fs.rmSync(scratch, { recursive: true, force: true });
  return cached;
}

/** Puts the Electron-ABI binary in place; the returned function restores the Node one. */
export function swapInBinary(root, electronBinary) {
  const target = path.join(root, 'node_modules', moduleName, binaryRelative);
  const backup = `${target}.node-abi-backup`;
  // A backup left by an interrupted run is the Node build: keep it, do not overwrite it.
  if (!fs.existsSync(backup)) fs.copyFileSync(target, backup);
  fs.copyFileSync(electronBinary, target);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    fs.copyFileSync(backup, target);
    fs.rmSync(backup, { force: true });
  };
}
