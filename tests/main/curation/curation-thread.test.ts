// The table and the labelling actions run on the curation thread: the main thread's event loop
// keeps turning during a relabel, undo, merge or search of thousands of resumes; an answer from
// the labelling queue (a main-thread write) waits its turn instead of meeting a locked database;
// and a refusal keeps its code and changes nothing. Real SQLite file, real worker thread.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import type { StudioEvent } from '../../../preload/contract';
import { makeTempDir } from '../../helpers/temp-dir';
import { seedDocuments } from './seed';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let events: StudioEvent[];
const many = 3000;

const countIn = (name: string) =>
  (core.db.prepare('SELECT COUNT(*) AS n FROM documents d JOIN categories c ON c.id = d.category_id WHERE c.name = ?').get(name) as { n: number }).n;

/**
 * Runs `start` and counts the main thread's event-loop turns until its promise settles. Done in
 * place (as before the curation thread), the work finishes inside `start` and no turn happens.
 */
async function turnsWhile<T>(start: () => Promise<T>): Promise<{ value: T; turns: number; doneAtCall: boolean; countAtCall: number }> {
  let turns = 0;
  let settled = false;
  const spin = () => {
    if (settled) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const pending = start();
  const countAtCall = countIn('Moved');
  try {
    return { value: await pending, turns, doneAtCall: countAtCall === many, countAtCall };
  } finally {
    settled = true;
  }
}

beforeEach(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli' });
  events = [];
  core.events.subscribe((event) => events.push(event));
  seedDocuments(
    core.db,
    Array.from({ length: many }, (_, i) => ({ text: `resume ${i} chef kitchen menu ${i % 7 === 0 ? 'pastry' : 'grill'}`, category: i % 2 ? 'Chef' : 'Cook' })),
  );
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

describe('the curation thread', () => {
  it('relabels a whole search while the main event loop keeps turning, then announces the change', async () => {
    const { value, turns, countAtCall } = await turnsWhile(() => core.call('documents.setCategory', { filter: { q: 'kitchen' }, category: 'Moved' }));
    expect(countAtCall).toBe(0);
    expect(turns).toBeGreaterThan(0);
    expect(value.changed).toBe(many);
    expect(countIn('Moved')).toBe(many);
    const changed = events.find((e) => e.name === 'documents.changed');
    expect(changed?.payload).toMatchObject({ changed: many, history: { undo: { id: value.step!.id } } });
    expect(events.filter((e) => e.name === 'dataset.changed')).toHaveLength(1);
  });

  it('undoes and merges thousands off the main thread, all or nothing', async () => {
    await core.call('documents.setCategory', { filter: {}, category: 'Moved' });
    const undo = await turnsWhile(() => core.call('documents.undo', {}));
    expect(undo.turns).toBeGreaterThan(0);
    expect(undo.value.changed).toBe(many);
    expect(countIn('Chef') + countIn('Cook')).toBe(many);

    const merge = await turnsWhile(() => core.call('categories.merge', { from: ['Chef', 'Cook'], into: 'Moved' }));
    expect(merge.turns).toBeGreaterThan(0);
    expect(merge.value.plan.moved).toBe(many);
    expect(countIn('Moved')).toBe(many);
    // The main connection sees the thread's commit at once.
    expect(await core.call('categories.list', {})).toEqual([{ category: 'Moved', documents: many }]);
  });

  it('searches off the main thread, and the table sees a write made here at once', async () => {
    const search = await turnsWhile(() => core.call('documents.list', { filter: { q: 'pastry' }, limit: 5 }));
    expect(search.turns).toBeGreaterThan(0);
    expect(search.value.total).toBe(Math.ceil(many / 7));
    const [first] = search.value.rows;
    await core.call('labelling.answer', { documentId: first!.id, category: 'Pastry' });
    const after = await core.call('documents.list', { filter: { q: 'pastry', categories: ['Pastry'] }, limit: 5 });
    expect(after.rows.map((r) => r.id)).toEqual([first!.id]);
  });

  it('counts the data health off the main thread, and sees a write made here at once', async () => {
    const health = await turnsWhile(() => core.call('dataset.health', {}));
    expect(health.turns).toBeGreaterThan(0);
    expect(health.value.classCounts).toEqual([
      { category: 'Chef', documents: many / 2 },
      { category: 'Cook', documents: many / 2 },
    ]);
    expect(health.value.unlabelled).toBe(0);
    core.db.prepare(`UPDATE documents SET category_id = NULL WHERE id IN (SELECT id FROM documents ORDER BY id LIMIT 3)`).run();
    expect((await core.call('dataset.health', {})).unlabelled).toBe(3);
  });

  it('lets a queue answer wait its turn behind a bulk action instead of meeting a locked database', async () => {
    const bulk = core.call('documents.setCategory', { filter: {}, category: 'Moved' });
    const answer = core.call('labelling.answer', { documentId: 1, category: 'Pastry' });
    const [bulkChange, answerChange] = await Promise.all([bulk, answer]);
    expect(bulkChange.changed).toBe(many);
    expect(answerChange.changed).toBe(1);
    // In the order they were asked: the answer came after the bulk relabel.
    expect(countIn('Moved')).toBe(many - 1);
    expect(countIn('Pastry')).toBe(1);
  });

  it('passes a refusal back with its code and changes nothing', async () => {
    await expect(core.call('categories.merge', { from: ['Nobody'], into: 'Chef' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(core.call('documents.setCategory', { ids: [1, many + 5], category: 'Moved' })).rejects.toMatchObject({ code: 'not_found' });
    expect(countIn('Moved')).toBe(0);
    expect(events.filter((e) => e.name === 'documents.changed')).toHaveLength(0);
  });
});
