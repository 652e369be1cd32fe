// Two processes on one data folder: the live importer keeps its job; a stale lock is replaced.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
beforeEach(async () => {
  temp = makeTempDir();
  dataDir = path.join(temp.dir, 'data');
  // A job left 'running' in the database, as a live or a crashed importer would leave it.
  const core = await createCore({ dataDir, transport: 'cli' });
  core.db.prepare("INSERT INTO import_jobs (root_path, kind, state) VALUES ('/somewhere', 'folder', 'running')").run();
  await core.close();
});
afterEach(() => temp.cleanup());

describe('import lock', () => {
  it('leaves a job alone while another live process holds the lock, and refuses a second import', async () => {
    const other = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(dataDir, 'import.lock'), String(other.pid));
      const core = await createCore({ dataDir, transport: 'cli' });
      expect(core.imports.jobs()[0]!.state).toBe('running');
      await expect(core.call('import.start', { path: temp.dir })).rejects.toThrow(
        `Another Resume Studio process (pid ${other.pid}) is importing into this data folder`,
      );
      await core.close();
    } finally {
      other.kill();
    }
  });

  it('treats a lock left by a dead process as stale: the job becomes interrupted and a new import proceeds', async () => {
    const dead = spawnSync('true');
    fs.writeFileSync(path.join(dataDir, 'import.lock'), String(dead.pid));
    const core = await createCore({ dataDir, transport: 'cli' });
    expect(core.imports.jobs()[0]!.state).toBe('interrupted');
    fs.mkdirSync(path.join(temp.dir, 'empty-folder'));
    await core.call('import.start', { path: path.join(temp.dir, 'empty-folder') });
    expect(fs.readFileSync(path.join(dataDir, 'import.lock'), 'utf8')).toBe(String(process.pid));
    await core.imports.waitForIdle();
    expect(fs.existsSync(path.join(dataDir, 'import.lock'))).toBe(false);
    await core.close();
  });
});
