// A real child process importing is killed with SIGKILL mid-way; the store must hold whole
// batches only, and running the same import again must finish it without duplicates.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateDocumentTexts } from '../../../main/store/documents-repo';
import { syntheticResumeText } from '../../fixtures/resume-files';
import { makeTempDir } from '../../helpers/temp-dir';

const bin = path.resolve(import.meta.dirname, '../../../bin/resume-studio.mjs');
const env = { ...process.env, RESUME_STUDIO_FROM_SOURCE: '1' };
const fileCount = 600;
const batchSize = 7;

let temp: ReturnType<typeof makeTempDir>;
let root: string;
let dataDir: string;
beforeAll(async () => {
  temp = makeTempDir();
  root = path.join(temp.dir, 'resumes');
  dataDir = path.join(temp.dir, 'data');
  for (const category of ['ACCOUNTANT', 'CHEF', 'TEACHER']) {
    await fs.mkdir(path.join(root, category), { recursive: true });
    for (let i = 0; i < fileCount / 3; i++) {
      await fs.writeFile(path.join(root, category, `${category}-${i}.txt`), `${syntheticResumeText(category)}\nCandidate number ${i}`);
    }
  }
});
afterAll(() => temp.cleanup());

const readState = () => {
  const db = new Database(path.join(dataDir, 'studio.sqlite'), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      job: db.prepare('SELECT state, done_files AS doneFiles FROM import_jobs WHERE id = 1').get() as { state: string; doneFiles: number } | undefined,
      items: (db.prepare('SELECT COUNT(*) AS n FROM import_items').get() as { n: number }).n,
      documents: [...iterateDocumentTexts(db)].length,
      importedItems: (db.prepare("SELECT COUNT(*) AS n FROM import_items WHERE status = 'imported'").get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
};

const readDoneFiles = (): number => {
  const db = new Database(path.join(dataDir, 'studio.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT MAX(done_files) AS n FROM import_jobs').get() as { n: number | null }).n ?? 0;
  } finally {
    db.close();
  }
};

describe('an import killed with SIGKILL', () => {
  it('keeps whole batches only, and resumes to completion without duplicates', async () => {
    const child = spawn(process.execPath, [bin, 'import', root, '--data-dir', dataDir, '--batch-size', String(batchSize)], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Wait until a few batches are committed, then kill without any chance to clean up.
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error('the import never committed a batch');
      // One small query per poll (readState's integrity check and full read would let hundreds of
      // files through between the poll that sees three batches and the kill).
      const done = await fs
        .access(path.join(dataDir, 'studio.sqlite'))
        .then(readDoneFiles, () => 0)
        .catch(() => 0);
      if (done >= 3 * batchSize) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await exited;

    const after = readState();
    expect(after.integrity).toBe('ok');
    expect(after.job!.state).toBe('running'); // nobody got to mark it: the next start will
    expect(after.job!.doneFiles).toBeLessThan(fileCount);
    expect(after.items).toBe(after.job!.doneFiles);
    expect(after.items % batchSize).toBe(0);
    expect(after.documents).toBe(after.importedItems);

    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'import', root, '--data-dir', dataDir], { env });
    expect(stderr).toMatch(new RegExp(`Resuming import 1, interrupted at ${after.job!.doneFiles} / ${fileCount}`));
    expect(stdout).toMatch(new RegExp(`Import 1 finished: ${fileCount} / ${fileCount} files — imported ${fileCount}`));
    const final = readState();
    expect(final).toMatchObject({
      integrity: 'ok',
      items: fileCount,
      documents: fileCount,
      importedItems: fileCount,
      job: { state: 'finished', doneFiles: fileCount },
    });
  }, 120_000);
});
