// Resumes labelled by "accept the confident ones" train the next run but stay out of its held-out
// evaluation (holdout test side and cross-validation) until a person confirms them: real core, real
// labelling thread, real training worker, real SQLite file.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { createModelsRepo } from '../../../main/store/models-repo';
import { createTrainingRepo } from '../../../main/store/training-repo';
import { makeTempDir } from '../../helpers/temp-dir';
import { writeUnlabelledFolder } from '../../helpers/unlabelled-folder';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;

beforeAll(async () => {
  temp = makeTempDir();
  const pile = writeUnlabelledFolder(temp.dir, { perClass: 24, categories: 3, seed: 11 });
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli' });
  await core.call('import.start', { path: pile.root });
  await core.imports.waitForIdle();
  // Twelve labelled by hand per category: enough to train (5) and to suggest (2), and 36 validation
  // predictions, so the review threshold is chosen from them rather than the fixed fallback.
  const { rows } = await core.call('documents.list', { limit: 100 });
  const counts = new Map<string, number>();
  for (const row of rows) {
    const category = pile.truth.get(row.fileName)!;
    if ((counts.get(category) ?? 0) >= 12) continue;
    counts.set(category, (counts.get(category) ?? 0) + 1);
    await core.call('documents.setCategory', { ids: [row.id], category });
  }
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

/** Document ids a run evaluated: its holdout test side and its out-of-fold predictions. */
async function evaluatedIds(params: { folds: number; seed: number }): Promise<{ runId: number; holdout: number[]; cv: number[] }> {
  const { runId } = await core.call('training.start', { ...params, testFraction: 0.3 });
  const run = await core.training.waitForIdle();
  expect(run?.state).toBe('finished');
  const runs = createTrainingRepo(core.db, createModelsRepo(core.db));
  return {
    runId,
    holdout: runs.predictions(runId, 'holdout').map((p) => p.documentId),
    cv: runs.predictions(runId, 'cv').map((p) => p.documentId),
  };
}

it('trains on model-labelled resumes but evaluates none of them until they are confirmed', async () => {
  const accepted = await core.call('labelling.acceptConfident', {});
  expect(accepted.accepted).toBeGreaterThan(3);
  const modelLabelled = (await core.call('documents.list', { filter: { modelLabelled: 'only' }, limit: 100 })).rows.map((r) => r.id);
  const plan = await core.call('training.plan', {});
  expect(plan.modelLabelled).toBe(modelLabelled.length);
  expect(plan.usableDocuments).toBe(36 + modelLabelled.length);

  const before = await evaluatedIds({ folds: 3, seed: 4 });
  expect(before.holdout.filter((id) => modelLabelled.includes(id))).toEqual([]);
  expect(before.cv.filter((id) => modelLabelled.includes(id))).toEqual([]);
  // Every confirmed resume is still predicted out of fold; the model itself saw the model-labelled ones.
  expect(before.cv).toHaveLength(36);
  const run = await core.call('training.run', { runId: before.runId });
  expect(run.documents).toBe(36 + modelLabelled.length);

  await core.call('documents.confirmModelLabels', { ids: modelLabelled });
  const after = await evaluatedIds({ folds: 3, seed: 4 });
  expect(after.cv).toHaveLength(36 + modelLabelled.length);
  expect(modelLabelled.every((id) => after.cv.includes(id))).toBe(true);
});
