// Two identical files in one import: the first in walk order is imported and the later one is the
// "duplicate", whichever lane reads its bytes first. Under load a later copy was read first and the
// original was reported as the copy (seen in a CI run beside a CPU hog). Here the original's read is
// held until the copy has been read and looked up, the order a loaded machine produced: the real
// read, delayed (vi.mock, so this file has its own module graph: vitest.config.ts). Real runner,
// real SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { runImport, type FileParser, type ImportUnit } from '../../../main/import/import-runner';
import type * as BoundedRead from '../../../main/parsing/bounded-read';
import { openDatabase, type Db } from '../../../main/store/database';
import { createImportRepo, type ImportRepo } from '../../../main/store/import-repo';
import { makeTempDir } from '../../helpers/temp-dir';

const gate = vi.hoisted(() => ({ name: '', opened: Promise.resolve() }));
vi.mock('../../../main/parsing/bounded-read', async (importOriginal) => {
  const real = await importOriginal<typeof BoundedRead>();
  return {
    ...real,
    readAtMost: async (...args: Parameters<typeof real.readAtMost>) => {
      if (path.basename(String(args[0])) === gate.name) await gate.opened;
      return real.readAtMost(...args);
    },
  };
});

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(path.join(temp.dir, 'studio.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const text = 'Pastry chef: laminated doughs, plated desserts, brigade of six.';
const fileUnit = (absolutePath: string, name: string): ImportUnit => ({
  kind: 'file',
  absolutePath,
  relPath: name,
  displayName: name,
  fileName: name,
  category: 'CHEF',
  sizeBytes: Buffer.byteLength(text),
});

it('imports the first of two identical files in walk order, even when the later one is read first', async () => {
  const original = path.join(temp.dir, 'a-original.txt');
  const copy = path.join(temp.dir, 'b-copy.txt');
  fs.writeFileSync(original, text);
  fs.writeFileSync(copy, text);
  let open!: () => void;
  gate.name = 'a-original.txt';
  gate.opened = new Promise((resolve) => (open = resolve));

  const repo = createImportRepo(db);
  // The first content lookup is the copy's (the original's read is held): the original's read goes
  // on only after it, once what the copy's lane does next without waiting has been done.
  let lookups = 0;
  const watched: ImportRepo = {
    ...repo,
    documentByContentHash(hash) {
      if (lookups++ === 0) setImmediate(open);
      return repo.documentByContentHash(hash);
    },
  };
  const parsed: string[] = [];
  const parser: FileParser = {
    async parseBytes(_bytes, fileName) {
      parsed.push(fileName);
      return { status: 'imported', text, format: 'txt' };
    },
  };
  const jobId = repo.createJob(temp.dir, 'folder', {});
  const outcome = await runImport({
    jobId,
    units: [fileUnit(original, 'a-original.txt'), fileUnit(copy, 'b-copy.txt')],
    repo: watched,
    parser,
    signal: new AbortController().signal,
    concurrency: 2,
  });

  expect(outcome).toEqual({ state: 'finished' });
  expect(lookups).toBe(2);
  const { items } = repo.report(jobId, undefined, 0, 10);
  const byName = new Map(items.map((item) => [item.relPath, item]));
  expect(byName.get('a-original.txt')).toMatchObject({ status: 'imported' });
  expect(byName.get('b-copy.txt')).toMatchObject({ status: 'duplicate', reason: 'Identical bytes to "a-original.txt", earlier in this import.' });
  // The copy is never parsed: only the original's text is read.
  expect(parsed).toEqual(['a-original.txt']);
});
