import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../preload/contract';
import { importWarnings, manyFilesThreshold } from '../../renderer/features/import/import-guard-rails';

const folder = (overrides: Partial<ImportPreview>): ImportPreview => ({
  path: '/data',
  kind: 'folder',
  files: 10,
  totalBytes: 1000,
  byCategory: [
    { category: 'ACCOUNTANT', files: 5 },
    { category: 'CHEF', files: 5 },
  ],
  byFormat: [{ format: 'pdf', files: 10 }],
  skipped: 0,
  problems: 0,
  unsupported: 0,
  nestedCategories: [],
  alreadyImported: null,
  tabular: null,
  ...overrides,
});
const ids = (preview: ImportPreview) => importWarnings(preview).map((w) => w.id);

describe('importWarnings', () => {
  it('has nothing to say about an ordinary folder of categories', () => {
    expect(importWarnings(folder({}))).toEqual([]);
  });

  it('names the sub-folder to pick when everything is in one category that has folders of its own', () => {
    const [warning] = importWarnings(
      folder({
        byCategory: [
          { category: 'resumes', files: 9 },
          { category: null, files: 1 },
        ],
        nestedCategories: ['resumes'],
      }),
    );
    expect(warning).toMatchObject({ id: 'single-category' });
    expect(warning!.message).toContain('"resumes"');
    expect(warning!.message).toMatch(/pick that folder instead: \/data\/resumes$/);
    const windows = importWarnings(folder({ path: 'C:\\data\\', byCategory: [{ category: 'resumes', files: 9 }], nestedCategories: ['resumes'] }));
    expect(windows[0]!.message).toMatch(/C:\\data\\resumes$/);
  });

  it('does not send the user into a category folder without sub-folders (its files would come in unlabelled)', () => {
    const [warning] = importWarnings(folder({ byCategory: [{ category: 'Nurse', files: 9 }] }));
    expect(warning).toMatchObject({ id: 'single-category' });
    expect(warning!.message).not.toContain('pick that folder');
    expect(warning!.message).toContain('import the folder that holds one sub-folder per category');
  });

  it('says when the folder was imported before, and what importing again does', () => {
    expect(importWarnings(folder({ alreadyImported: { files: 10, jobId: 3 } }))[0]!.message).toBe(
      'All files were imported before from this folder (import 3) and have not changed size: importing again lists them as duplicates and adds nothing.',
    );
    expect(importWarnings(folder({ alreadyImported: { files: 4, jobId: 3 } }))[0]!.message).toContain('4 of the 10 files were imported before');
  });

  it('asks when most files are not resume formats, naming a few of them', () => {
    const preview = folder({
      byFormat: [
        { format: 'js', files: 700 },
        { format: 'ts', files: 200 },
        { format: 'no extension', files: 50 },
        { format: 'pdf', files: 50 },
      ],
    });
    const warning = importWarnings(preview).find((w) => w.id === 'mostly-not-resumes');
    expect(warning?.message).toContain('950 of 1\u202f000 are .js, .ts, without extension files');
    expect(
      ids(
        folder({
          byFormat: [
            { format: 'js', files: 5 },
            { format: 'docx', files: 5 },
          ],
        }),
      ),
    ).not.toContain('mostly-not-resumes');
  });

  it('asks above ~20k files, not at the threshold', () => {
    expect(ids(folder({ files: manyFilesThreshold }))).not.toContain('many-files');
    expect(ids(folder({ files: manyFilesThreshold + 1 }))).toContain('many-files');
  });

  it('says nothing for CSV / JSONL datasets or a single file', () => {
    expect(importWarnings(folder({ kind: 'csv', files: 100_000, byCategory: [{ category: 'A', files: 1 }] }))).toEqual([]);
    expect(importWarnings(folder({ kind: 'files', byCategory: [{ category: null, files: 1 }], byFormat: [{ format: 'js', files: 1 }] }))).toEqual([]);
  });
});
