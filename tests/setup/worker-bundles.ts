/**
 * vitest global setup: bundles every worker entry (main/**\/*-worker.ts and the test-only
 * tests/workers/*-worker.ts) once per run with esbuild, and names the folder in
 * RESUME_STUDIO_WORKER_BUNDLES, which main/workers/spawn.ts prefers over compiling the sources
 * through tsx in each new thread. The suite starts a few hundred workers; from source each costs
 * ~0.6 s of CPU, bundled ~0.2 s. The bundles are built from the sources as they are when the run
 * starts, so they test exactly the code under test; watch mode keeps the sources (they change
 * under a running session).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '../..');
// One folder per run: worktrees of this repository may share one node_modules (a symlink), and a
// run that emptied a shared folder broke another worktree's run in the middle (its workers were
// gone, or came from that worktree's sources). Inside node_modules so the bundles find their packages.
const outDir = path.join(root, 'node_modules/.cache/resume-studio', `test-workers-${process.pid}`);

/** Every `*-worker.ts` under `dir`, keyed by its bundled name (the file name without `.ts`). */
function workerEntries(dir: string, found: Record<string, string> = {}): Record<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) workerEntries(full, found);
    else if (entry.name.endsWith('-worker.ts')) found[path.basename(entry.name, '.ts')] = full;
  }
  return found;
}

/** Bundles every worker entry into `dir` (emptied first), as ES modules beside node_modules' packages. */
export async function buildWorkerBundles(dir: string): Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // The bundles are ES modules, like out/main's.
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  await build({
    entryPoints: { ...workerEntries(path.join(root, 'main')), ...workerEntries(path.join(root, 'tests/workers')) },
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as in the app's own bundle; only our code is bundled.
    packages: 'external',
    logLevel: 'warning',
  });
}

/**
 * The benchmarks' workers: bundled like the app's (a folder per process), so a figure is the app's
 * and not tsx compiling each thread's sources with its own loader thread beside it (on the PDF
 * import that was 0.6 s of CPU per worker and ~600 MB of peak RSS). A folder already named in
 * RESUME_STUDIO_WORKER_BUNDLES is kept. Returns how the workers run, for the bench's header.
 */
export async function useBundledWorkers(): Promise<string> {
  if (process.env.RESUME_STUDIO_WORKER_BUNDLES) return `workers: bundled (${process.env.RESUME_STUDIO_WORKER_BUNDLES})`;
  const dir = path.join(root, 'node_modules/.cache/resume-studio', `bench-workers-${process.pid}`);
  await buildWorkerBundles(dir);
  process.env.RESUME_STUDIO_WORKER_BUNDLES = dir;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return 'workers: bundled from the sources as the app runs them';
}

/**
 * A benchmark's measured child process, bundled like the app's main process into the folder
 * `useBundledWorkers` made: run with plain `node`, its peak RSS holds no tsx loader thread and none
 * of tsx's compiled sources, which the app does not carry either. Returns the bundle's path.
 */
export async function bundleBenchChild(entry: string): Promise<string> {
  const dir = process.env.RESUME_STUDIO_WORKER_BUNDLES;
  if (!dir) throw new Error('Call useBundledWorkers() before bundleBenchChild().');
  const outfile = path.join(dir, `${path.basename(entry, '.ts')}-child.js`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}

/** Builds the bundles and points spawned workers at them (test forks inherit the environment). */
export default async function setup(project: TestProject): Promise<(() => void) | void> {
  if (project.config.watch) return;
  await buildWorkerBundles(outDir);
  process.env.RESUME_STUDIO_WORKER_BUNDLES = outDir;
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
