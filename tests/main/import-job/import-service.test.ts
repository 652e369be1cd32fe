// The import end to end through the core: real walk, real worker pool and parsers, real SQLite file.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import type { FileStatus, ImportJob } from '../../../preload/contract';
import {
  writeBinaryTxt,
  writeEmptyFile,
  writeEncryptedPdf,
  writeImageOnlyPdf,
  writeLegacyText,
  writeTruncatedPdf,
  writeUtf16Text,
  writeZipBombDocx,
} from '../../fixtures/resume-files';
import { makeResumeFolder } from '../../fixtures/resume-folder';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
beforeEach(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli', importOptions: { batchSize: 3, poolSize: 1 } });
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

async function importAndWait(target: string, mapping: { textColumn?: string; labelColumn?: string } = {}): Promise<ImportJob> {
  const started = await core.call('import.start', { path: target, ...mapping });
  expect(started.state).toBe('running');
  return (await core.imports.waitForIdle())!;
}

async function statusesByName(jobId: number): Promise<Map<string, { status: FileStatus; reason: string; documentId: number | null }>> {
  const report = await core.call('import.report', { jobId, limit: 1000 });
  return new Map(report.items.map((item) => [item.relPath, { status: item.status, reason: item.reason, documentId: item.documentId }]));
}

describe('import service', () => {
  it('accounts for every file of a messy folder with a status and a reason', async () => {
    const root = path.join(temp.dir, 'resumes');
    const folder = await makeResumeFolder(root, {
      categories: { ACCOUNTANT: 4, CHEF: 3 },
      rootFiles: 1,
      mixedFormats: true,
      oddNames: true,
      symlinkLoop: true,
      hiddenClutter: true,
    });
    const bad = path.join(root, 'CHEF');
    await writeTruncatedPdf(bad);
    await writeEncryptedPdf(bad);
    await writeImageOnlyPdf(bad);
    await writeZipBombDocx(bad);
    await writeLegacyText(bad);
    await writeUtf16Text(bad, 'le', 'utf16le.txt', 'Zoë Ångström – pâtissière, crème pâtissière \u2713');
    await writeBinaryTxt(bad);
    await writeEmptyFile(bad);
    await fs.copyFile(folder.files[2]!, path.join(bad, 'copy-of-accountant.txt'));

    const preview = await core.call('import.preview', { path: root });
    expect(preview.kind).toBe('folder');
    // Pasted with quotes ("Copy as path"): the same folder.
    expect((await core.call('import.preview', { path: ` "${root}" ` })).path).toBe(root);
    expect(preview.byCategory).toEqual(
      expect.arrayContaining([
        { category: 'ACCOUNTANT', files: 4 + 4 },
        { category: null, files: 1 },
      ]),
    );

    const job = await importAndWait(root);
    expect(job.state).toBe('finished');
    const items = await statusesByName(job.id);
    const expectedRows = folder.files.length + 9 + folder.badLinks.length + folder.hidden.length;
    expect(items.size).toBe(expectedRows);
    expect(job.totalFiles).toBe(expectedRows);
    expect(job.doneFiles).toBe(expectedRows);

    expect(items.get('CHEF/truncated.pdf')?.status).toBe('damaged');
    expect(items.get('CHEF/encrypted.pdf')?.status).toBe('encrypted');
    expect(items.get('CHEF/scanned.pdf')?.status).toBe('no_text');
    expect(items.get('CHEF/bomb.docx')?.status).toBe('suspicious_archive');
    expect(items.get('CHEF/legacy-1252.txt')?.status).toBe('imported');
    expect(items.get('CHEF/utf16le.txt')?.status).toBe('imported');
    expect(items.get('CHEF/binary.txt')?.status).toBe('unsupported');
    expect(items.get('CHEF/empty.txt')?.status).toBe('empty');
    expect(items.get('CHEF/copy-of-accountant.txt')).toMatchObject({ status: 'duplicate', reason: expect.stringMatching(/Identical bytes/) });
    expect(items.get('ACCOUNTANT/loop')?.status).toBe('io_error');
    expect(items.get('.DS_Store')?.status).toBe('unsupported');
    for (const { reason } of items.values()) expect(reason.length).toBeGreaterThan(5);

    const summary = await core.call('dataset.summary', {});
    expect(summary.documents).toBe(job.counts.imported);
    expect(summary.categories.map((c) => c.category)).toEqual(['ACCOUNTANT', 'CHEF']);
    expect(summary.unlabelled).toBe(1);
    const legacy = createDocumentsRepo(core.db).get(items.get('CHEF/legacy-1252.txt')!.documentId!);
    expect(legacy?.text).toContain('José Müller');

    const health = await core.call('dataset.health', {});
    expect(health.extractionFailures).toBe(
      Object.entries(job.counts)
        .filter(([s]) => s !== 'imported' && s !== 'duplicate')
        .reduce((n, [, c]) => n + c, 0),
    );
  });

  it('is idempotent: importing the same folder again adds no documents', async () => {
    const root = path.join(temp.dir, 'again');
    await makeResumeFolder(root, { categories: { ACCOUNTANT: 3, CHEF: 2 } });
    const first = await importAndWait(root);
    const second = await importAndWait(root);
    expect(first.counts.imported).toBe(5);
    expect(second.counts).toEqual({ duplicate: 5 });
    expect((await core.call('dataset.summary', {})).documents).toBe(5);
  });

  it('cancel keeps finished batches, resume imports the rest without duplicates', async () => {
    const root = path.join(temp.dir, 'big');
    await makeResumeFolder(root, { categories: { ACCOUNTANT: 20, CHEF: 20 } });
    const started = await core.call('import.start', { path: root });
    await new Promise<void>((resolve) => {
      const off = core.events.subscribe((event) => {
        if (event.name === 'import.progressed' && event.payload.doneFiles >= 3) {
          off();
          resolve();
        }
      });
    });
    const cancelled = await core.call('import.cancel', { jobId: started.id });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.doneFiles).toBeGreaterThanOrEqual(3);
    expect(cancelled.doneFiles).toBeLessThan(40);
    expect((await core.call('dataset.summary', {})).documents).toBe(cancelled.doneFiles);

    await core.call('import.resume', { jobId: started.id });
    const resumed = (await core.imports.waitForIdle())!;
    expect(resumed).toMatchObject({ state: 'finished', doneFiles: 40, totalFiles: 40, counts: { imported: 40 } });
    expect((await core.call('dataset.summary', {})).documents).toBe(40);
  });

  it('a full disk rolls the batch back, keeps earlier batches and resumes once space is freed', async () => {
    const root = path.join(temp.dir, 'disk');
    await makeResumeFolder(root, { categories: { ACCOUNTANT: 30 } });
    // Big texts so a few batches fill the allowance quickly.
    for (const name of await fs.readdir(path.join(root, 'ACCOUNTANT'))) {
      await fs.appendFile(path.join(root, 'ACCOUNTANT', name), `\n${'ledger reconciliation '.repeat(800)}${name}`);
    }
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages + 40}`);
    const failed = await importAndWait(root);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/disk .*is full.*rolled back.*resume/i);
    expect(failed.doneFiles % 3).toBe(0);
    expect(failed.doneFiles).toBeGreaterThan(0);
    expect(failed.doneFiles).toBeLessThan(30);
    const stored = createDocumentsRepo(core.db).counts().documents;
    expect(stored).toBe(failed.doneFiles);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');

    core.db.pragma('max_page_count = 1073741823');
    await core.call('import.resume', { jobId: failed.id });
    const resumed = (await core.imports.waitForIdle())!;
    expect(resumed).toMatchObject({ state: 'finished', doneFiles: 30, counts: { imported: 30 } });
  });

  it('imports a CSV and a JSONL dataset with a chosen column mapping, and names a missing column', async () => {
    const csv = path.join(temp.dir, 'data.csv');
    await fs.writeFile(
      csv,
      '\uFEFFRole,Notes\r\nChef,"Menu development,\r\nkitchen staff training"\r\nAccountant,"General ledger ""GL"" reconciliation"\r\nChef,\r\n',
    );
    const preview = await core.call('import.preview', { path: csv, textColumn: 'Notes', labelColumn: 'Role' });
    expect(preview.tabular).toMatchObject({ columns: ['Role', 'Notes'], rows: 3, textColumn: 'Notes', labelColumn: 'Role' });
    await expect(core.call('import.start', { path: csv })).rejects.toThrow(/data\.csv has no text column .*columns are: Role, Notes/);
    const job = await importAndWait(csv, { textColumn: 'Notes', labelColumn: 'Role' });
    expect(job.counts).toEqual({ imported: 2, empty: 1 });

    const jsonl = path.join(temp.dir, 'data.jsonl');
    await fs.writeFile(
      jsonl,
      '{"text":"Lesson planning and classroom management","category":"Teacher"}\n\n{"text":"AutoCAD drafting","category":"Engineer"}\n',
    );
    // A dataset file edited after its import started cannot be resumed row by row.
    core.db.prepare("UPDATE import_jobs SET state = 'interrupted' WHERE id = ?").run(job.id);
    await fs.appendFile(csv, 'Teacher,"Lesson planning"\r\n');
    await expect(core.call('import.resume', { jobId: job.id })).rejects.toThrow(/data\.csv changed since import \d+ started/);

    const unlabelled = await core.call('import.preview', { path: jsonl, labelColumn: null });
    expect(unlabelled.byCategory).toEqual([{ category: null, files: 2 }]);
    const second = await importAndWait(jsonl);
    expect(second.counts).toEqual({ imported: 2 });
    expect((await core.call('dataset.summary', {})).categories.map((c) => c.category)).toEqual(['Accountant', 'Chef', 'Engineer', 'Teacher']);
  });

  it('flags near-duplicates (one word changed) for curation, in a worker, without dropping them', async () => {
    const root = path.join(temp.dir, 'near');
    await fs.mkdir(path.join(root, 'CHEF'), { recursive: true });
    const base =
      'Head chef with ten years in fine dining kitchens, menu development, food cost control, HACCP compliance and training a brigade of twelve cooks across two restaurants in the old town.';
    await fs.writeFile(path.join(root, 'CHEF', 'a.txt'), base);
    await fs.writeFile(path.join(root, 'CHEF', 'a-edited.txt'), base.replace('twelve', 'fifteen'));
    await fs.writeFile(
      path.join(root, 'CHEF', 'b.txt'),
      'Pastry cook: laminated doughs, plated desserts, chocolate tempering, wedding cakes and a small bakery counter.',
    );
    await fs.writeFile(
      path.join(root, 'CHEF', 'c.txt'),
      'Line cook on the grill and saute stations of a busy brasserie; inventory, prep lists and closing checks.',
    );
    const job = await importAndWait(root);
    expect(job.counts).toEqual({ imported: 4 });
    const flagged = createDocumentsRepo(core.db).nearDuplicates();
    expect(flagged).toHaveLength(1);
    expect([flagged[0]!.fileName, flagged[0]!.ofFileName].sort()).toEqual(['a-edited.txt', 'a.txt']);
    expect((await core.call('dataset.health', {})).nearDuplicates).toBe(1);
  });

  it('a cancelled import does not wait for the near-duplicate search; the resume that finishes runs it', async () => {
    const root = path.join(temp.dir, 'near-many');
    await fs.mkdir(path.join(root, 'CHEF'), { recursive: true });
    const base =
      'Head chef with ten years in fine dining kitchens, menu development, food cost control, HACCP compliance and training a brigade of cooks across two restaurants in the old town.';
    // Forty near-duplicates of each other: any two imported ones would be flagged by a search.
    for (let i = 0; i < 40; i++) await fs.writeFile(path.join(root, 'CHEF', `chef-${i}.txt`), `${base} Reference number ${i}.`);
    const started = await core.call('import.start', { path: root });
    await new Promise<void>((resolve) => {
      const off = core.events.subscribe((event) => {
        if (event.name === 'import.progressed' && event.payload.doneFiles >= 3) {
          off();
          resolve();
        }
      });
    });
    const cancelled = await core.call('import.cancel', { jobId: started.id });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.counts.imported).toBeGreaterThanOrEqual(2);
    expect(createDocumentsRepo(core.db).nearDuplicates()).toEqual([]);

    await core.call('import.resume', { jobId: started.id });
    expect((await core.imports.waitForIdle())!.state).toBe('finished');
    expect(createDocumentsRepo(core.db).nearDuplicates()).toHaveLength(39);
  });

  it('explains a path that does not exist', async () => {
    await expect(core.call('import.preview', { path: path.join(temp.dir, 'nope') })).rejects.toThrow(/Cannot import ".*nope": it does not exist/);
    await expect(core.call('import.start', { path: 'resumes/CHEF' })).rejects.toThrow(/"resumes\/CHEF" is not a full path/);
  });
});
