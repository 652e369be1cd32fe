// Background WAL checkpoints over a real SQLite file and a real worker thread.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { automaticCheckpointPages, openDatabase, type Db } from '../../../main/store/database';
import { startBackgroundCheckpoints } from '../../../main/store/wal-checkpointer';
import { eventually } from '../../helpers/eventually';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let db: Db;
beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'studio.sqlite');
  db = await openDatabase(file);
  db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const autocheckpoint = () => db.pragma('wal_autocheckpoint', { simple: true });

/**
 * 30 transactions of ~500 KB, as an import writes its batches, each followed by `pause` (which
 * resolves when the next batch may go); returns the largest WAL seen.
 */
async function writeBatches(pause: () => Promise<void>): Promise<number> {
  const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
  let largestWalBytes = 0;
  for (let batch = 0; batch < 30; batch++) {
    db.transaction(() => {
      for (let row = 0; row < 50; row++) insert.run(`${batch}-${row}-`.padEnd(10_000, 'x'));
    })();
    largestWalBytes = Math.max(largestWalBytes, fs.statSync(`${file}-wal`).size);
    await pause();
  }
  return largestWalBytes;
}

/** Counts the worker's checkpoints; `next()` resolves at the next one (an event, not a wait). */
function checkpointCounter() {
  let waiting: (() => void) | null = null;
  return {
    onCheckpointed: () => {
      waiting?.();
      waiting = null;
    },
    next: () => new Promise<void>((resolve) => (waiting = resolve)),
  };
}

describe('startBackgroundCheckpoints', () => {
  it('keeps the WAL small from a worker while the main connection does not checkpoint, then restores automatic checkpoints', async () => {
    const counter = checkpointCounter();
    const checkpoints = startBackgroundCheckpoints(db, file, { intervalMs: 30, onCheckpointed: counter.onCheckpointed });
    expect(autocheckpoint()).toBe(0);
    await checkpoints.started;
    expect(autocheckpoint()).toBe(0);
    // Each batch waits for the worker's next checkpoint, as an import's batches are spaced by
    // parsing: the WAL stays near one batch however slowly the machine schedules the worker.
    const largestWalBytes = await writeBatches(counter.next);
    await checkpoints.stop();
    expect(autocheckpoint()).toBe(automaticCheckpointPages);
    expect(largestWalBytes).toBeLessThan(6 * 1024 * 1024);
  });

  it('control: with automatic checkpoints off and no worker the same writes grow the WAL past 14 MB', async () => {
    db.pragma('wal_autocheckpoint = 0');
    expect(await writeBatches(async () => undefined)).toBeGreaterThan(14 * 1024 * 1024);
  });

  it('a worker that cannot run gives checkpoints back to the main connection at once', async () => {
    const checkpoints = startBackgroundCheckpoints(db, path.join(temp.dir, 'missing.sqlite'), { intervalMs: 30 });
    // The worker starts, fails to open the file, and the main connection takes checkpoints back.
    await eventually(() => expect(autocheckpoint()).toBe(automaticCheckpointPages));
    await checkpoints.stop();
    expect(autocheckpoint()).toBe(automaticCheckpointPages);
  });
});
