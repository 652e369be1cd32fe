// Folders a hostile or unlucky user hands the importer: symlinks that leave the folder (a link to
// /etc must not import /etc/…), and names that are not UTF-8. Real walk, worker pool and SQLite.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { decodeFileName, walkImportRoot } from '../../../main/import/walk';
import { syntheticResumeText } from '../../fixtures/resume-files';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let root: string;
let outside: string;
beforeEach(async () => {
  temp = makeTempDir();
  root = path.join(temp.dir, 'resumes');
  outside = path.join(temp.dir, 'elsewhere');
  fs.mkdirSync(path.join(root, 'CHEF'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(root, 'CHEF', 'inside.txt'), syntheticResumeText('CHEF', 'Ada Inside'));
  fs.writeFileSync(path.join(outside, 'private.txt'), syntheticResumeText('NURSE', 'Private Person'));
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli', importOptions: { batchSize: 2, poolSize: 1 } });
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

const importAndReport = async (input: { path: string; followLinks?: boolean }) => {
  await core.call('import.start', input);
  const job = (await core.imports.waitForIdle())!;
  const report = await core.call('import.report', { jobId: job.id, limit: 1000 });
  return { job, items: new Map(report.items.map((item) => [item.relPath, item])) };
};

describe('symlinks that leave the import folder', () => {
  beforeEach(() => {
    fs.symlinkSync('/etc', path.join(root, 'etc-link'));
    fs.symlinkSync(path.join(outside, 'private.txt'), path.join(root, 'CHEF', 'private-link.txt'));
    fs.symlinkSync(outside, path.join(root, 'NURSE'));
    // A link that stays inside is an ordinary shortcut and is followed.
    fs.symlinkSync(path.join(root, 'CHEF', 'inside.txt'), path.join(root, 'shortcut.txt'));
  });

  it('are not followed: each is listed as skipped with a sentence saying where it leads', async () => {
    const walked = await walkImportRoot(root);
    expect(walked.files.map((f) => f.relPath).sort()).toEqual(['CHEF/inside.txt', 'shortcut.txt']);
    expect(walked.files.some((f) => f.absolutePath.startsWith('/etc'))).toBe(false);
    const skipped = new Map(walked.skipped.map((s) => [s.relPath, s.reason]));
    expect(skipped.get('etc-link')).toBe(
      'This is a link to "/etc", outside the folder being imported, so it was not followed; to include it, import that location itself or use resume-studio import --follow-links.',
    );
    expect(skipped.get('CHEF/private-link.txt')).toContain(`link to "${fs.realpathSync(path.join(outside, 'private.txt'))}"`);
    expect(skipped.get('NURSE')).toContain('outside the folder being imported');

    const { job, items } = await importAndReport({ path: root });
    expect(job.state).toBe('finished');
    expect(items.get('etc-link')).toMatchObject({ status: 'unsupported', reason: expect.stringContaining('not followed') });
    expect(items.get('CHEF/private-link.txt')?.status).toBe('unsupported');
    const texts = core.db.prepare('SELECT text FROM documents').all() as { text: string }[];
    expect(texts.some((t) => t.text.includes('Private Person'))).toBe(false);
    // The in-folder shortcut and its target are the same bytes: one is imported, the other a duplicate.
    expect([items.get('CHEF/inside.txt')?.status, items.get('shortcut.txt')?.status].sort()).toEqual(['duplicate', 'imported']);
  });

  it('are followed when the user asks (followLinks), still entering each folder once', async () => {
    // Following the /etc link here would import the machine's configuration: that is the point of the default.
    fs.unlinkSync(path.join(root, 'etc-link'));
    const walked = await walkImportRoot(root, { followLinks: true });
    expect(walked.files.map((f) => f.relPath)).toEqual(expect.arrayContaining(['CHEF/private-link.txt', 'NURSE/private.txt']));
    const { items } = await importAndReport({ path: root, followLinks: true });
    // The same file reached through two links: imported once, the other copy a duplicate.
    expect([items.get('CHEF/private-link.txt')?.status, items.get('NURSE/private.txt')?.status].sort()).toEqual(['duplicate', 'imported']);
  });
});

describe('names that are not UTF-8', () => {
  // Latin-1 "café" and a lone 0xFF: legal on Linux, invalid as UTF-8.
  const latin1Folder = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
  const badFile = Buffer.concat([Buffer.from('cv-'), Buffer.from([0xff]), Buffer.from('.txt')]);

  beforeEach(() => {
    const folderBytes = Buffer.concat([Buffer.from(`${root}/`), latin1Folder]);
    fs.mkdirSync(folderBytes);
    fs.writeFileSync(Buffer.concat([folderBytes, Buffer.from('/'), badFile]), syntheticResumeText('BARISTA', 'Latin One'));
    fs.writeFileSync(Buffer.concat([Buffer.from(`${root}/CHEF/`), badFile]), syntheticResumeText('CHEF', 'Byte Name'));
  });

  it('are escaped byte by byte, so different names never collapse into one', () => {
    expect(decodeFileName(latin1Folder)).toBe('caf\\xE9');
    expect(decodeFileName(Buffer.from([0xfe]))).not.toBe(decodeFileName(Buffer.from([0xff])));
    expect(decodeFileName(Buffer.from('résumé ✓.txt'))).toBe('résumé ✓.txt');
    // A valid sequence next to invalid bytes stays readable.
    expect(decodeFileName(Buffer.concat([Buffer.from('é'), Buffer.from([0xc3]), Buffer.from('x')]))).toBe('é\\xC3x');
  });

  it('are imported with their text, shown escaped, under an escaped category', async () => {
    const { job, items } = await importAndReport({ path: root });
    expect(job.state).toBe('finished');
    expect(items.get('caf\\xE9/cv-\\xFF.txt')).toMatchObject({ status: 'imported', category: 'caf\\xE9', displayName: 'caf\\xE9/cv-\\xFF.txt' });
    expect(items.get('CHEF/cv-\\xFF.txt')).toMatchObject({ status: 'imported' });
    expect([...items.values()].filter((item) => item.status === 'io_error')).toEqual([]);
    const docs = core.db.prepare('SELECT file_name AS fileName, text FROM documents ORDER BY id').all() as { fileName: string; text: string }[];
    expect(docs.find((d) => d.text.includes('Latin One'))?.fileName).toBe('cv-\\xFF.txt');
    expect(docs.find((d) => d.text.includes('Byte Name'))).toBeDefined();
    const categories = core.db.prepare('SELECT name FROM categories ORDER BY name').all() as { name: string }[];
    expect(categories.map((c) => c.name)).toEqual(['CHEF', 'caf\\xE9']);
  });
});
