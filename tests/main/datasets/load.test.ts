import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertTrainable, DatasetError, loadLabelledDataset, previewTabular, readTabular } from '../../../main/datasets/index';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.cleanup());
const write = (name: string, content: string) => {
  const file = path.join(temp.dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};

describe('CSV', () => {
  it('reads a BOM, CRLF multi-line quoted fields and "" escapes, auto-detecting Resume / Category', () => {
    const file = write('d.csv', '\uFEFFCategory,Resume\r\nNurse,"line one\r\nline ""two"""\r\nSales,plain\r\n');
    const t = readTabular(file);
    expect(t.textColumn).toBe('Resume');
    expect(t.labelColumn).toBe('Category');
    expect(t.rows).toEqual([
      { text: 'line one\r\nline "two"', label: 'Nurse', record: 1 },
      { text: 'plain', label: 'Sales', record: 2 },
    ]);
  });
  it('a missing column is an error naming the file, the column and the columns present', () => {
    const file = write('d.csv', 'a,b\n1,2\n');
    expect(() => readTabular(file)).toThrow(DatasetError);
    expect(() => readTabular(file)).toThrow(/d\.csv has no text column \(looked for text, resume.*\); columns are: a, b\. Pass --text-column NAME\./);
    expect(() => readTabular(file, { textColumn: 'a' })).toThrow(/d\.csv has no label column .*Pass --label-column NAME\./);
    expect(() => readTabular(file, { textColumn: 'a', labelColumn: 'zz' })).toThrow(/d\.csv has no column "zz"; columns are: a, b\./);
  });
  it('skips and counts rows with an empty text or label', () => {
    const file = write('d.csv', 'text,label\nx,A\n,B\ny,\n');
    const t = readTabular(file);
    expect(t.rows).toHaveLength(1);
    expect([t.skippedEmptyText, t.skippedEmptyLabel]).toEqual([1, 1]);
  });
  it('invalid CSV is reported with the file name', () => {
    const file = write('bad.csv', 'text,label\n"unterminated,A\n');
    expect(() => readTabular(file)).toThrow(/bad\.csv: invalid CSV/);
  });
  it('previews the first rows with the guessed mapping', () => {
    const file = write('d.csv', 'id,Resume_str,Category\n1,a,X\n2,b,Y\n3,c,Z\n');
    const p = previewTabular(file, { rows: 2 });
    expect(p.columns).toEqual(['id', 'Resume_str', 'Category']);
    expect(p.rows).toHaveLength(2);
    expect(p.guess).toEqual({ textColumn: 'Resume_str', labelColumn: 'Category' });
  });
});

describe('JSONL', () => {
  it('reads objects per line and names the bad line', () => {
    const ok = write('d.jsonl', '{"text":"a","category":"X"}\n\n{"text":"b","category":"Y"}\n');
    expect(loadLabelledDataset(ok)).toMatchObject({ kind: 'jsonl', texts: ['a', 'b'], labels: ['X', 'Y'] });
    const bad = write('bad.jsonl', '{"text":"a","category":"X"}\n{oops\n');
    expect(() => loadLabelledDataset(bad)).toThrow(/bad\.jsonl: line 2 is not valid JSON/);
  });
});

describe('generated sample', () => {
  it('"sample" and "sample:SEED" load the synthetic resumes, seeded', () => {
    const a = loadLabelledDataset('sample');
    expect(a.kind).toBe('sample');
    expect(new Set(a.labels).size).toBeGreaterThan(2);
    expect(loadLabelledDataset('sample:7').texts[0]).not.toBe(a.texts[0]);
    expect(loadLabelledDataset('sample').texts).toEqual(a.texts);
  });
});

describe('category folders', () => {
  it('labels each .txt by its folder, ignores other files', () => {
    write('Nurse/a.txt', '\uFEFFcare');
    write('Nurse/b.pdf', '%PDF');
    write('Sales/c.txt', 'quota');
    write('readme.md', 'top-level files are not labelled');
    const d = loadLabelledDataset(temp.dir);
    expect(d).toMatchObject({ kind: 'folder', texts: ['care', 'quota'], labels: ['Nurse', 'Sales'] });
    expect(d.warnings[0]).toMatch(/ignored 2 file/);
  });
  it('an empty class folder and a single class are clear errors', () => {
    write('Nurse/a.txt', 'care');
    fs.mkdirSync(path.join(temp.dir, 'Sales'));
    expect(() => loadLabelledDataset(temp.dir)).toThrow(/Sales: category "Sales" has no non-empty/);
    fs.rmdirSync(path.join(temp.dir, 'Sales'));
    expect(() => assertTrainable(loadLabelledDataset(temp.dir))).toThrow(/only one class \("Nurse"\)/);
  });
  it('a missing path or unknown extension is named', () => {
    expect(() => loadLabelledDataset(path.join(temp.dir, 'nope'))).toThrow(/nope: no such file or folder/);
    expect(() => loadLabelledDataset(write('x.xlsx', ''))).toThrow(/x\.xlsx: expected a folder/);
  });
});
