// `resume-studio label` while another process writes to the same data folder (the app relabelling
// thousands of resumes): it waits for the other writer (busy timeout) and, if that one holds the
// folder longer, says so in a sentence and changes nothing — never a raw "database is locked".
// A second real connection to the SQLite file holds the write lock.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateResumeSample } from '../../../ml/sample/generate';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCliText } from '../../helpers/run-cli';

const run = runCliText;

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;

beforeEach(async () => {
  temp = makeTempDir();
  dataDir = path.join(temp.dir, 'data');
  const rows = generateResumeSample({ seed: 5, perClass: 6, classes: ['Nurse', 'Accountant'], nearDuplicateRate: 0 });
  const jsonl = path.join(temp.dir, 'seed.jsonl');
  fs.writeFileSync(jsonl, rows.map((r) => JSON.stringify({ text: r.text, category: r.category })).join('\n'));
  expect((await run(['import', jsonl, '--data-dir', dataDir])).code).toBe(0);
});
afterEach(() => temp.cleanup());

const labelCounts = () => {
  const db = new Database(path.join(dataDir, 'studio.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT c.name, COUNT(*) AS n FROM documents d JOIN categories c ON c.id = d.category_id GROUP BY c.name ORDER BY c.name').all();
  } finally {
    db.close();
  }
};

describe('resume-studio label while another process writes', () => {
  it('refuses with a sentence when the other writer holds the folder past the busy timeout, and works once it is done', async () => {
    const before = labelCounts();
    const other = new Database(path.join(dataDir, 'studio.sqlite'));
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      const refused = await run(['label', '--data-dir', dataDir, '--rule', 'nurse', '--category', 'Nursing']);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(
        /^error: Another Resume Studio process \(the app, or another command\) is writing to this data folder and did not finish within \d+ s; nothing was changed/,
      );
      expect(refused.err).not.toMatch(/database is locked/);
      other.prepare('ROLLBACK').run();
    } finally {
      other.close();
    }
    expect(labelCounts()).toEqual(before);
    const done = await run(['label', '--data-dir', dataDir, '--rule', 'nurse', '--category', 'Nursing']);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toMatch(/^Set \d+ of the \d+ matching resumes to Nursing/);
  });
});
