// A database with corrupt interior pages is refused at start, untouched, with the newest backup
// named; retried migrations keep only the newest few backups. Generated databases only.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import { openDatabase } from '../../../main/store/database';
import { DatabaseDamagedError, checkIntegrity } from '../../../main/store/integrity';
import type { Migration } from '../../../main/store/migrations';
import { addDocuments, corruptInteriorPages, corruptTextHashIndex } from '../../helpers/damaged-database';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.cleanup());

/** A real store with enough documents that their table has interior b-tree pages. */
const makeStore = (file: string, documents = 3000) => addDocuments(file, documents);

describe('integrity check at start', () => {
  it('refuses a database with corrupt interior pages, leaves it byte-identical and names the newest backup', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const file = path.join(dataDir, 'studio.sqlite');
    await makeStore(file);
    // Two backups, as migrations leave them; the newer one must be named.
    const older = `${file}.v1.2026-01-01T00-00-00-000Z.bak`;
    const newer = `${file}.v2.2026-02-01T00-00-00-000Z.bak`;
    fs.copyFileSync(file, older);
    fs.copyFileSync(file, newer);
    fs.utimesSync(older, new Date('2026-01-01'), new Date('2026-01-01'));
    expect(corruptInteriorPages(file).length).toBeGreaterThan(0);
    const before = fs.readFileSync(file);
    const listing = fs.readdirSync(dataDir).sort();

    const failure = await openDatabase(file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseDamagedError);
    const damaged = failure as DatabaseDamagedError;
    expect(damaged).toMatchObject({ kind: 'database_damaged', code: 'failed', databasePath: file, backup: { path: newer } });
    expect(damaged.problems.length).toBeGreaterThan(0);
    expect(damaged.message).toMatch(/^The database .*studio\.sqlite is damaged \(SQLite's integrity check says: .+\)\. It was left exactly as it is/);
    expect(damaged.message).toContain(`The newest intact backup is ${newer}`);
    expect(damaged.message).toContain(`resume-studio restore --data-dir "${dataDir}"`);
    // Through the composition root too: nothing opens, nothing is written.
    await expect(createCore({ dataDir, transport: 'cli' })).rejects.toThrow(DatabaseDamagedError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).sort()).toEqual(listing);
    expect(checkIntegrity(newer).ok).toBe(true);
  });

  it('says there is no backup when there is none', async () => {
    const file = path.join(temp.dir, 'solo.sqlite');
    await makeStore(file);
    corruptInteriorPages(file);
    await expect(openDatabase(file)).rejects.toThrow(/There is no intact backup next to it: .*resume-studio restore --empty --data-dir/);
  });

  it('passes a healthy database', async () => {
    const file = path.join(temp.dir, 'fine.sqlite');
    await makeStore(file, 200);
    expect(checkIntegrity(file)).toMatchObject({ ok: true, problems: [] });
    (await openDatabase(file)).close();
  });
});

describe('backups left by migrations', () => {
  it('keeps only the newest three when a failing migration is retried again and again', async () => {
    const file = path.join(temp.dir, 'mig.sqlite');
    const v1: Migration[] = [{ version: 1, name: 'one', up: 'CREATE TABLE one (id INTEGER PRIMARY KEY);' }];
    (await openDatabase(file, { migrations: v1 })).close();
    const broken: Migration[] = [...v1, { version: 2, name: 'two (broken)', up: 'INSERT INTO no_such_table VALUES (1);' }];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const now = () => new Date(Date.UTC(2026, 0, attempt));
      await expect(openDatabase(file, { migrations: broken, now })).rejects.toThrow(/Migration 2/);
      // Distinct modification times, in the order the tries happened.
      const made = `${file}.v1.${now().toISOString().replace(/[:.]/g, '-')}.bak`;
      fs.utimesSync(made, now(), now());
    }
    expect(
      fs
        .readdirSync(temp.dir)
        .filter((name) => name.endsWith('.bak'))
        .sort(),
    ).toEqual(['mig.sqlite.v1.2026-01-03T00-00-00-000Z.bak', 'mig.sqlite.v1.2026-01-04T00-00-00-000Z.bak', 'mig.sqlite.v1.2026-01-05T00-00-00-000Z.bak']);
  });
});

describe('an index that disagrees with its table (issue 22 item 11)', () => {
  it('is refused at start, though quick_check passes it (the app then stored a duplicate text)', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const file = path.join(dataDir, 'studio.sqlite');
    await makeStore(file);
    corruptTextHashIndex(file);
    // The damage quick_check cannot see: the pages are well-formed.
    const probe = new Database(file, { readonly: true });
    expect(probe.pragma('quick_check', { simple: true })).toBe('ok');
    probe.close();
    for (const companion of ['-wal', '-shm']) fs.rmSync(`${file}${companion}`, { force: true });
    const before = fs.readFileSync(file);

    const failure = await openDatabase(file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseDamagedError);
    expect((failure as DatabaseDamagedError).problems.join('\n')).toMatch(/index documents_text_hash/);
    expect((failure as DatabaseDamagedError).message).toMatch(
      /is damaged \(SQLite's integrity check says: .*index documents_text_hash.*\)\. It was left exactly as it is/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
