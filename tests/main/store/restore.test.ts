// The way back from a damaged database, over real SQLite files damaged on purpose: the newest
// intact backup comes in, the damaged file (and its WAL) is kept aside, and the store opens with
// the backup's data. Generated databases only.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import { DatabaseDamagedError, checkIntegrity } from '../../../main/store/integrity';
import { asideName, isDamaged, restoreDatabase } from '../../../main/store/restore';
import { addDocuments, backUp, corruptInteriorPages, countDocuments } from '../../helpers/damaged-database';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  dataDir = path.join(temp.dir, 'data');
  file = path.join(dataDir, 'studio.sqlite');
});
afterEach(() => temp.cleanup());

const restoredAt = new Date('2026-11-30T10:00:00.000Z');

/** A WAL file from a live connection that wrote `rows` more documents, as a crash would leave it. */
async function staleWal(rows: number): Promise<Buffer> {
  const scratch = path.join(temp.dir, 'scratch.sqlite');
  await addDocuments(scratch, 3000);
  const db = new Database(scratch);
  db.pragma('wal_autocheckpoint = 0');
  const insert = db.prepare('INSERT INTO documents (file_name, text, text_hash) VALUES (?, ?, ?)');
  for (let i = 0; i < rows; i++) insert.run(`late-${i}.txt`, 'late', `late-${i}`);
  const wal = fs.readFileSync(`${scratch}-wal`);
  db.close();
  return wal;
}

describe('restoring a damaged database', () => {
  it('brings in the newest intact backup, keeps the damaged file and its WAL aside, and the app opens on the backup’s data', async () => {
    await addDocuments(file, 3000);
    const older = backUp(file, new Date('2026-10-01T00:00:00Z'));
    await addDocuments(file, 200, 3000);
    const newest = backUp(file, new Date('2026-11-01T00:00:00Z'), 2);
    await addDocuments(file, 300, 3200);
    expect(corruptInteriorPages(file).length).toBeGreaterThan(0);
    // A WAL left by a crash would be replayed over whatever file sits at this path.
    const wal = await staleWal(50);
    fs.writeFileSync(`${file}-wal`, wal);
    const damagedBytes = fs.readFileSync(file);

    const refused = await createCore({ dataDir, transport: 'cli' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DatabaseDamagedError);
    expect((refused as DatabaseDamagedError).backup?.path).toBe(newest);

    const outcome = restoreDatabase(file, 'backup', () => restoredAt);
    const aside = asideName(file, restoredAt);
    expect(outcome).toEqual({ restoredFrom: newest, keptAsidePaths: [aside, `${aside}-wal`] });
    expect(fs.readFileSync(aside).equals(damagedBytes)).toBe(true);
    expect(fs.readFileSync(`${aside}-wal`).equals(wal)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(newest) && fs.existsSync(older)).toBe(true);

    const core = await createCore({ dataDir, transport: 'cli' });
    try {
      expect((await core.call('dataset.summary', {})).documents).toBe(3200);
    } finally {
      await core.close();
    }
    expect(checkIntegrity(file).ok).toBe(true);
  });

  it('skips a newer backup that is itself damaged and takes the older intact one', async () => {
    await addDocuments(file, 3000);
    const intact = backUp(file, new Date('2026-10-01T00:00:00Z'));
    await addDocuments(file, 100, 3000);
    const broken = backUp(file, new Date('2026-11-01T00:00:00Z'), 2);
    corruptInteriorPages(broken);
    corruptInteriorPages(file);

    const refused = (await createCore({ dataDir, transport: 'cli' }).catch((error: unknown) => error)) as DatabaseDamagedError;
    expect(refused.backup?.path).toBe(intact);
    expect(restoreDatabase(file, 'backup', () => restoredAt).restoredFrom).toBe(intact);
    expect(countDocuments(file)).toBe(3000);
  });

  it('without an intact backup, refuses "backup" and changes nothing; "empty" keeps the damaged file and starts empty', async () => {
    await addDocuments(file, 3000);
    corruptInteriorPages(file);
    const before = fs.readFileSync(file);
    expect(() => restoreDatabase(file, 'backup')).toThrow(/There is no intact backup next to .*studio\.sqlite/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('corrupt'))).toEqual([]);

    const outcome = restoreDatabase(file, 'empty', () => restoredAt);
    expect(outcome).toEqual({ restoredFrom: null, keptAsidePaths: [asideName(file, restoredAt)] });
    expect(fs.readFileSync(asideName(file, restoredAt)).equals(before)).toBe(true);
    const core = await createCore({ dataDir, transport: 'cli' });
    try {
      expect((await core.call('dataset.summary', {})).documents).toBe(0);
    } finally {
      await core.close();
    }
  });

  it('treats a file whose header is not SQLite’s as damaged and restores over it', async () => {
    await addDocuments(file, 50);
    backUp(file, new Date('2026-10-01T00:00:00Z'));
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0x42), 0, 100, 0);
    fs.closeSync(fd);
    expect(isDamaged(file)).toBe(true);
    await expect(createCore({ dataDir, transport: 'cli' })).rejects.toBeInstanceOf(DatabaseDamagedError);
    restoreDatabase(file, 'backup', () => restoredAt);
    expect(countDocuments(file)).toBe(50);
    expect(fs.existsSync(asideName(file, restoredAt))).toBe(true);
  });

  it('refuses to restore over a healthy database, which would lose everything since the backup', async () => {
    await addDocuments(file, 10);
    backUp(file, new Date('2026-10-01T00:00:00Z'));
    await addDocuments(file, 5, 10);
    expect(() => restoreDatabase(file, 'backup')).toThrow(/passed its integrity check; there is nothing to restore/);
    expect(countDocuments(file)).toBe(15);
  });
});
