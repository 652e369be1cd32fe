// The training-runs repository over a real SQLite file: a finished run stores everything and activates its model in one
// transaction; a failed or cancelled run keeps the previous model; runs survive a reopen; a dead owner's run becomes interrupted.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/store/database';
import { createModelsRepo, readActiveModel, type ModelsRepo } from '../../../main/store/models-repo';
import { createTrainingRepo, type FinishedRun, type StoredPrediction, type TrainingRepo } from '../../../main/store/training-repo';
import type { MetricsReport, TrainingParams } from '../../../preload/contract';
import { makeTempDir } from '../../helpers/temp-dir';

const params: TrainingParams = {
  engine: 'fast',
  testFraction: 0.2,
  folds: 0,
  seed: 42,
  ngramMax: 2,
  maxFeatures: 5000,
  regularization: 100,
  memoryLimitMb: 1024,
  blind: false,
};
const owner = { pid: process.pid, startTime: null };

const report = (accuracy: number): MetricsReport => ({
  classes: ['a', 'b'],
  accuracy,
  macro: { precision: accuracy, recall: accuracy, f1: accuracy },
  weighted: { precision: accuracy, recall: accuracy, f1: accuracy },
  perClass: [
    { label: 'a', precision: 1, recall: 1, f1: 1, support: 1 },
    { label: 'b', precision: 1, recall: 1, f1: 1, support: 1 },
  ],
  confusion: [
    [1, 0],
    [1, 1],
  ],
  logLoss: 0.5,
  ece: 0.1,
  eceBins: 15,
  testRows: 3,
});

const finished = (accuracy: number): FinishedRun => ({
  datasetHash: 'hash-1',
  documents: 10,
  classes: 2,
  features: 99,
  holdout: report(accuracy),
  calibration: null,
  cv: null,
  split: { trainDocuments: 7, testDocuments: 3 },
  timings: { readMs: 1, vectorizeMs: 2, fitMs: 3, evaluateMs: 4, totalMs: 10 },
  epochs: [{ epoch: 1, loss: 0.7, validationAccuracy: 0.5 }],
  reviewThreshold: { threshold: 0.5, accuracyAbove: null, coverage: null, rows: 3, basis: 'Only 3 validation predictions are stored.' },
  model: {
    origin: 'trained',
    name: 'Run',
    format: 'f',
    modelJson: `{"acc":${accuracy}}`,
    engine: 'fast',
    classes: ['a', 'b'],
    documents: 10,
    dataHash: 'hash-1',
    macroF1: accuracy,
  },
});

const predictions: StoredPrediction[] = [
  { source: 'holdout', documentId: 1, trueCategory: 'a', predictedCategory: 'a', confidence: 0.9, trueProbability: 0.9 },
  { source: 'holdout', documentId: 2, trueCategory: 'b', predictedCategory: 'a', confidence: 0.8, trueProbability: 0.2 },
  { source: 'holdout', documentId: 3, trueCategory: 'b', predictedCategory: 'a', confidence: 0.6, trueProbability: 0.4 },
];

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let db: Db;
let models: ModelsRepo;
let runs: TrainingRepo;

const open = async () => {
  db = await openDatabase(file);
  models = createModelsRepo(db);
  runs = createTrainingRepo(db, models);
};

beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'studio.sqlite');
  await open();
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('training repository', () => {
  it('stores a finished run with its metrics, predictions and model, and makes the model active', () => {
    const id = runs.create(params, owner);
    expect(runs.summary(id)).toMatchObject({ state: 'running', engine: 'fast', modelId: null });
    runs.addPredictions(id, predictions);
    const modelId = runs.finish(id, finished(0.75));
    const detail = runs.get(id)!;
    expect(detail).toMatchObject({
      state: 'finished',
      documents: 10,
      classes: 2,
      datasetHash: 'hash-1',
      accuracy: 0.75,
      macroF1: 0.75,
      modelId,
      isActiveModel: true,
    });
    expect(detail.holdout?.confusion).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(detail.epochs).toEqual([{ epoch: 1, loss: 0.7, validationAccuracy: 0.5 }]);
    expect(readActiveModel(db)).toMatchObject({ id: modelId, runId: id, modelJson: '{"acc":0.75}' });
    expect(runs.cell(id, 'holdout', 'b', 'a').map((p) => p.documentId)).toEqual([2, 3]);
    expect(runs.mislabelled(id, 'holdout', 1)).toEqual([expect.objectContaining({ documentId: 2, margin: expect.closeTo(0.6, 9) })]);
    expect(runs.storedReviewThreshold(id)).toEqual(finished(0.75).reviewThreshold);
  });

  it('answers no stored review threshold for a run stored before it was kept, or not finished', () => {
    const id = runs.create(params, owner);
    expect(runs.storedReviewThreshold(id)).toBeNull();
    runs.finish(id, finished(0.75));
    const metrics = JSON.parse((db.prepare('SELECT metrics_json FROM training_runs WHERE id = ?').get(id) as { metrics_json: string }).metrics_json);
    delete metrics.reviewThreshold;
    db.prepare('UPDATE training_runs SET metrics_json = ? WHERE id = ?').run(JSON.stringify(metrics), id);
    expect(runs.storedReviewThreshold(id)).toBeNull();
    expect(runs.get(id)).toMatchObject({ state: 'finished', accuracy: 0.75 });
  });

  it('keeps the previous model active when a run fails or is cancelled', () => {
    const first = runs.create(params, owner);
    const modelId = runs.finish(first, finished(0.7));
    const failed = runs.create(params, owner);
    runs.addPredictions(failed, predictions);
    runs.end(failed, 'failed', 'Training ran out of memory.');
    const cancelled = runs.create(params, owner);
    runs.end(cancelled, 'cancelled', 'Training was cancelled.');
    expect(models.activeId()).toBe(modelId);
    expect(runs.summary(failed)).toMatchObject({ state: 'failed', error: 'Training ran out of memory.', modelId: null });
    expect(runs.summary(cancelled)?.state).toBe('cancelled');
    expect(runs.predictions(failed, 'holdout')).toEqual([]);
  });

  it('refuses to store the result of a run that already ended, leaving the active model alone', () => {
    const first = runs.create(params, owner);
    const modelId = runs.finish(first, finished(0.7));
    const late = runs.create(params, owner);
    runs.end(late, 'cancelled', 'Training was cancelled.');
    expect(() => runs.finish(late, finished(0.9))).toThrow(/not running any more/);
    expect(models.activeId()).toBe(modelId);
    expect(models.count()).toBe(1);
  });

  it('keeps runs across a reopen and marks a run whose owner is gone as interrupted', async () => {
    const done = runs.create(params, owner);
    runs.finish(done, finished(0.7));
    const orphan = runs.create(params, { pid: 999_999, startTime: 'x' });
    const alive = runs.create(params, owner);
    db.close();
    await open();
    expect(runs.markInterrupted((o) => o.pid === process.pid)).toBe(1);
    expect(runs.summary(orphan)).toMatchObject({ state: 'interrupted', error: expect.stringMatching(/Interrupted/) });
    expect(runs.summary(alive)?.state).toBe('running');
    expect(runs.list().map((r) => r.id)).toEqual([alive, orphan, done]);
    expect(runs.get(done)?.holdout?.accuracy).toBe(0.7);
  });
});
