// Reading a run's words ahead of the press (main/training/read-ahead.ts), on a real SQLite file with
// the real screening thread: a run takes what was read only when the snapshot is still the one read
// and its settings read texts the same way, and the model it makes is byte for byte a cold run's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { readAhead } from '../../../main/training/read-ahead';
import { runTrainTask } from '../../../main/training/train-from-database';
import type { TaskProgress, TrainTaskInput } from '../../../main/training/train-task';
import { openLabelledCore } from '../../helpers/labelled-core';

let labelled: Awaited<ReturnType<typeof openLabelledCore>>;
let core: Core;
let input: TrainTaskInput;
beforeAll(async () => {
  labelled = await openLabelledCore({ perClass: 8, categories: 3 });
  ({ core, input } = labelled);
}, 120_000);
afterAll(() => labelled.close());

/** Runs the training task here, with its progress steps. */
async function train(task: TrainTaskInput) {
  const steps: string[] = [];
  const result = await runTrainTask(task, (p: TaskProgress) => steps.push(p.step));
  return { result, steps };
}

describe('reading the words ahead of the press', () => {
  it('a run takes the words read ahead and makes the model a run that read them itself makes', async () => {
    const cold = await train(input);
    expect(cold.result.wordsReadAhead).toBe(false);
    const n = cold.result.documents;
    expect(cold.steps).toContain(`Reading the words of every resume, ${n} of ${n}`);

    expect(await readAhead(input)).toEqual({ documents: n, wasCurrent: false });
    // Asked again with nothing changed, it only checks what it holds.
    expect(await readAhead(input)).toEqual({ documents: n, wasCurrent: true });
    const warm = await train(input);
    expect(warm.result.wordsReadAhead).toBe(true);
    expect(warm.steps).toContain('Reading the words of every resume (read ahead)');
    expect(warm.steps.some((s) => /of every resume, \d+ of/.test(s))).toBe(false);
    expect(warm.result.modelJson).toBe(cold.result.modelJson);
    expect(warm.result.datasetHash).toBe(cold.result.datasetHash);
    expect(warm.result.predictions[0]!.documentIds).toEqual(cold.result.predictions[0]!.documentIds);

    // Taken once: the run's fits release the words, so the next run reads them again.
    expect((await train(input)).result.wordsReadAhead).toBe(false);
  }, 120_000);

  it('a relabel after the read-ahead makes the run read everything again, and train on the new label', async () => {
    const { documents } = await readAhead(input);
    const { rows } = await core.call('documents.list', { limit: 100 });
    const moved = rows.find((r) => r.category !== null)!;
    const other = rows.find((r) => r.category !== null && r.category !== moved.category)!.category!;
    await core.call('documents.setCategory', { ids: [moved.id], category: other });
    try {
      const { result } = await train(input);
      expect(result.wordsReadAhead).toBe(false);
      expect(result.documents).toBe(documents);
      const cold = await train(input);
      expect(result.datasetHash).toBe(cold.result.datasetHash);
    } finally {
      await core.call('documents.setCategory', { ids: [moved.id], category: moved.category! });
    }
  }, 120_000);

  it('a run whose settings read texts differently (unigrams only) does not take words read with bigrams', async () => {
    await readAhead(input);
    const unigrams = { ...input, params: { ...input.params, ngramMax: 1 as const } };
    const { result } = await train(unigrams);
    expect(result.wordsReadAhead).toBe(false);
    expect(result.modelJson).toBe((await train(unigrams)).result.modelJson);
  }, 120_000);
});
