// Labelling actions, undo and redo through the core's dispatcher, over a real SQLite file.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import type { StudioEvent } from '../../../preload/contract';
import { makeTempDir } from '../../helpers/temp-dir';
import { seedDocuments } from './seed';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let ids: number[];
let events: StudioEvent[];

const dataDir = () => path.join(temp.dir, 'data');
const open = async () => {
  core = await createCore({ dataDir: dataDir(), transport: 'cli' });
  events = [];
  core.events.subscribe((event) => events.push(event));
};
/** Each document's [category, excluded] straight from the database. */
const labels = () =>
  core.db
    .prepare('SELECT c.name AS category, d.excluded FROM documents d LEFT JOIN categories c ON c.id = d.category_id ORDER BY d.id')
    .all()
    .map((row) => {
      const { category, excluded } = row as { category: string | null; excluded: number };
      return [category, excluded === 1];
    });
const categories = () => (core.db.prepare('SELECT name FROM categories ORDER BY name').all() as { name: string }[]).map((r) => r.name);

beforeEach(async () => {
  temp = makeTempDir();
  await open();
  ids = seedDocuments(core.db, [
    { text: 'chef one', category: 'Chef' },
    { text: 'chef two', category: 'Chef' },
    { text: 'nurse one', category: 'Nurse' },
    { text: 'unknown one', category: null },
  ]);
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

describe('documents.get', () => {
  it('returns text, metadata, label and flags, and names a missing id', async () => {
    const detail = await core.call('documents.get', { id: ids[0]! });
    expect(detail).toMatchObject({ id: ids[0], fileName: 'resume-0.txt', text: 'chef one', charCount: 8, category: 'Chef', isExcluded: false, format: 'txt' });
    expect(Date.parse(detail.importedAt)).not.toBeNaN();
    await expect(core.call('documents.get', { id: 999 })).rejects.toThrow(/No resume has the id 999/);
  });
});

describe('labelling with undo and redo', () => {
  it('sets a category, then undo and redo move exactly those documents back and forth', async () => {
    const change = await core.call('documents.setCategory', { ids: [ids[0]!, ids[2]!, ids[3]!], category: 'Waiter' });
    expect(change.changed).toBe(3);
    expect(change.step?.description).toBe('Set 3 resumes to Waiter');
    expect(change.history.undo?.id).toBe(change.step?.id);
    expect(labels()).toEqual([
      ['Waiter', false],
      ['Chef', false],
      ['Waiter', false],
      ['Waiter', false],
    ]);
    expect(categories()).toContain('Waiter');

    const undone = await core.call('documents.undo', {});
    expect(undone).toMatchObject({ changed: 3, step: { description: 'Set 3 resumes to Waiter' }, history: { undo: null, redo: { id: change.step!.id } } });
    expect(labels()).toEqual([
      ['Chef', false],
      ['Chef', false],
      ['Nurse', false],
      [null, false],
    ]);
    // The action created Waiter; undoing it removes the now empty category again.
    expect(categories()).toEqual(['Chef', 'Nurse']);

    const redone = await core.call('documents.redo', {});
    expect(redone.changed).toBe(3);
    expect(labels()[0]).toEqual(['Waiter', false]);
    expect(categories()).toContain('Waiter');
    expect(redone.history).toEqual({ undo: change.step, redo: null });
  });

  it('excludes and includes; a no-op writes no history step', async () => {
    const excluded = await core.call('documents.setExcluded', { ids: [ids[1]!, ids[1]!], excluded: true });
    expect(excluded).toMatchObject({ changed: 1, step: { description: 'Excluded 1 resume' } });
    expect(labels()[1]).toEqual(['Chef', true]);
    const again = await core.call('documents.setExcluded', { ids: [ids[1]!], excluded: true });
    expect(again).toMatchObject({ changed: 0, step: null, history: { undo: excluded.step } });
    await core.call('documents.undo', {});
    expect(labels()[1]).toEqual(['Chef', false]);
  });

  it('a new action drops what was undone; undo walks back through several actions in order', async () => {
    await core.call('documents.setCategory', { ids: [ids[3]!], category: 'Chef' });
    await core.call('documents.setExcluded', { ids: [ids[0]!], excluded: true });
    await core.call('documents.setCategory', { ids: [ids[0]!], category: null });
    await core.call('documents.undo', {});
    await core.call('documents.undo', {});
    expect(labels()).toEqual([
      ['Chef', false],
      ['Chef', false],
      ['Nurse', false],
      ['Chef', false],
    ]);
    const fresh = await core.call('documents.setCategory', { ids: [ids[2]!], category: 'Chef' });
    expect(fresh.history.redo).toBeNull();
    expect((await core.call('documents.redo', {})).changed).toBe(0);
    await core.call('documents.undo', {});
    await core.call('documents.undo', {});
    expect(labels()[3]).toEqual([null, false]);
    expect(await core.call('documents.undo', {})).toMatchObject({ changed: 0, step: null });
  });

  it('keeps the history across a restart', async () => {
    await core.call('documents.setCategory', { ids: [ids[0]!, ids[1]!], category: 'Nurse' });
    await core.call('documents.setExcluded', { ids: [ids[2]!], excluded: true });
    await core.call('documents.undo', {});
    await core.close();
    await open();
    expect(await core.call('documents.history', {})).toMatchObject({
      undo: { description: 'Set 2 resumes to Nurse' },
      redo: { description: 'Excluded 1 resume' },
    });
    await core.call('documents.redo', {});
    expect(labels()[2]).toEqual(['Nurse', true]);
    await core.call('documents.undo', {});
    await core.call('documents.undo', {});
    expect(labels()).toEqual([
      ['Chef', false],
      ['Chef', false],
      ['Nurse', false],
      [null, false],
    ]);
  });

  it('announces documents.changed and the new dataset counts after each change', async () => {
    await core.call('documents.setCategory', { ids: [ids[3]!], category: 'Nurse' });
    await core.call('documents.undo', {});
    expect(events.map((e) => e.name)).toEqual(['documents.changed', 'dataset.changed', 'documents.changed', 'dataset.changed']);
    const summaries = events.filter((e) => e.name === 'dataset.changed').map((e) => (e.payload as { labelled: number }).labelled);
    expect(summaries).toEqual([4, 3]);
  });

  it('refuses unknown ids and bad category names without changing anything', async () => {
    await expect(core.call('documents.setCategory', { ids: [ids[0]!, 777], category: 'Waiter' })).rejects.toThrow(
      /No resume has the id 777; nothing was changed/,
    );
    await expect(core.call('documents.setCategory', { ids: [ids[0]!], category: '   ' })).rejects.toThrow(/cannot be empty/);
    await expect(core.call('documents.setCategory', { ids: [ids[0]!], category: 'a\tb' })).rejects.toThrow(/control characters/);
    await expect(core.call('documents.setExcluded', { ids: [], excluded: true })).rejects.toThrow(/Invalid input/);
    expect(labels()[0]).toEqual(['Chef', false]);
    expect(categories()).toEqual(['Chef', 'Nurse']);
    expect((await core.call('documents.history', {})).undo).toBeNull();
    expect(events).toEqual([]);
  });

  it('refuses a keyword rule of punctuation alone, which would match every resume (as the CLI does)', async () => {
    const before = labels();
    for (const q of ['!!!', '"-" OR ...', 'NOT', '( )']) {
      await expect(core.call('documents.setCategory', { filter: { q }, category: 'Waiter' }), q).rejects.toThrow(/no word to look for/);
      await expect(core.call('documents.setExcluded', { filter: { q }, excluded: true }), q).rejects.toThrow(/no word to look for/);
    }
    expect(labels()).toEqual(before);
    expect(categories()).toEqual(['Chef', 'Nurse']);
    // A real word still works, and the table's own search of punctuation still lists every resume.
    expect((await core.call('documents.setCategory', { filter: { q: 'chef' }, category: 'Cook', dryRun: true })).matched).toBe(2);
    expect((await core.call('documents.list', { filter: { q: '!!!' } })).total).toBe(4);
  });

  it('trims a category name before using it', async () => {
    await core.call('documents.setCategory', { ids: [ids[3]!], category: '  Nurse ' });
    expect(labels()[3]).toEqual(['Nurse', false]);
    expect(categories()).toEqual(['Chef', 'Nurse']);
  });

  it('relabels and undoes thousands of documents in one step', async () => {
    const many = seedDocuments(
      core.db,
      Array.from({ length: 3_000 }, (_, i) => ({ text: `bulk ${i}`, category: i % 2 ? 'Chef' : null })),
    );
    expect((await core.call('documents.setCategory', { ids: many, category: 'Nurse' })).changed).toBe(3_000);
    expect((await core.call('documents.undo', {})).changed).toBe(3_000);
    const chefs = core.db.prepare("SELECT COUNT(*) AS n FROM documents d JOIN categories c ON c.id = d.category_id WHERE c.name = 'Chef'").get() as {
      n: number;
    };
    expect(chefs.n).toBe(1_500 + 2);
  });
});
