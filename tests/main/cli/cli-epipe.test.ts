// The real CLI process whose reader closes its stdout or stderr pipe early (`… 2>&1 | head -1`):
// the job stops cleanly (cancelled, resumable), the process exits and the import lock is released.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticResumeText } from '../../fixtures/resume-files';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
let temp: ReturnType<typeof makeTempDir>;
let bigFolder: string;
let smallFolder: string;

const makeFolder = (name: string, files: number) => {
  const folder = path.join(temp.dir, name, 'CHEF');
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 0; i < files; i++) fs.writeFileSync(path.join(folder, `cv-${i}.txt`), `${syntheticResumeText('CHEF', `Cook ${i}`)}\nReference ${i * 7919}`);
  return path.dirname(folder);
};

beforeAll(() => {
  temp = makeTempDir();
  // Enough files that the import is still running when the stderr pipe closes.
  bigFolder = makeFolder('big', 3000);
  // stdout is written only at the end, so a small import is enough there.
  smallFolder = makeFolder('small', 30);
});
afterAll(() => temp.cleanup());

/** Runs `import` and closes `which` pipe as soon as the first line of stderr arrives. */
async function importClosingPipe(which: 'stdout' | 'stderr', folder: string, dataDir: string) {
  const child = spawn(process.execPath, [path.join(root, 'bin/resume-studio.mjs'), 'import', folder, '--data-dir', dataDir, '--batch-size', '10'], {
    cwd: root,
    env: { ...process.env, RESUME_STUDIO_FROM_SOURCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderrText = '';
  child.stderr.once('data', (chunk: Buffer) => {
    stderrText += chunk.toString();
    // The reader goes away, as `head -1` does: the pipe's read end is closed.
    (which === 'stderr' ? child.stderr : child.stdout).destroy();
  });
  if (which === 'stdout') child.stderr.on('data', (chunk: Buffer) => (stderrText += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const code = await exited;
  clearTimeout(timer);
  const db = new Database(path.join(dataDir, 'studio.sqlite'), { readonly: true });
  const jobs = db.prepare('SELECT state, done_files AS doneFiles, total_files AS totalFiles FROM import_jobs').all() as {
    state: string;
    doneFiles: number;
    totalFiles: number;
  }[];
  const locks = db.prepare('SELECT COUNT(*) AS n FROM import_lock').get() as { n: number };
  db.close();
  return { code, signal: child.signalCode, jobs, locks: locks.n, stderrText };
}

describe('CLI with a reader that closes early', () => {
  it('stops the job and releases the lock when stderr closes', { timeout: 120_000 }, async () => {
    const result = await importClosingPipe('stderr', bigFolder, path.join(temp.dir, 'data-stderr'));
    expect(result.signal).toBeNull();
    expect(result.jobs).toHaveLength(1);
    expect(result.jobs[0]!.state).toBe('cancelled');
    expect(result.jobs[0]!.doneFiles).toBeLessThan(result.jobs[0]!.totalFiles);
    expect(result.locks).toBe(0);
    expect(result.code).toBe(1);
  });

  it('stops the job and releases the lock when stdout closes', { timeout: 120_000 }, async () => {
    const result = await importClosingPipe('stdout', smallFolder, path.join(temp.dir, 'data-stdout'));
    expect(result.signal).toBeNull();
    expect(result.jobs).toHaveLength(1);
    expect(result.jobs[0]!.state).not.toBe('running');
    expect(result.locks).toBe(0);
    // Progress kept going to the open stderr until the end.
    expect(result.stderrText).toContain('files');
  });
});
