// Training through the real core: import a generated folder, train in the real worker thread reading SQLite itself,
// store the run and activate its model; cancel and an exhausted memory limit keep the previous model and the app usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { chooseReviewThreshold } from '../../../main/predict/review-threshold';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import { createImportRepo } from '../../../main/store/import-repo';
import { createModelsRepo } from '../../../main/store/models-repo';
import { createTrainingRepo } from '../../../main/store/training-repo';
import { generateResumeSample } from '../../../ml/index';
import { readSnapshot } from '../../../main/training/snapshot';
import { deserializeModel } from '../../../ml/index';
import type { StudioEvent, TrainingProgress } from '../../../preload/contract';
import { eventually } from '../../helpers/eventually';
import { writeLabelledFolder } from '../../helpers/labelled-folder';
import { makeTempDir } from '../../helpers/temp-dir';

/** A word no other document has: each one grows the vocabulary the worker counts. */
const uniqueWords = (doc: number, n: number) => Array.from({ length: n }, (_, k) => `w${doc.toString(36)}x${k.toString(36)}`).join(' ');

/** Stores `count` more generated resumes, each with 200 words of its own, straight through the documents repository (faster than importing files). */
function addGeneratedDocuments(target: Core, count: number): void {
  const documents = createDocumentsRepo(target.db);
  const jobId = createImportRepo(target.db, documents).createJob('/generated', 'files', {});
  const rows = generateResumeSample({ seed: 99, perClass: Math.ceil(count / 24) }).slice(0, count);
  target.db.transaction(() =>
    rows.forEach((row, i) =>
      documents.insert({
        importJobId: jobId,
        sourcePath: `/generated/${i}.txt`,
        fileName: `${i}.txt`,
        format: 'txt',
        sizeBytes: row.text.length,
        contentHash: null,
        textHash: `generated-${i}`,
        text: `${row.text}\n${uniqueWords(i, 200)}`,
        category: row.category,
      }),
    ),
  )();
}

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
const events: StudioEvent[] = [];

beforeAll(async () => {
  temp = makeTempDir();
  const folder = writeLabelledFolder(temp.dir, { perClass: 12, categories: 4 });
  core = await createCore({ dataDir: `${temp.dir}/data`, transport: 'cli' });
  core.events.subscribe((e) => events.push(e));
  await core.call('import.start', { path: folder });
  await core.imports.waitForIdle();
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('training service', () => {
  it('plans with the labelled, not excluded documents per category', async () => {
    const plan = await core.call('training.plan', {});
    expect(plan.problem).toBeNull();
    expect(plan.categories).toHaveLength(4);
    expect(plan.categories.every((c) => c.documents >= 5 && c.isUsable)).toBe(true);
    expect(plan).toMatchObject({ usableDocuments: 48, unlabelled: 0, excluded: 0, defaults: { engine: 'fast', testFraction: 0.2, seed: 42, folds: 0 } });
  });

  it('trains in a worker with progress, stores the run with its predictions and activates the model', async () => {
    // The plan (the Train page asks for it when it opens) readies the run's thread, which reads the
    // words ahead; the press takes it.
    await core.call('training.plan', {});
    expect(core.training.hasReadyThread()).toBe(true);
    await core.training.threadLoaded();
    const { runId } = await core.call('training.start', { folds: 3 });
    expect(core.training.hasReadyThread()).toBe(false);
    await expect(core.call('training.start', {})).rejects.toThrow(/still running/);
    const run = (await core.training.waitForIdle())!;
    expect(run).toMatchObject({ id: runId, state: 'finished', documents: 48, classes: 4, isActiveModel: true });
    const progress = events.filter((e) => e.name === 'training.progressed').map((e) => e.payload as TrainingProgress);
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['reading', 'vectorize', 'fit', 'evaluate', 'saving']));
    expect(progress.some((p) => p.epoch !== null && p.loss !== null)).toBe(true);
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));
    // The readied thread read every resume's words ahead (the plan asked it to); the bar starts past them.
    const read = progress.find((p) => p.step === 'Reading the words of every resume (read ahead)');
    expect(read?.fraction).toBeGreaterThan(0);
    expect(events.some((e) => e.name === 'training.finished' && e.payload.run.id === runId)).toBe(true);
    expect(events.some((e) => e.name === 'models.activated' && e.payload.model?.runId === runId)).toBe(true);

    const detail = await core.call('training.run', { runId });
    expect(detail.holdout?.testRows).toBe(detail.split?.testDocuments);
    expect(detail.cv?.report.testRows).toBe(48);
    expect(detail.timings!.totalMs).toBeGreaterThan(0);
    expect(detail.calibration?.binsAfter.reduce((s, b) => s + b.count, 0)).toBe(detail.holdout?.testRows);

    const active = (await core.call('models.active', {}))!;
    expect(active.runId).toBe(runId);
    // The stored dataset hash is the snapshot's (what a later check of "did the data change?" recomputes).
    expect(deserializeModel(active.modelJson).pipeline.training!.docs).toBe(48);
    expect(readSnapshot(core.databasePath, 5).hash).toBe(detail.datasetHash);

    // The review threshold chosen in the worker is the one its stored out-of-fold predictions give,
    // and Predict uses it as its default.
    const runs = createTrainingRepo(core.db, createModelsRepo(core.db));
    const outOfFold = runs.predictions(runId, 'cv').map((p) => ({ confidence: p.confidence, isCorrect: p.predictedCategory === p.trueCategory }));
    expect(outOfFold).toHaveLength(48);
    expect(runs.storedReviewThreshold(runId)).toEqual(chooseReviewThreshold(outOfFold));
    await eventually(async () =>
      expect((await core.call('predict.status', {})).reviewThreshold).toMatchObject({
        suggested: chooseReviewThreshold(outOfFold).threshold,
        basis: chooseReviewThreshold(outOfFold).basis,
      }),
    );

    // Every document has an out-of-fold prediction; a confusion cell lists its documents.
    const holdout = detail.holdout!;
    const t = 0;
    const cellCount = holdout.confusion[t]![t]!;
    const cell = await core.call('evaluation.cell', { runId, trueCategory: holdout.classes[t]!, predictedCategory: holdout.classes[t]! });
    expect(cell).toHaveLength(cellCount);
    const explained = await core.call('evaluation.explain', { runId, documentId: cell[0]!.documentId });
    expect(explained.terms.length).toBeGreaterThan(0);
    const [start, end] = explained.terms.find((term) => term.spans.length)!.spans[0]!;
    expect(explained.text.slice(start, end).length).toBeGreaterThan(0);
  }, 120_000);

  it('takes blind mode from Settings only: a caller cannot ask for a run on unmasked text', async () => {
    await expect(core.call('training.start', { blind: false } as never)).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/blind/) });
    expect(core.training.current()).toBeNull();
  });

  it('cancelling stops a run in the middle and keeps the previous model active', async () => {
    const before = (await core.call('models.active', {}))!.id;
    // Cancel from the worker's first progress event: the run is then really at work, and the
    // request goes out before any later message of the worker (its result included) is read.
    const cancelled = new Promise<unknown>((resolve) => {
      const unsubscribe = core.events.subscribe((event) => {
        if (event.name !== 'training.progressed') return;
        unsubscribe();
        resolve(core.call('training.cancel', {}));
      });
    });
    const { runId } = await core.call('training.start', {});
    expect(await cancelled).toEqual({ isCancelled: true });
    const run = (await core.training.waitForIdle())!;
    expect(run).toMatchObject({ id: runId, state: 'cancelled', error: expect.stringMatching(/cancelled; the previous model is still active/) });
    expect((await core.call('models.active', {}))!.id).toBe(before);
  });

  it('a worker that exhausts its memory limit is reported in words and the app stays usable', async () => {
    const before = (await core.call('models.active', {}))!.id;
    // Enough distinct words that the worker's vocabulary cannot fit a 16 MB heap (the 48 small resumes would).
    addGeneratedDocuments(core, 3000);
    await core.call('training.start', { memoryLimitMb: 16 });
    const run = (await core.training.waitForIdle())!;
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/^Training ran out of memory \(limit 16 MB\) and was stopped\. Raise the memory limit under Advanced/);
    expect((await core.call('models.active', {}))!.id).toBe(before);
    // Still usable: the next run trains and becomes active.
    const next = await core.call('training.start', {});
    const done = (await core.training.waitForIdle())!;
    expect(done).toMatchObject({ id: next.runId, state: 'finished', isActiveModel: true });
    expect(done.documents).toBeGreaterThan(1000);
  }, 120_000);

  it('refuses to train with fewer than two usable categories, in a sentence naming what is missing', async () => {
    const empty = makeTempDir();
    const other = await createCore({ dataDir: empty.dir, transport: 'cli' });
    try {
      await expect(other.call('training.start', {})).rejects.toThrow(/needs at least two categories .* there are no labelled documents yet/);
    } finally {
      await other.close();
      empty.cleanup();
    }
  });
});
