// A file that grows after the folder walk is judged by its size on the open handle and never read
// past the cap. Sparse files (truncate) stand in for huge ones, so no disk space is used.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAtMost } from '../../../main/parsing/bounded-read';
import { defaultMaxBytes } from '../../../main/parsing/extract/result';
import { runImport, type ImportUnit } from '../../../main/import/import-runner';
import { createParsePool } from '../../../main/parsing/parse-pool';
import { walkImportRoot } from '../../../main/import/walk';
import { openDatabase, type Db } from '../../../main/store/database';
import { createImportRepo } from '../../../main/store/import-repo';
import { syntheticResumeText } from '../../fixtures/resume-files';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.cleanup());

const threeGb = 3 * 1024 ** 3;

describe('readAtMost', () => {
  it('refuses a file over the cap by its size on the handle, also above 2 GB, without reading it', async () => {
    const file = path.join(temp.dir, 'huge.txt');
    fs.writeFileSync(file, 'resume');
    fs.truncateSync(file, threeGb);
    const read = await readAtMost(file, defaultMaxBytes);
    expect(read).toEqual({
      ok: false,
      status: 'too_large',
      sizeBytes: threeGb,
      reason: 'The file is 3072 MB, over the 20 MB limit for one resume; split it or export a smaller copy.',
    });
  });

  it.runIf(process.platform === 'linux')('stops at the cap when a file turns out longer than its size said (it grew while being read)', async () => {
    // /proc files report size 0 and then yield more: the same shape as a file that grew after the stat.
    const read = await readAtMost('/proc/self/status', 100);
    expect(read).toMatchObject({ ok: false, status: 'too_large', sizeBytes: 101 });
    expect(read.ok === false && read.reason).toBe(
      'The file grew while it was being read and is now over the 20 MB limit for one resume; try again once it stops changing.'.replace('20 MB', '100 bytes'),
    );
  });

  it('reads a normal file whole, and refuses a folder or a pipe without blocking', async () => {
    const file = path.join(temp.dir, 'cv.txt');
    fs.writeFileSync(file, 'Chef, ten years');
    expect(await readAtMost(file, defaultMaxBytes)).toMatchObject({ ok: true, bytes: Buffer.from('Chef, ten years') });
    expect(await readAtMost(temp.dir, defaultMaxBytes)).toMatchObject({ ok: false, status: 'unsupported' });
    if (process.platform !== 'win32') {
      const fifo = path.join(temp.dir, 'cv.pipe');
      execFileSync('mkfifo', [fifo]);
      expect(await readAtMost(fifo, defaultMaxBytes)).toMatchObject({ ok: false, status: 'unsupported' });
    }
  });
});

describe('import runner with a file that grew after the walk', () => {
  let db: Db;
  beforeEach(async () => (db = await openDatabase(path.join(temp.dir, 'studio.sqlite'))));
  afterEach(() => db.close());

  it('judges it too_large with its real size (above 2 GB too), and imports the rest', async () => {
    const root = path.join(temp.dir, 'resumes');
    fs.mkdirSync(root);
    for (const name of ['grows-past-2gb.txt', 'grows-to-100mb.txt', 'stays.txt']) fs.writeFileSync(path.join(root, name), syntheticResumeText('CHEF', name));
    const walked = await walkImportRoot(root);
    expect(walked.files.every((f) => f.sizeBytes < 1000)).toBe(true);
    // After the walk, two files grow (sparse: no disk is used).
    fs.truncateSync(path.join(root, 'grows-past-2gb.txt'), threeGb);
    fs.truncateSync(path.join(root, 'grows-to-100mb.txt'), 100 * 1024 ** 2);

    const repo = createImportRepo(db);
    const jobId = repo.createJob(root, 'folder', {});
    const parser = createParsePool({ size: 1 });
    try {
      const units = walked.files.map((f): ImportUnit => ({ kind: 'file', ...f }));
      const outcome = await runImport({ jobId, units, repo, parser, signal: new AbortController().signal });
      expect(outcome).toEqual({ state: 'finished' });
    } finally {
      await parser.close();
    }
    const items = new Map(repo.report(jobId, undefined, 0, 100).items.map((item) => [item.relPath, item]));
    expect(items.get('grows-past-2gb.txt')).toMatchObject({
      status: 'too_large',
      sizeBytes: threeGb,
      reason: 'The file is 3072 MB, over the 20 MB limit for one resume; split it or export a smaller copy.',
    });
    expect(items.get('grows-to-100mb.txt')).toMatchObject({ status: 'too_large', sizeBytes: 100 * 1024 ** 2, reason: expect.stringContaining('100 MB') });
    expect(items.get('stays.txt')?.status).toBe('imported');
  });
});
