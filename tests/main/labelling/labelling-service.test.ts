// "Label with suggestions" through the real core: a generated pile imported unlabelled, a few labels
// per category, then the queue (real refresh thread, real explaining thread, real SQLite file):
// suggestions, answers recorded against them and undone with their step, and "accept the confident
// ones" as one undoable, model-labelled step.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { LABELLING_MIN_PER_CATEGORY } from '../../../main/labelling/labelling-service';
import type { LabellingStatus } from '../../../preload/contract';
import { makeTempDir } from '../../helpers/temp-dir';
import { writeUnlabelledFolder } from '../../helpers/unlabelled-folder';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let truth: Map<string, string>;

/** The category a person would answer for a document. */
async function trueCategory(documentId: number): Promise<string> {
  const doc = await core.call('documents.get', { id: documentId });
  return truth.get(path.basename(doc.fileName))!;
}

beforeAll(async () => {
  temp = makeTempDir();
  const pile = writeUnlabelledFolder(temp.dir, { perClass: 14, categories: 3 });
  truth = pile.truth;
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli' });
  const preview = await core.call('import.preview', { path: pile.root });
  expect(preview.byCategory).toEqual([{ category: null, files: 42 }]);
  await core.call('import.start', { path: pile.root });
  await core.imports.waitForIdle();
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('labelling with suggestions', () => {
  it('says what is missing until two categories have enough labels of their own', async () => {
    const status = await core.call('labelling.status', {});
    expect(status.state).toBe('needs-labels');
    expect(status.unlabelled).toBe(42);
    expect(status.problem).toMatch(/two categories each have 2 resumes labelled by you/);
    // Meanwhile the queue hands out unlabelled resumes to label by hand, without suggestions.
    const page = await core.call('labelling.next', { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items.map((i) => [i.suggestion, i.modelVersion])).toEqual([
      [null, 0],
      [null, 0],
    ]);
    const next = await core.call('labelling.next', { limit: 1, skip: page.items.map((i) => i.documentId) });
    expect(page.items.map((i) => i.documentId)).not.toContain(next.items[0]!.documentId);
  });

  it('suggests from the first model once every category has a few labels, with the words that drove each', async () => {
    const { rows } = await core.call('documents.list', { filter: { unlabelled: true }, limit: 100 });
    const perCategory = new Map<string, number>();
    for (const row of rows) {
      const category = truth.get(row.fileName)!;
      if ((perCategory.get(category) ?? 0) >= LABELLING_MIN_PER_CATEGORY) continue;
      perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
      await core.call('documents.setCategory', { ids: [row.id], category });
    }
    const page = await core.call('labelling.next', { limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.status.state).toBe('ready');
    expect(page.status.model).toMatchObject({ version: 1, trainedOn: 6 });
    expect(page.status.model!.classes).toEqual([...perCategory.keys()].sort());
    for (const item of page.items) {
      expect(page.status.model!.classes).toContain(item.suggestion!.label);
      expect(item.suggestion!.evidence.length).toBeGreaterThan(0);
      const [span] = item.suggestion!.evidence[0]!.spans;
      expect(item.text.slice(span!.start, span!.end).length).toBeGreaterThan(0);
    }
    // The three asked first are the least sure: no suggestion left in the queue is less sure than them.
    expect(new Set(page.items.map((i) => i.documentId)).size).toBe(3);
  });

  it('records each answer against the suggestion shown, and forgets it when the answer is undone', async () => {
    const [item] = (await core.call('labelling.next', { limit: 1 })).items;
    const category = await trueCategory(item!.documentId);
    const change = await core.call('labelling.answer', { documentId: item!.documentId, category });
    expect(change.changed).toBe(1);
    let status = await core.call('labelling.status', {});
    expect(status.answers).toEqual({ answered: 1, accepted: category === item!.suggestion!.label ? 1 : 0, window: 50 });
    expect((await core.call('documents.get', { id: item!.documentId })).category).toBe(category);

    const wrong = status.model!.classes.find((c) => c !== category)!;
    const [next] = (await core.call('labelling.next', { limit: 1 })).items;
    await core.call('labelling.answer', { documentId: next!.documentId, category: next!.suggestion!.label === wrong ? category : wrong });
    status = await core.call('labelling.status', {});
    expect(status.answers.answered).toBe(2);

    await core.call('documents.undo', {});
    status = await core.call('labelling.status', {});
    expect(status.answers.answered).toBe(1);
    expect((await core.call('documents.get', { id: next!.documentId })).category).toBeNull();
  });

  it('counts an answer against the suggestion the window says it showed, not one handed out after it', async () => {
    const before = (await core.call('labelling.status', {})).answers;
    const [item] = (await core.call('labelling.next', { limit: 1 })).items;
    const classes = (await core.call('labelling.status', {})).model!.classes;
    // What a card showed from an earlier model, before a later page replaced this backend's record of the resume.
    const earlier = classes.find((c) => c !== item!.suggestion!.label)!;
    await core.call('labelling.answer', {
      documentId: item!.documentId,
      category: earlier,
      shown: { category: earlier, probability: 0.6, modelVersion: item!.modelVersion },
    });
    const after = (await core.call('labelling.status', {})).answers;
    expect(after).toEqual({ ...before, answered: before.answered + 1, accepted: before.accepted + 1 });
    await core.call('documents.undo', {});
    expect((await core.call('labelling.status', {})).answers).toEqual(before);
  });

  it('accepts the confident ones as model-labelled in one step, and undoes it whole', async () => {
    // Eight labels per category by hand: 24 validation predictions, so the review threshold is chosen
    // from them (below 20 it is a fixed 50 %, which a model of a handful of labels rarely reaches).
    const { rows } = await core.call('documents.list', { limit: 100 });
    const byHand = new Map<string, number>();
    for (const row of rows) if (row.category) byHand.set(row.category, (byHand.get(row.category) ?? 0) + 1);
    for (const row of rows) {
      const category = truth.get(row.fileName)!;
      if (row.category || (byHand.get(category) ?? 0) >= 8) continue;
      byHand.set(category, (byHand.get(category) ?? 0) + 1);
      await core.call('documents.setCategory', { ids: [row.id], category });
    }
    await core.call('labelling.refresh', {});
    const before = await core.call('labelling.status', {});
    const dry = await core.call('labelling.acceptConfident', { dryRun: true });
    expect(dry.accepted).toBe(before.confident);
    expect(dry.threshold).toBe(before.reviewThreshold!.value);
    expect(dry.change).toBeNull();
    expect(dry.accepted).toBeGreaterThan(0);

    const done = await core.call('labelling.acceptConfident', {});
    expect(done.accepted).toBe(dry.accepted);
    expect(done.change!.step!.description).toMatch(/^Accepted the model's suggestion for \d+ resumes/);
    const labelled = await core.call('documents.list', { filter: { modelLabelled: 'only' }, limit: 100 });
    expect(labelled.total).toBe(done.accepted);
    expect(labelled.rows.every((r) => r.isModelLabelled && r.category !== null)).toBe(true);
    const after = await core.call('labelling.status', {});
    expect(after.modelLabelled).toBe(done.accepted);
    expect(after.unlabelled).toBe(before.unlabelled - done.accepted);

    await core.call('documents.undo', {});
    expect((await core.call('documents.list', { filter: { modelLabelled: 'only' } })).total).toBe(0);
    const restored = await core.call('documents.list', { filter: { unlabelled: true }, limit: 100 });
    expect(restored.total).toBe(before.unlabelled);
  });

  it('announces a new status when the review threshold setting changes, with the count at it', async () => {
    await core.call('labelling.refresh', {});
    const announced = new Promise<LabellingStatus>((resolve) => {
      const unsubscribe = core.events.subscribe((event) => {
        if (event.name !== 'labelling.changed' || !event.payload.reviewThreshold?.isCustom) return;
        unsubscribe();
        resolve(event.payload);
      });
    });
    await core.call('settings.set', { reviewThreshold: 0.3 });
    const status = await announced;
    expect(status.reviewThreshold!.value).toBe(0.3);
    // Three categories: the top suggestion is always at least a third sure, so 30 % counts all the rest.
    expect(status.confident).toBe(status.unlabelled);
    await core.call('settings.set', { reviewThreshold: null });
    expect((await core.call('labelling.status', {})).reviewThreshold!.isCustom).toBe(false);
  });

  it('confirms a model label by labelling the resume again or with confirmModelLabels', async () => {
    const { accepted } = await core.call('labelling.acceptConfident', {});
    expect(accepted).toBeGreaterThan(1);
    const [first, second] = (await core.call('documents.list', { filter: { modelLabelled: 'only' } })).rows;
    await core.call('documents.setCategory', { ids: [first!.id], category: first!.category });
    await core.call('documents.confirmModelLabels', { ids: [second!.id] });
    const rows = await core.call('documents.list', { filter: { modelLabelled: 'only' }, limit: 100 });
    expect(rows.total).toBe(accepted - 2);
    for (const id of [first!.id, second!.id]) expect((await core.call('documents.get', { id })).isModelLabelled).toBe(false);
    expect((await core.call('documents.get', { id: second!.id })).category).toBe(second!.category);
  });
});
