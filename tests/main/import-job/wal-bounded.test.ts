// Issue 22 item 4: during a table import the WAL grew without bound (a 191 MB CSV left a 1.5 GB
// -wal), because the background checkpointer never caught up with back-to-back batches and so the
// log never started over. With a small limit, the WAL stays near it for the whole import. Real
// core, real SQLite file, real checkpoint worker; a generated CSV of seeded random words.
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import { createRng } from '../../../ml/random';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.cleanup());

const words = ['managed', 'budget', 'team', 'python', 'customer', 'sales', 'nursing', 'kitchen', 'audit', 'design', 'teaching', 'logistics', 'ward'];

/** About `megabytes` of distinct ~2 KB rows; returns the row count. */
async function writeCsv(file: string, megabytes: number): Promise<number> {
  const rng = createRng(22);
  const out = fs.createWriteStream(file);
  out.write('category,text\n');
  let bytes = 0;
  let rows = 0;
  while (bytes < megabytes * 1024 * 1024) {
    const parts = [`Candidate ${rows}.`];
    for (let length = 0; length < 2000; length += 8) parts.push(words[rng.int(words.length)]!);
    const line = `${['Nurse', 'Chef', 'Teacher'][rows % 3]},"${parts.join(' ')}"\n`;
    bytes += line.length;
    rows++;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

describe('a table import keeps the WAL bounded', () => {
  it('the -wal stays near its limit while ~12 MB of rows are written', async () => {
    const csv = path.join(temp.dir, 'rows.csv');
    const rows = await writeCsv(csv, 12);
    const dataDir = path.join(temp.dir, 'data');
    const walLimitBytes = 2 * 1024 * 1024;
    const core = await createCore({ dataDir, transport: 'cli', sampleDir: null, importOptions: { walLimitBytes } });
    const wal = path.join(dataDir, 'studio.sqlite-wal');
    let peakWalBytes = 0;
    const sample = () => {
      if (fs.existsSync(wal)) peakWalBytes = Math.max(peakWalBytes, fs.statSync(wal).size);
    };
    // Sampled at every progress event (after each batch) as well as on a timer.
    const unsubscribe = core.events.subscribe((event) => event.name === 'import.progressed' && sample());
    const timer = setInterval(sample, 20);
    try {
      await core.call('import.start', { path: csv });
      const job = (await core.imports.waitForIdle())!;
      expect(job.state).toBe('finished');
      expect(job.counts.imported).toBe(rows);
    } finally {
      clearInterval(timer);
      unsubscribe();
      await core.close();
    }
    // Unbounded, the same import leaves a -wal of several times the CSV (over 30 MB here).
    expect(peakWalBytes).toBeGreaterThan(0);
    expect(peakWalBytes).toBeLessThan(4 * walLimitBytes);
  });
});
