import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDisplayName, skipReason, walkImportRoot } from '../../../main/import/walk';
import { makeResumeFolder, oddFileNames, type ResumeFolder } from '../../fixtures/resume-folder';

let dir: string;
let folder: ResumeFolder;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'walk-test-'));
  folder = await makeResumeFolder(path.join(dir, 'root'), {
    categories: { ACCOUNTANT: 3, ENGINEERING: 2, 'CAFE\u0301 STAFF': 1 },
    rootFiles: 2,
    mixedFormats: true,
    oddNames: true,
    symlinkLoop: true,
    hiddenClutter: true,
  });
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('walkImportRoot', () => {
  it('returns every visible file once, with categories from the first-level folder', async () => {
    const result = await walkImportRoot(folder.root);
    expect(result.files.map((file) => file.absolutePath).sort()).toEqual([...folder.files].sort());
    const byRel = new Map(result.files.map((file) => [file.relPath, file]));
    expect(byRel.get('unlabelled-1.txt')?.category).toBeNull();
    expect(byRel.get('ACCOUNTANT/accountant-001.pdf')).toMatchObject({ category: 'ACCOUNTANT', fileName: 'accountant-001.pdf' });
    expect(byRel.get('CAFE\u0301 STAFF/cafe\u0301 staff-001.pdf')?.category).toBe('CAFE\u0301 STAFF');
    for (const file of result.files) expect(file.sizeBytes).toBe((await fs.stat(file.absolutePath)).size);
  });

  it('reports the symlink loop and the dangling link as io_error problems, and terminates', async () => {
    const { problems } = await walkImportRoot(folder.root);
    expect(problems.map((entry) => entry.relPath).sort()).toEqual(['ACCOUNTANT/dangling.txt', 'ACCOUNTANT/loop']);
    expect(problems.every((entry) => entry.status === 'io_error' && /^[A-Z].+\.$/.test(entry.reason))).toBe(true);
    expect(problems.find((entry) => entry.relPath === 'ACCOUNTANT/loop')?.reason).toMatch(/symlink loop/);
  });

  it('skips hidden files, hidden folders and Office lock files, and lists each with a reason', async () => {
    const { skipped, files } = await walkImportRoot(folder.root);
    expect(skipped.map((entry) => entry.relPath).sort()).toEqual(['.DS_Store', '.git', 'ACCOUNTANT/.hidden-notes.txt', 'ACCOUNTANT/~$resume-lock.docx']);
    expect(skipped.every((entry) => entry.reason.length > 10)).toBe(true);
    expect(files.some((file) => file.relPath.includes('.git'))).toBe(false);
  });

  it('returns odd names as-is, with a display name that shows newlines and bidi overrides', async () => {
    const { files } = await walkImportRoot(folder.root);
    for (const name of oddFileNames) expect(files.some((file) => file.fileName === name)).toBe(true);
    const newline = files.find((file) => file.fileName === 'line\nbreak.txt');
    expect(newline?.displayName).toBe('ACCOUNTANT/line\u240abreak.txt');
    const rlo = files.find((file) => file.fileName.includes('\u202e'));
    expect(rlo?.displayName).toBe('ACCOUNTANT/invoice<U+202E>txt.pdf.txt');
    const nfd = files.find((file) => file.fileName === 'Re\u0301sume\u0301 nfd.txt');
    expect(nfd?.relPath.normalize('NFD')).toBe(nfd?.relPath); // kept as stored on disk
    expect(nfd?.displayName).toBe('ACCOUNTANT/R\u00e9sum\u00e9 nfd.txt');
    expect(files.find((file) => file.fileName.startsWith('👩‍💻'))?.displayName).toContain('👩‍💻');
  });

  it('follows a symlinked folder once, and skips FIFOs with a reason', async () => {
    const root = path.join(dir, 'linked');
    await makeResumeFolder(root, { categories: { TEACHER: 1 } });
    await fs.symlink(path.join(root, 'TEACHER'), path.join(root, 'TEACHER-link'));
    execFileSync('mkfifo', [path.join(root, 'TEACHER', 'pipe.txt')]);
    const result = await walkImportRoot(root);
    expect(result.files.map((file) => file.relPath)).toEqual(['TEACHER/teacher-001.txt']);
    // A second way into the same folder is not a loop: it is skipped, saying where it was imported.
    expect(result.problems).toEqual([]);
    expect(result.skipped).toMatchObject([
      { relPath: 'TEACHER/pipe.txt', reason: expect.stringMatching(/Not a regular file/) },
      { relPath: 'TEACHER-link', reason: expect.stringMatching(/link to the folder "TEACHER", already imported under that name/) },
    ]);
  });

  it('labels the files of a category folder with its own name, not with that of a link to it that sorts first', async () => {
    const root = path.join(dir, 'alias');
    await makeResumeFolder(root, { categories: { NURSE: 2 } });
    // "ALIAS" sorts before "NURSE", and a link inside a real folder leads to it too.
    await fs.symlink(path.join(root, 'NURSE'), path.join(root, 'ALIAS'));
    await fs.mkdir(path.join(root, 'AAA'));
    await fs.symlink(path.join(root, 'NURSE'), path.join(root, 'AAA', 'nurses'));
    const result = await walkImportRoot(root);
    expect(result.files.map((file) => [file.relPath, file.category])).toEqual([
      ['NURSE/nurse-001.txt', 'NURSE'],
      ['NURSE/nurse-002.txt', 'NURSE'],
    ]);
    expect(result.problems).toEqual([]);
    const reasons = new Map(result.skipped.map((s) => [s.relPath, s.reason]));
    expect(reasons.get('ALIAS')).toBe(
      'This is a link to the folder "NURSE", already imported under that name (the folder\'s own name wins over the link\'s); its files were not imported twice.',
    );
    expect(reasons.get('AAA/nurses')).toMatch(/link to the folder "NURSE"/);
  });

  it('throws a clear error when the root is missing or is a file', async () => {
    await expect(walkImportRoot(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(walkImportRoot(folder.files[0] as string)).rejects.toThrow(/is not a folder/);
  });

  it('stops at maxDepth and says so', async () => {
    const root = path.join(dir, 'deep');
    await fs.mkdir(path.join(root, 'a', 'b', 'c'), { recursive: true });
    await fs.writeFile(path.join(root, 'a', 'b', 'c', 'cv.txt'), 'x');
    const result = await walkImportRoot(root, { maxDepth: 2 });
    expect(result.files).toEqual([]);
    expect(result.skipped).toMatchObject([{ relPath: 'a/b/c', reason: expect.stringMatching(/deeper than 2/) }]);
  });
});

describe('helpers', () => {
  it('makeDisplayName keeps emoji joiners and shows C0, C1 and invisible characters', () => {
    expect(makeDisplayName('a\tb\u0085c\u200bd\u2066e')).toBe('a\u2409b<U+0085>c<U+200B>d<U+2066>e');
    expect(makeDisplayName('👩‍💻')).toBe('👩‍💻');
  });

  it('skipReason leaves ordinary names alone', () => {
    expect(skipReason('resume.pdf', false)).toBeNull();
    expect(skipReason('Thumbs.db', false)).toMatch(/Windows/);
  });
});
