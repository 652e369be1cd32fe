/**
 * Starts a worker thread from the right file in both ways the app runs: bundled (every worker
 * entry sits flat in out/main next to the main entry, e.g. out/main/parse-worker.js) or from
 * source under vitest / tsx (the .ts file, compiled on the fly by tsx). A source run may name a
 * folder of prebuilt worker bundles in RESUME_STUDIO_WORKER_BUNDLES (the unit tests build one per
 * run: tests/setup/worker-bundles.ts). Plain Node; used by the parse pool, the task runner
 * (run-task.ts) and test-only workers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker entry: its bundled file name and its source path relative to main/. */
export interface WorkerEntry {
  /** File name of the bundled entry without extension, e.g. "parse-worker". */
  bundledName: string;
  /** Source file relative to main/, e.g. "parsing/parse-worker.ts", or absolute (test-only entries under tests/). */
  sourcePath: string;
}

/** How the worker file was found: the bundled JS, or the TypeScript source run through tsx. */
export type WorkerLocation = { mode: 'bundled'; filePath: string } | { mode: 'source'; filePath: string };

const thisFile = fileURLToPath(import.meta.url);

/** True when this module runs as TypeScript source (vitest, tsx), false inside the bundle. */
export const isRunningFromSource = (): boolean => thisFile.endsWith('.ts');

/**
 * Finds the file to start for `entry`; `moduleFile` and `prebuiltDir` are overridable for tests.
 * From source, a prebuilt bundle of the entry wins over the .ts file: tsx compiles a worker's
 * whole import graph in every new thread (~0.6 s of CPU against ~0.2 s for the bundle), and the
 * unit tests start a few hundred workers.
 */
export function locateWorker(entry: WorkerEntry, moduleFile = thisFile, prebuiltDir = process.env.RESUME_STUDIO_WORKER_BUNDLES): WorkerLocation {
  const here = path.dirname(moduleFile);
  if (moduleFile.endsWith('.ts')) {
    const prebuilt = prebuiltDir ? path.join(prebuiltDir, `${entry.bundledName}.js`) : undefined;
    if (prebuilt && existsSync(prebuilt)) return { mode: 'bundled', filePath: prebuilt };
    // This file is main/workers/spawn.ts, so main/ is one level up.
    return { mode: 'source', filePath: path.resolve(here, '..', entry.sourcePath) };
  }
  // The bundler may have put this module in the entry itself or in a shared chunk one folder down.
  const candidates = [path.join(here, `${entry.bundledName}.js`), path.join(here, '..', `${entry.bundledName}.js`)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Worker entry ${entry.bundledName}.js was not found next to the app (looked in ${candidates.join(', ')}).`);
  return { mode: 'bundled', filePath: found };
}

/**
 * Path of tsx's ESM API. require.resolve would pick the CommonJS build, whose register() cannot
 * load tsx's ESM hooks, so the "import" condition of tsx's exports map is read directly.
 */
function resolveTsxEsmApi(): string {
  const packageJsonPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { exports?: Record<string, unknown> };
  const entry = manifest.exports?.['./esm/api'] as { import?: string | { default?: string } } | undefined;
  const relative = typeof entry?.import === 'string' ? entry.import : entry?.import?.default;
  if (!relative) throw new Error('tsx does not export ./esm/api; it is needed to run workers from source.');
  return path.join(path.dirname(packageJsonPath), relative);
}

/**
 * Source mode bootstrap. `execArgv: ['--import', 'tsx']` does not reach a worker's own entry on
 * Node 20 (ERR_UNKNOWN_FILE_EXTENSION), so an eval'd module registers tsx first, then imports
 * the .ts entry.
 */
function sourceBootstrap(filePath: string): string {
  const tsxApi = pathToFileURL(resolveTsxEsmApi()).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(filePath).href)}); });`;
}

/** Starts `entry` as a worker thread with `options` (workerData, resourceLimits, ...). */
export function spawnWorker(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  const location = locateWorker(entry);
  if (location.mode === 'bundled') return new Worker(location.filePath, options);
  return new Worker(sourceBootstrap(location.filePath), { ...options, eval: true });
}
