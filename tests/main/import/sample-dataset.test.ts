/**
 * The bundled sample dataset through the real path a user takes: `import.startSample` (the backend
 * finds assets/sample-resumes itself), the real parsers in worker threads, a real SQLite file.
 * Each deliberate problem must surface the way the tour promises.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportItem, ImportJob } from '../../../preload/contract';
import { createCore, type Core } from '../../../main/core/core';
import { AppError } from '../../../main/rpc/app-error';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import { createModelsRepo } from '../../../main/store/models-repo';
import { createTrainingRepo } from '../../../main/store/training-repo';
import { crossValidate, rankLikelyMislabelled } from '../../../ml/index';
import { buildSample, resumesPerCategory, type SampleProblems } from '../../../bin/sample-resumes/plan';
import { makeTempDir } from '../../helpers/temp-dir';

const sampleRoot = path.resolve(import.meta.dirname, '../../../assets/sample-resumes');

let core: Core;
let cleanup: () => void;
let job: ImportJob;
let items: Map<string, ImportItem>;
let problems: SampleProblems;
let fileCount: number;

beforeAll(async () => {
  const temp = makeTempDir('sample-import-');
  cleanup = temp.cleanup;
  const plan = await buildSample();
  problems = plan.problems;
  fileCount = plan.files.size;
  core = await createCore({ dataDir: temp.dir, transport: 'cli' });
  const started = await core.call('import.startSample', {});
  job = (await core.imports.waitForIdle()) ?? started;
  const report = await core.call('import.report', { jobId: job.id, limit: 1000 });
  items = new Map(report.items.map((item) => [item.relPath, item]));
}, 120_000);

afterAll(async () => {
  await core?.close();
  cleanup?.();
});

describe('importing the sample dataset', () => {
  it('reads the bundled folder found by the backend, every file of it', () => {
    expect(core.sampleDir).toBe(sampleRoot);
    expect(job.rootPath).toBe(sampleRoot);
    expect(job.state).toBe('finished');
    expect(job.totalFiles).toBe(fileCount);
    expect(items.size).toBe(fileCount);
  });

  it('gives the exact copy, and only it, the status duplicate', () => {
    expect(items.get(problems.duplicate.relPath)).toMatchObject({ status: 'duplicate' });
    expect(items.get(problems.duplicate.relPath)!.reason).toContain(problems.duplicate.copyOf);
    expect(items.get(problems.duplicate.copyOf)).toMatchObject({ status: 'imported' });
  });

  it('gives the scanned PDF the status no_text, with the advice to OCR it', () => {
    expect(items.get(problems.scanned.relPath)).toMatchObject({ status: 'no_text', format: 'pdf' });
    expect(items.get(problems.scanned.relPath)!.reason).toMatch(/OCR/);
  });

  it('imports everything else: PDF, DOCX and TXT alike, one category per folder', () => {
    expect(job.counts).toEqual({ imported: fileCount - 2, duplicate: 1, no_text: 1 });
    const formats = new Set([...items.values()].filter((item) => item.status === 'imported').map((item) => item.format));
    expect([...formats].sort()).toEqual(['docx', 'pdf', 'txt']);
    const categories = new Set([...items.values()].map((item) => item.category));
    expect([...categories].sort()).toEqual(['Accountant', 'Data Scientist', 'Nurse', 'Sales', 'Software Engineer', 'Teacher']);
  });

  it('flags the resume saved twice with a small change as a near-duplicate, and nothing else', async () => {
    const health = await core.call('dataset.health', {});
    expect(health.nearDuplicates).toBe(1);
    expect(health.tinyClasses).toEqual([]);
    expect(health.classCounts.every((c) => c.documents >= resumesPerCategory)).toBe(true);
    const near = await core.call('documents.get', { id: items.get(problems.nearDuplicate.relPath)!.documentId! });
    const of = await core.call('documents.get', { id: items.get(problems.nearDuplicate.of)!.documentId! });
    expect(near.nearDuplicateOf === of.id || of.nearDuplicateOf === near.id).toBe(true);
  });

  it('lets training find the misfiled resume: the most likely mislabelled one, and the only one', () => {
    const labelled = [...createDocumentsRepo(core.db).iterateLabelled()];
    const cv = crossValidate(
      { texts: labelled.map((d) => d.text), labels: labelled.map((d) => d.category) },
      { engine: 'fast', seed: 42 },
      { folds: 5, seed: 42 },
    );
    // A sensible sample: the classifier is right about nearly everything except the planted mistake.
    expect(cv.meanAccuracy).toBeGreaterThan(0.9);
    const ranked = rankLikelyMislabelled(cv, 5).filter((candidate) => candidate.margin > 0.5);
    expect(ranked).toHaveLength(1);
    const misfiledId = items.get(problems.mislabelled.relPath)!.documentId;
    expect(labelled[ranked[0]!.row]!.id).toBe(misfiledId);
    expect(ranked[0]).toMatchObject({ givenLabel: problems.mislabelled.filedUnder, suggestedLabel: problems.mislabelled.actualCategory });
  }, 120_000);

  it('trains a model whose held-out mistakes are not shown as "100.0%": its temperature is shrunk toward 1, and the model card says so', async () => {
    const { runId } = await core.call('training.start', {});
    const run = (await core.training.waitForIdle())!;
    expect(run).toMatchObject({ id: runId, state: 'finished' });
    const detail = await core.call('training.run', { runId });
    const holdout = detail.holdout!;
    // Every wrong held-out prediction, cell by cell of the confusion matrix, as Evaluate lists it.
    const wrong = (
      await Promise.all(
        holdout.confusion.flatMap((row, t) =>
          row.flatMap((count, p) =>
            t !== p && count > 0 ? [core.call('evaluation.cell', { runId, trueCategory: holdout.classes[t]!, predictedCategory: holdout.classes[p]! })] : [],
          ),
        ),
      )
    ).flat();
    // Which resumes land on the held-out side depends on the split (by document id): whether or not the
    // sample's misfiled accountant is among them, no held-out prediction, right or wrong, reads 100.0 %.
    const heldOut = createTrainingRepo(core.db, createModelsRepo(core.db)).predictions(runId, 'holdout');
    expect(heldOut.length).toBeGreaterThan(0);
    for (const doc of [...wrong, ...heldOut]) expect((doc.confidence * 100).toFixed(1)).not.toBe('100.0');
    // The temperature is fitted with a prior toward T = 1 worth 20 rows, and the card says what it did
    // (how far it moved T depends on how sure the out-of-fold rows of this split were).
    expect(detail.calibration!.temperatureFit).toMatch(/(shrunk toward T = 1 by a prior worth 20 rows|the prior toward T = 1 \(worth 20 rows\) moved it)/);
    expect(holdout.logLoss).toBeLessThan(1);
    const card = await core.call('models.card', { id: run.modelId! });
    expect(card.markdown).toContain(detail.calibration!.temperatureFit!);
  }, 120_000);

  it('holds only invented contacts: example.com addresses and 555-01xx phone numbers', () => {
    const texts = [...createDocumentsRepo(core.db).iterateLabelled()].map((d) => d.text).join('\n');
    const emails = texts.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? [];
    expect(emails.length).toBeGreaterThan(80);
    expect(emails.filter((email) => !email.endsWith('@example.com'))).toEqual([]);
    const phones = texts.match(/\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}/g) ?? [];
    expect(phones.length).toBeGreaterThan(80);
    expect(phones.filter((phone) => !/^\(555\) 555-01\d\d$/.test(phone))).toEqual([]);
    const urls = texts.match(/https?:\/\/\S+/g) ?? [];
    expect(urls.filter((url) => !url.startsWith('https://example.com/'))).toEqual([]);
  });

  it('says in a sentence when this copy of the app has no sample', async () => {
    const temp = makeTempDir('no-sample-');
    const bare = await createCore({ dataDir: temp.dir, transport: 'cli', sampleDir: null });
    try {
      const attempt = bare.call('import.startSample', {});
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringMatching(/sample dataset is not installed.*import a folder of your own/),
      });
      expect(bare.imports.jobs()).toEqual([]);
    } finally {
      await bare.close();
      temp.cleanup();
    }
  });
});
