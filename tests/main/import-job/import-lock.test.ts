// Processes on one data folder: the live importer keeps its job; a stale lock (owner gone, or its
// pid reused by an unrelated program) is taken over; concurrent starters never both win.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import { createImportLock } from '../../../main/import/import-lock';
import { processStartTime } from '../../../main/import/process-identity';
import { openDatabase } from '../../../main/store/database';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let databasePath: string;
beforeEach(async () => {
  temp = makeTempDir();
  dataDir = path.join(temp.dir, 'data');
  // A job left 'running' in the database, as a live or a crashed importer would leave it.
  const core = await createCore({ dataDir, transport: 'cli' });
  databasePath = core.databasePath;
  core.db.prepare("INSERT INTO import_jobs (root_path, kind, state) VALUES ('/somewhere', 'folder', 'running')").run();
  await core.close();
});
afterEach(() => temp.cleanup());

/** Writes the lock row as another process would have: its pid and the start time it recorded. */
async function writeLock(pid: number, startTime: string | null) {
  const db = await openDatabase(databasePath);
  db.prepare("INSERT OR REPLACE INTO import_lock (id, pid, start_time, host_name, acquired_at) VALUES (1, ?, ?, ?, '2026-01-01T00:00:00Z')").run(
    pid,
    startTime,
    (await import('node:os')).hostname(),
  );
  db.close();
}

const emptyFolder = () => {
  const folder = path.join(temp.dir, 'empty-folder');
  fs.mkdirSync(folder, { recursive: true });
  return folder;
};

describe('import lock', () => {
  it('leaves a job alone while another live importer holds the lock, and refuses a second import', async () => {
    const other = spawn('sleep', ['30']);
    try {
      await writeLock(other.pid!, processStartTime(other.pid!));
      const core = await createCore({ dataDir, transport: 'cli' });
      expect(core.imports.jobs()[0]!.state).toBe('running');
      await expect(core.call('import.start', { path: emptyFolder() })).rejects.toThrow(
        `Another Resume Studio process (pid ${other.pid}, since 2026-01-01T00:00:00Z) is importing into this data folder`,
      );
      await core.close();
    } finally {
      other.kill();
    }
  });

  it('treats a lock left by a dead process as stale: the job becomes interrupted and a new import proceeds', async () => {
    const dead = spawnSync('true');
    await writeLock(dead.pid, '1');
    const core = await createCore({ dataDir, transport: 'cli' });
    expect(core.imports.jobs()[0]!.state).toBe('interrupted');
    await core.call('import.start', { path: emptyFolder() });
    expect(core.db.prepare('SELECT pid FROM import_lock').get()).toEqual({ pid: process.pid });
    await core.imports.waitForIdle();
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM import_lock').get()).toEqual({ n: 0 });
    await core.close();
  });

  it('takes over, with a sentence, a lock whose pid now belongs to an unrelated live program', async () => {
    const unrelated = spawn('sleep', ['30']);
    try {
      // The lock's owner started at another time than the program now running under its pid.
      const realStart = processStartTime(unrelated.pid!)!;
      await writeLock(unrelated.pid!, String(Number(realStart) - 1));
      const core = await createCore({ dataDir, transport: 'cli' });
      expect(core.imports.jobs()[0]!.state).toBe('interrupted');
      const lock = createImportLock(core.db);
      expect(lock.isHeldByOther()).toBe(false);
      expect(lock.acquire()).toBe(
        `The import lock named process ${unrelated.pid}, but that id now belongs to another program started later, so the lock was stale and was taken over.`,
      );
      lock.release();
      await core.close();
    } finally {
      unrelated.kill();
    }
  });

  it('lets exactly one of many processes starting together win, round after round', { timeout: 120_000 }, async () => {
    const contenders: { child: ChildProcessWithoutNullStreams; next: () => Promise<string> }[] = [];
    for (let i = 0; i < 8; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'lock-contender.ts'), databasePath]);
      const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      contenders.push({ child, next: async () => (await lines.next()).value as string });
    }
    try {
      for (const c of contenders) expect(await c.next()).toBe('ready');
      for (let round = 0; round < 20; round++) {
        // Every contender tries at the same instant; each answers after one attempt. A contender
        // that hears of the instant late (a busy machine) tries at once: still exactly one winner.
        const atMs = Date.now() + 150;
        for (const c of contenders) c.child.stdin.write(`acquire ${atMs}\n`);
        const answers = await Promise.all(contenders.map((c) => c.next()));
        expect(
          answers.filter((a) => a === 'won'),
          answers.join('\n'),
        ).toHaveLength(1);
        expect(answers.filter((a) => a.startsWith('lost Another Resume Studio process'))).toHaveLength(contenders.length - 1);
        for (const c of contenders) c.child.stdin.write('release\n');
        for (const c of contenders) expect(await c.next()).toBe('released');
      }
    } finally {
      for (const c of contenders) c.child.stdin.end('exit\n');
    }
  });
});
