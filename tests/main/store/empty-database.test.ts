// A zero-length studio.sqlite (a disk that filled as it was created, a copy cut short) used to open
// as a new, empty studio with no word. It is kept aside and the user is told, through
// app.databaseHealth and stderr. Generated files only.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../main/core/core';
import { openDatabase } from '../../../main/store/database';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.cleanup());

describe('a zero-length database file', () => {
  it('is kept aside and the opening says so in a sentence', async () => {
    const file = path.join(temp.dir, 'studio.sqlite');
    fs.writeFileSync(file, '');
    const notices: string[] = [];
    const db = await openDatabase(file, { onNotice: (s) => notices.push(s), now: () => new Date('2024-01-02T03:04:05Z') });
    db.close();
    const aside = `${file}.empty-2024-01-02T03-04-05-000Z`;
    expect(notices).toEqual([
      `The database ${file} was an empty file (0 bytes), so it held no resumes; it was kept aside as ${aside} and a new, empty database was created in its place.`,
    ]);
    expect(fs.statSync(aside).size).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });

  it('a new file and a healthy one open without a notice', async () => {
    const file = path.join(temp.dir, 'studio.sqlite');
    const notices: string[] = [];
    (await openDatabase(file, { onNotice: (s) => notices.push(s) })).close();
    (await openDatabase(file, { onNotice: (s) => notices.push(s) })).close();
    expect(notices).toEqual([]);
  });

  it('the app hears it from app.databaseHealth, a terminal on stderr', async () => {
    fs.writeFileSync(path.join(temp.dir, 'studio.sqlite'), '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const core = await createCore({ dataDir: temp.dir, transport: 'cli', sampleDir: null });
    try {
      const health = await core.call('app.databaseHealth', {});
      expect(health.status).toBe('ok');
      expect(health.message).toMatch(/studio\.sqlite was an empty file \(0 bytes\).*kept aside as .*studio\.sqlite\.empty-.*new, empty database/);
      expect(warn).toHaveBeenCalledWith(health.message);
    } finally {
      warn.mockRestore();
      await core.close();
    }
  });
});
