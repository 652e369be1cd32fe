// One training at a time per data folder, across processes: while another process trains, a
// start is refused with a sentence naming it (before, both ran and whichever finished last became
// the active model); once it is done, training starts. A real second process, a real SQLite file.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { writeLabelledFolder } from '../../helpers/labelled-folder';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;

beforeAll(async () => {
  temp = makeTempDir();
  const folder = writeLabelledFolder(temp.dir, { perClass: 12, categories: 3 });
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli' });
  await core.call('import.start', { path: folder });
  await core.imports.waitForIdle();
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('training across processes', () => {
  it('refuses to start while another process trains in the same data folder, and starts once it is done', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'training-contender.ts'), core.databasePath]);
    const closed = new Promise((resolve) => child.on('close', resolve));
    const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    try {
      const first = (await lines.next()).value as string;
      expect(first).toMatch(/^training \d+$/);
      await expect(core.call('training.start', {})).rejects.toThrow(
        new RegExp(
          `^Another Resume Studio process \\(pid ${child.pid}\\) is training in this data folder \\(run ${first.split(' ')[1]}, since .*\\); one training runs at a time`,
        ),
      );
      expect((await core.call('training.runs', {})).filter((r) => r.state === 'running')).toHaveLength(1);
    } finally {
      child.stdin.end('exit\n');
      await closed;
    }
    const { runId } = await core.call('training.start', {});
    expect(runId).toBeGreaterThan(0);
    core.training.cancel();
  });
});
