// The import's batch writer: a real worker thread writing into a real SQLite file that the main
// connection then reads.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBatchWriter, type BatchWriter } from '../../../main/import/batch-writer';
import { openDatabase, type Db } from '../../../main/store/database';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import { createImportRepo, type ItemToWrite } from '../../../main/store/import-repo';
import { textHash } from '../../../main/store/text-hash';
import { syntheticResumeText } from '../../fixtures/resume-files';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let db: Db;
let writer: BatchWriter;
beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'studio.sqlite');
  db = await openDatabase(file);
  writer = startBatchWriter(db, file);
});
afterEach(async () => {
  await writer.close();
  db.close();
  temp.cleanup();
});

/** `count` imported files of `category`, numbered from `from`, with texts of `extraWords` more words. */
const items = (from: number, count: number, category = 'CHEF', extraWords = 0): ItemToWrite[] =>
  Array.from({ length: count }, (_, k) => {
    const text = `${syntheticResumeText(category)}\nCandidate ${from + k}${' pastry'.repeat(extraWords)}`;
    return {
      relPath: `${category}/${from + k}.txt`,
      displayName: `${from + k}.txt`,
      category,
      format: 'txt',
      sizeBytes: text.length,
      contentHash: `bytes-${from + k}`,
      status: 'imported',
      reason: 'Imported.',
      document: { text, textHash: textHash(text), sourcePath: `/in/${from + k}.txt`, fileName: `${from + k}.txt` },
    };
  });

describe('the batch writer thread', () => {
  it('writes a batch in one transaction that the main connection reads, text duplicates included', async () => {
    const repo = createImportRepo(db);
    const jobId = repo.createJob('/in', 'folder', {});
    const batch = items(0, 20);
    batch.push({ ...items(0, 1)[0]!, relPath: 'CHEF/copy.txt', displayName: 'copy.txt', contentHash: 'other-bytes' });
    const written = await writer.write(jobId, batch);
    expect(written).toEqual({ written: 21, countChanges: { imported: 20, duplicate: 1 } });
    expect(createDocumentsRepo(db).counts()).toEqual({ documents: 20, labelled: 20 });
    expect(repo.getJob(jobId)).toMatchObject({ doneFiles: 21, counts: { imported: 20, duplicate: 1 } });
    // The full-text index learnt the new texts (its triggers run on the writer's connection too).
    expect(db.prepare("SELECT COUNT(*) AS n FROM documents_fts WHERE documents_fts MATCH 'pastry'").get()).toEqual({ n: 0 });
    await writer.write(jobId, items(100, 3, 'CHEF', 2));
    expect(db.prepare("SELECT COUNT(*) AS n FROM documents_fts WHERE documents_fts MATCH 'pastry'").get()).toEqual({ n: 3 });
  });

  it('keeps the main thread turning while a batch is written', async () => {
    const repo = createImportRepo(db);
    const jobId = repo.createJob('/in', 'folder', {});
    let turns = 0;
    let writing = true;
    const turn = () => {
      turns++;
      if (writing) setImmediate(turn);
    };
    setImmediate(turn);
    // Written on this thread (repo.writeBatch) the batch would run to its end before any turn.
    await writer.write(jobId, items(0, 200, 'CHEF', 300));
    writing = false;
    expect(turns).toBeGreaterThan(0);
  });

  it("refuses a batch past the main connection's size limit with SQLite's code, keeping the batches before it", async () => {
    const repo = createImportRepo(db);
    const jobId = repo.createJob('/in', 'folder', {});
    await writer.write(jobId, items(0, 5));
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    await expect(writer.write(jobId, items(5, 50, 'CHEF', 2000))).rejects.toMatchObject({ code: 'SQLITE_FULL', message: expect.stringMatching(/full/) });
    expect(createDocumentsRepo(db).counts().documents).toBe(5);
    expect(repo.getJob(jobId)).toMatchObject({ doneFiles: 5 });
    db.pragma('max_page_count = 1073741823');
    await expect(writer.write(jobId, items(5, 50, 'CHEF', 2000))).resolves.toMatchObject({ written: 50 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
