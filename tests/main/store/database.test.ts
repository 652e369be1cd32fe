import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../main/store/database';
import { DatabaseDamagedError } from '../../../main/store/integrity';
import { migrations, type Migration } from '../../../main/store/migrations';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.cleanup());

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('openDatabase', () => {
  it('creates a fresh database at the latest schema with WAL and foreign keys', async () => {
    const db = await openDatabase(path.join(temp.dir, 'a.sqlite'));
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(tables(db)).toEqual(expect.arrayContaining(['categories', 'documents', 'import_jobs', 'training_runs', 'models', 'predictions', 'settings']));
    db.close();
  });

  it('enforces foreign keys', async () => {
    const db = await openDatabase(path.join(temp.dir, 'fk.sqlite'));
    // An item of an import job that does not exist.
    expect(() =>
      db.prepare("INSERT INTO import_items (import_job_id, rel_path, display_name, status, reason) VALUES (999, 'a', 'a', 'empty', 'x')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it byte-identical', async () => {
    const file = path.join(temp.dir, 'newer.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE future_table (x INTEGER); INSERT INTO future_table VALUES (1);');
    future.pragma('user_version = 99');
    future.close();
    const before = fs.readFileSync(file);
    await expect(openDatabase(file)).rejects.toThrow(/newer version of Resume Studio \(schema 99/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(temp.dir)).toEqual(['newer.sqlite']);
  });

  it('backs up before migrating and rolls a failed migration back, keeping the previous schema', async () => {
    const file = path.join(temp.dir, 'mig.sqlite');
    const v1: Migration[] = [{ version: 1, name: 'one', up: 'CREATE TABLE one (id INTEGER PRIMARY KEY, note TEXT); ' }];
    const first = await openDatabase(file, { migrations: v1 });
    first.prepare("INSERT INTO one (note) VALUES ('kept')").run();
    first.close();

    const broken: Migration[] = [
      ...v1,
      { version: 2, name: 'two', up: 'CREATE TABLE two (id INTEGER); ALTER TABLE one ADD COLUMN extra TEXT;' },
      { version: 3, name: 'three (broken)', up: 'CREATE TABLE three (id INTEGER); INSERT INTO no_such_table VALUES (1);' },
    ];
    await expect(openDatabase(file, { migrations: broken, now: () => new Date('2026-01-02T03:04:05Z') })).rejects.toThrow(
      /Migration 3 \(three \(broken\)\) failed and was rolled back; the database stays at schema 2/,
    );

    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(check)).toEqual(['one', 'two']);
    expect(check.prepare('SELECT note FROM one').get()).toEqual({ note: 'kept' });
    check.close();

    const backups = fs.readdirSync(temp.dir).filter((name) => name.endsWith('.bak'));
    expect(backups).toEqual(['mig.sqlite.v1.2026-01-02T03-04-05-000Z.bak']);
    const backup = new Database(path.join(temp.dir, backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT note FROM one').get()).toEqual({ note: 'kept' });
    backup.close();
  });

  it('refuses a file that is not a database as damaged, naming it, and leaves it untouched', async () => {
    const file = path.join(temp.dir, 'junk.sqlite');
    fs.writeFileSync(file, 'this is a text file, not SQLite '.repeat(100));
    const before = fs.readFileSync(file);
    // A header that is not SQLite's is damage like any other: the restore path takes it from here.
    const failure = await openDatabase(file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseDamagedError);
    expect((failure as Error).message).toMatch(/The database .*junk\.sqlite is damaged \(.*file is not a database\)\. It was left exactly as it is/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('does not back up or migrate when already current', async () => {
    const file = path.join(temp.dir, 'cur.sqlite');
    (await openDatabase(file)).close();
    (await openDatabase(file)).close();
    expect(fs.readdirSync(temp.dir).filter((n) => n.endsWith('.bak'))).toEqual([]);
  });
});
