// The app's prediction methods through the real core: dispatcher, SQLite file, parse pool and prediction worker.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { fileModelSource } from '../../../main/predict/model-source';
import type { PredictedItem, StudioEvent } from '../../../preload/contract';
import { makeTextPdfBytes, writeEncryptedPdf } from '../../fixtures/resume-files';
import { sampleModelJson, sampleResumes } from '../../fixtures/sample-model';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
const events: StudioEvent[] = [];
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const predicted = (item: PredictedItem) => {
  if (item.status !== 'predicted') throw new Error(`expected a prediction, got ${item.status}: ${item.reason}`);
  return item;
};

beforeAll(async () => {
  temp = makeTempDir();
  const modelFile = path.join(temp.dir, 'model.json');
  fs.writeFileSync(modelFile, sampleModelJson());
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli', modelSource: fileModelSource(modelFile) });
  core.events.subscribe((event) => events.push(event));
  await core.prediction.ready();
});
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('predict.* through the core', () => {
  it('predicts a dropped PDF, stores it with its text, and reads it back', async () => {
    const resume = sampleResumes(1)[0]!;
    const item = predicted(await core.call('predict.file', { name: 'dropped.pdf', bytes: base64(await makeTextPdfBytes({ lines: resume.text.split('\n') })) }));
    expect(item).toMatchObject({ name: 'dropped.pdf', batchId: null, prediction: { label: resume.category, name: 'dropped.pdf' } });
    expect(item.text).toContain(resume.text.split('\n')[2]!.slice(0, 20));
    expect(await core.call('predict.get', { id: item.id })).toEqual(item);
  });

  it('gives an unreadable file its status and sentence, and stores nothing for it', async () => {
    const encrypted = fs.readFileSync(await writeEncryptedPdf(temp.dir));
    const item = await core.call('predict.file', { name: 'locked.pdf', bytes: base64(encrypted) });
    expect(item).toMatchObject({ status: 'encrypted', name: 'locked.pdf', reason: expect.stringMatching(/password/) });
    const count = core.db.prepare("SELECT COUNT(*) AS n FROM predictions WHERE file_name = 'locked.pdf'").get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('refuses bytes that are not base64 with a sentence', async () => {
    await expect(core.call('predict.file', { name: 'x.txt', bytes: '***' })).rejects.toThrow(/Invalid input for predict\.file: bytes/);
  });

  it('counts the files of a batch, finishes it, and refuses files after a cancel', async () => {
    const batch = await core.call('predict.batchStart', { total: 2 });
    const [a, b] = sampleResumes(1);
    const first = predicted(await core.call('predict.file', { name: 'a.txt', bytes: base64(Buffer.from(a!.text)), batchId: batch.id }));
    expect(first.text).toBeNull();
    await core.call('predict.file', { name: 'b.txt', bytes: base64(Buffer.from('')), batchId: batch.id });
    const progress = events.filter((e): e is StudioEvent<'predict.batchProgressed'> => e.name === 'predict.batchProgressed' && e.payload.id === batch.id);
    expect(progress.map((e) => [e.payload.done, e.payload.failed, e.payload.state])).toEqual([
      [0, 0, 'running'],
      [1, 0, 'running'],
      [2, 1, 'finished'],
    ]);
    const other = await core.call('predict.batchStart', { total: 5 });
    expect((await core.call('predict.batchCancel', { batchId: other.id })).state).toBe('cancelled');
    await expect(core.call('predict.file', { name: 'late.txt', bytes: base64(Buffer.from(b!.text)), batchId: other.id })).rejects.toThrow(
      /The batch was cancelled; late\.txt was not predicted/,
    );
  });

  it('adds predictions to the dataset with the predicted or a corrected label, once', async () => {
    const [nurse, other] = sampleResumes(1);
    const one = predicted(await core.call('predict.text', { text: nurse!.text, name: 'one.txt' }));
    const two = predicted(await core.call('predict.text', { text: other!.text }));
    expect(two.name).toBe('Pasted text');
    const before = await core.call('dataset.summary', {});
    const result = await core.call('predict.addToDataset', {
      items: [
        { predictionId: one.id, category: one.prediction.label },
        { predictionId: two.id, category: 'Corrected Category' },
      ],
    });
    expect(result).toMatchObject({ added: 2, duplicates: 0 });
    const after = await core.call('dataset.summary', {});
    expect(after.documents).toBe(before.documents + 2);
    expect(after.categories).toEqual(expect.arrayContaining([{ category: 'Corrected Category', documents: 1 }]));
    const report = await core.call('import.report', { jobId: result.importJobId });
    expect(report.job).toMatchObject({ kind: 'files', state: 'finished', rootPath: 'Predict page', totalFiles: 2, doneFiles: 2 });
    expect(report.items.map((i) => i.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/as predicted/), expect.stringMatching(/corrected from the predicted "/)]),
    );
    expect(events.some((e) => e.name === 'dataset.changed')).toBe(true);
    const again = await core.call('predict.addToDataset', { items: [{ predictionId: one.id, category: 'Nurse' }] });
    expect(again).toMatchObject({ added: 0, duplicates: 1 });
    await expect(core.call('predict.addToDataset', { items: [{ predictionId: 999_999, category: 'Nurse' }] })).rejects.toThrow(
      /no stored prediction 999999; nothing was added/,
    );
  });

  it('closing right after adding to the dataset stops the near-duplicate check it started, with no error', async () => {
    const dir = makeTempDir();
    const modelFile = path.join(dir.dir, 'model.json');
    fs.writeFileSync(modelFile, sampleModelJson());
    const other = await createCore({ dataDir: path.join(dir.dir, 'data'), transport: 'cli', modelSource: fileModelSource(modelFile) });
    const warnings: unknown[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    const warn = console.warn;
    process.on('unhandledRejection', onUnhandled);
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      await other.prediction.ready();
      const [resume] = sampleResumes(1);
      const item = predicted(await other.call('predict.text', { text: resume!.text }));
      await other.call('predict.addToDataset', { items: [{ predictionId: item.id, category: 'Nurse' }] });
      // The check runs in a worker thread and writes to the database: close() must wait for it to stop.
      await other.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
      expect(warnings).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      console.warn = warn;
      dir.cleanup();
    }
  });

  it('a review threshold set in Settings applies at once and is announced', async () => {
    await core.call('settings.set', { reviewThreshold: 0.999 });
    const status = events.filter((e) => e.name === 'predict.statusChanged').at(-1) as StudioEvent<'predict.statusChanged'>;
    expect(status.payload.reviewThreshold).toMatchObject({ value: 0.999, isCustom: true, suggested: 0.5 });
    const item = predicted(await core.call('predict.text', { text: sampleResumes(1)[0]!.text }));
    expect(item.prediction).toMatchObject({ needsReview: true, reviewThreshold: 0.999 });
    await core.call('settings.set', { reviewThreshold: null });
    expect((await core.call('predict.status', {})).reviewThreshold).toMatchObject({ value: 0.5, isCustom: false });
  });
});
