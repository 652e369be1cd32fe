// `resume-studio label` and `resume-studio export`, and the round trip: an exported dataset
// imports through the real importer to the same documents and labels, in every format.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { neutraliseCsvCell } from '../../../preload/csv-cells';
import { generateResumeSample } from '../../../ml/sample/generate';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCliText } from '../../helpers/run-cli';

const run = runCliText;

let temp: ReturnType<typeof makeTempDir>;
let source: string;

/** Every document of a data directory as "category | text", sorted, read straight from SQLite. */
function contents(dataDir: string, { includeExcluded = true } = {}): string[] {
  const db = new Database(path.join(dataDir, 'studio.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT c.name AS category, d.text FROM documents d LEFT JOIN categories c ON c.id = d.category_id WHERE d.excluded = 0 OR ?`)
      .all(includeExcluded ? 1 : 0) as { category: string | null; text: string }[];
    return rows.map((r) => `${r.category ?? '∅'} | ${r.text}`).sort();
  } finally {
    db.close();
  }
}

/** Texts that spreadsheets would run as formulas, quotes, line breaks, unicode: everything an export must carry. */
const awkward = [
  { text: '=HYPERLINK("http://example.test","click") nurse at the ward', category: 'HEALTHCARE' },
  { text: '-5 years as a nurse; "quoted" words, commas, and\nline breaks\r\nof both kinds', category: 'HEALTHCARE' },
  { text: '+44 chef de partie, crème brûlée 🍮', category: '=SUM(A1)' },
  { text: '@handle registered nurse, night shifts', category: null },
  { text: "'=already an apostrophe, chef", category: 'Chef' },
];

beforeEach(async () => {
  temp = makeTempDir();
  source = path.join(temp.dir, 'source');
  const sample = generateResumeSample({ seed: 7, perClass: 8, classes: ['Nurse', 'Accountant', 'Teacher'], nearDuplicateRate: 0 });
  const rows = [...sample.map((s, i) => ({ text: s.text, category: i % 9 === 0 ? null : s.category })), ...awkward];
  const jsonl = path.join(temp.dir, 'seed.jsonl');
  fs.writeFileSync(jsonl, rows.map((r) => JSON.stringify({ text: r.text, category: r.category })).join('\n'));
  const imported = await run(['import', jsonl, '--data-dir', source]);
  expect(imported.code, imported.err).toBe(0);
});
afterEach(() => temp.cleanup());

describe('resume-studio label', () => {
  it('previews with --dry-run, then applies a keyword rule as one undoable step', async () => {
    const before = contents(source);
    const dry = await run(['label', '--data-dir', source, '--rule', 'nurse OR "registered nurse"', '--category', 'Nursing', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.out);
    expect(preview.matched).toBeGreaterThanOrEqual(3);
    expect(preview.changed).toBe(preview.matched);
    expect(contents(source)).toEqual(before);

    const applied = await run(['label', '--data-dir', source, '--rule', 'nurse OR "registered nurse"', '--category', 'Nursing']);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(`Set ${preview.changed} of the ${preview.matched} matching resumes to Nursing.`);
    const after = contents(source);
    expect(after.filter((line) => line.startsWith('Nursing | '))).toHaveLength(preview.matched);
    expect(after.find((line) => line.includes('@handle'))).toMatch(/^Nursing \| /);

    const db = new Database(path.join(source, 'studio.sqlite'), { readonly: true });
    expect(db.prepare('SELECT description FROM label_history').pluck().all()).toEqual([
      `Set ${preview.changed} resumes matching "nurse OR "registered nurse"" to Nursing`,
    ]);
    db.close();
  });

  it('refuses a rule with nothing to search for, and a missing category', async () => {
    expect((await run(['label', '--data-dir', source, '--rule', ' "" ( ', '--category', 'X'])).err).toMatch(/needs at least one word/);
    expect((await run(['label', '--data-dir', source, '--rule', 'nurse'])).err).toMatch(/--category NAME is required/);
  });
});

describe('resume-studio export', () => {
  it.each(['csv', 'jsonl', 'folders'] as const)('%s re-imports to the same documents and labels', async (format) => {
    const before = contents(source);
    const out = path.join(temp.dir, format === 'folders' ? 'exported' : `exported.${format}`);
    const exported = await run(['export', '--data-dir', source, '--format', format, '--out', out]);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toContain(`Exported ${before.length} resumes`);
    if (format === 'folders') expect(exported.err).toMatch(/"=SUM\(A1\)" was written as the folder "=SUM\(A1\)"|^$/);

    const target = path.join(temp.dir, `reimported-${format}`);
    const reimported = await run(['import', out, '--data-dir', target, '--json']);
    expect(reimported.code, reimported.err).toBe(0);
    // A .txt file is read with its line endings made \n (as any imported text file): the only difference a folder export allows.
    const lineEndings = (lines: string[]) => (format === 'folders' ? lines.map((l) => l.replace(/\r\n/g, '\n')).sort() : lines);
    expect(lineEndings(contents(target))).toEqual(lineEndings(before));
  });

  it('csv neutralises formula cells for spreadsheets', async () => {
    const out = path.join(temp.dir, 'x.csv');
    await run(['export', '--data-dir', source, '--format', 'csv', '--out', out]);
    const raw = fs.readFileSync(out, 'utf8');
    expect(raw).toContain(`"'=HYPERLINK(""http://example.test"",""click"") nurse`);
    expect(raw).toContain(`"'=SUM(A1)"`);
    expect(raw).toContain(`"'-5 years`);
    expect(raw).toContain(`"'+44 chef`);
    expect(raw).toContain(`"'@handle`);
    expect(raw).not.toMatch(/(^|,)"[=+\-@]/m);
    expect(neutraliseCsvCell('\tTab')).toBe("'\tTab");
    expect(neutraliseCsvCell('plain')).toBe('plain');
  });

  it('leaves excluded resumes out unless asked, and never overwrites', async () => {
    const dataDb = new Database(path.join(source, 'studio.sqlite'));
    dataDb.prepare('UPDATE documents SET excluded = 1 WHERE id <= 3').run();
    dataDb.close();
    const out = path.join(temp.dir, 'some.jsonl');
    expect((await run(['export', '--data-dir', source, '--format', 'jsonl', '--out', out])).out).toContain(
      `Exported ${contents(source, { includeExcluded: false }).length} resumes`,
    );
    const again = await run(['export', '--data-dir', source, '--format', 'jsonl', '--out', out, '--include-excluded']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists; choose a new file name \(nothing was overwritten\)/);
    expect((await run(['export', '--data-dir', source, '--format', 'xml', '--out', out])).err).toMatch(/--format must be one of csv, jsonl, folders/);
  });
});
