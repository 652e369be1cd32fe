// CSV / JSONL import without blocking reads (issue 8 faults 2 and 3): tables stream through the
// real core, non-regular files are refused before they are opened, and the backend keeps answering.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { streamTable } from '../../../main/import/table-records';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import { eventually } from '../../helpers/eventually';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
beforeEach(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli', importOptions: { batchSize: 7 } });
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

const csvRows = (count: number) =>
  Array.from({ length: count }, (_, i) => `${['Chef', 'Nurse', ''][i % 3]},"Resume ${i}: ""quoted"" skills,\nacross two lines, number ${i}"`);

describe('streamed tables', () => {
  it('a CSV larger than one read chunk previews and imports every row, in record order, with batches written as it is read', async () => {
    const csv = path.join(temp.dir, 'big.csv');
    // ~600 rows with padding: several 64 KB read chunks, records split across chunk boundaries.
    const padding = 'x'.repeat(300);
    await fs.writeFile(
      csv,
      `category,text\r\n${csvRows(600)
        .map((r) => r.replace('skills', `skills ${padding}`))
        .join('\r\n')}\r\n`,
    );
    expect((await fs.stat(csv)).size).toBeGreaterThan(3 * 64 * 1024);
    const preview = await core.call('import.preview', { path: csv });
    expect(preview.tabular).toMatchObject({ columns: ['category', 'text'], rows: 600, textColumn: 'text', labelColumn: 'category' });
    expect(preview.byCategory).toEqual([
      { category: 'Chef', files: 200 },
      { category: 'Nurse', files: 200 },
      { category: null, files: 200 },
    ]);
    expect(preview.tabular!.sampleRows).toHaveLength(5);
    expect(preview.tabular!.sampleRows[0]!.text!.length).toBe(160);

    await core.call('import.start', { path: csv });
    const job = (await core.imports.waitForIdle())!;
    expect(job).toMatchObject({ state: 'finished', totalFiles: 600, doneFiles: 600, counts: { imported: 600 } });
    const report = await core.call('import.report', { jobId: job.id, limit: 3 });
    const documents = createDocumentsRepo(core.db);
    expect(report.items.map((i) => i.relPath)).toEqual(['big.csv#record 1', 'big.csv#record 2', 'big.csv#record 3']);
    expect(documents.get(report.items[1]!.documentId!)).toMatchObject({
      category: 'Nurse',
      text: expect.stringMatching(/^Resume 1: "quoted" skills x+,\nacross two lines, number 1$/),
    });
    expect(documents.counts()).toEqual({ documents: 600, labelled: 400 });
  });

  it('a CSV that turns invalid half-way is refused at preview and start with the file and the reason, nothing written', async () => {
    const csv = path.join(temp.dir, 'broken.csv');
    await fs.writeFile(csv, `text,category\n${Array.from({ length: 50 }, (_, i) => `resume ${i},Chef`).join('\n')}\n"never closed,Chef\n`);
    await expect(core.call('import.preview', { path: csv })).rejects.toThrow(/broken\.csv: invalid CSV \(Quote Not Closed/);
    await expect(core.call('import.start', { path: csv })).rejects.toThrow(/broken\.csv: invalid CSV/);
    expect(createDocumentsRepo(core.db).counts().documents).toBe(0);
  });

  it('a CSV or JSONL without a label column previews and imports as unlabelled (the pile "Label with suggestions" sorts)', async () => {
    const csv = path.join(temp.dir, 'pile.csv');
    await fs.writeFile(csv, `resume\n${Array.from({ length: 4 }, (_, i) => `"Resume ${i}, cook and pastry"`).join('\n')}\n`);
    const jsonl = path.join(temp.dir, 'pile.jsonl');
    await fs.writeFile(jsonl, Array.from({ length: 3 }, (_, i) => JSON.stringify({ text: `Resume ${i}, nurse` })).join('\n'));
    for (const [file, rows] of [
      [csv, 4],
      [jsonl, 3],
    ] as const) {
      const preview = await core.call('import.preview', { path: file });
      expect(preview.tabular).toMatchObject({ rows, labelColumn: null });
      expect(preview.byCategory).toEqual([{ category: null, files: rows }]);
    }
    await core.call('import.start', { path: csv });
    expect(await core.imports.waitForIdle()).toMatchObject({ state: 'finished', counts: { imported: 4 } });
    expect(createDocumentsRepo(core.db).counts()).toEqual({ documents: 4, labelled: 0 });
  });

  it('JSONL columns are every key seen; a bad line is named', async () => {
    const jsonl = path.join(temp.dir, 'rows.jsonl');
    await fs.writeFile(jsonl, '\uFEFF{"text":"a"}\r\n\r\n{"text":"b","category":"X"}\n{"text":"c","category":"Y","extra":1}\n');
    const preview = await core.call('import.preview', { path: jsonl });
    expect(preview.tabular).toMatchObject({ columns: ['text', 'category', 'extra'], rows: 3, labelColumn: 'category' });
    expect(preview.byCategory).toEqual([
      { category: 'X', files: 1 },
      { category: 'Y', files: 1 },
      { category: null, files: 1 },
    ]);
    await fs.appendFile(jsonl, '{oops\n');
    await expect(core.call('import.preview', { path: jsonl })).rejects.toThrow(/rows\.jsonl: line 5 is not valid JSON/);
  });

  it('stops reading and closes the file when the consumer stops early', async () => {
    const csv = path.join(temp.dir, 'stop.csv');
    await fs.writeFile(csv, `text\n${Array.from({ length: 5000 }, (_, i) => `row ${i}`).join('\n')}\n`);
    const table = streamTable(csv);
    let seen = 0;
    for await (const _record of table.records()) if (++seen === 10) break;
    expect(seen).toBe(10);
    expect(table.columns).toEqual(['text']);
    // On Linux an open descriptor keeps /proc/self/fd pointing at the file; closing completes asynchronously.
    const openFiles = () => fs.readdir('/proc/self/fd').then((fds) => Promise.all(fds.map((fd) => fs.readlink(`/proc/self/fd/${fd}`).catch(() => ''))));
    await eventually(async () => expect(await openFiles()).not.toContain(csv));
  });
});

describe('non-regular files named like datasets', () => {
  it.each(['pipe.csv', 'pipe.jsonl'])('a FIFO %s gets a sentence in preview and start, and later requests still answer', async (name) => {
    const fifo = path.join(temp.dir, name);
    execFileSync('mkfifo', [fifo]);
    await expect(core.call('import.preview', { path: fifo })).rejects.toThrow(
      `Cannot import "${fifo}": it is a named pipe (FIFO), not a regular file or folder, so it was not opened.`,
    );
    await expect(core.call('import.start', { path: fifo })).rejects.toThrow(/it is a named pipe \(FIFO\)/);
    expect((await core.call('app.info', {})).transport).toBe('cli');
    expect(await core.call('import.jobs', {})).toEqual([]);
  });

  it('the table reader itself refuses a FIFO without opening it', async () => {
    const fifo = path.join(temp.dir, 'direct.csv');
    execFileSync('mkfifo', [fifo]);
    const records = streamTable(fifo).records();
    await expect(records.next()).rejects.toThrow('"direct.csv" is a named pipe (FIFO), not a regular file, so it was not opened');
  });
});
