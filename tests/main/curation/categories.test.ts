// Category create / rename / merge / delete: the count first, integrity after, undo and redo of each.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { seedDocuments } from './seed';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;

const dataDir = () => path.join(temp.dir, 'data');
/** Each document's label, by id, straight from SQLite. */
const labels = () =>
  (
    core.db.prepare('SELECT c.name AS category FROM documents d LEFT JOIN categories c ON c.id = d.category_id ORDER BY d.id').all() as {
      category: string | null;
    }[]
  ).map((r) => r.category);
const categoryNames = () => (core.db.prepare('SELECT name FROM categories ORDER BY name').all() as { name: string }[]).map((r) => r.name);
/** No document may point at a category row that does not exist. */
const orphans = () =>
  (
    core.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE category_id IS NOT NULL AND category_id NOT IN (SELECT id FROM categories)').get() as {
      n: number;
    }
  ).n;

const original = ['ARTS', 'ARTS', 'Arts', 'SALES', null, 'Sales'];

beforeEach(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: dataDir(), transport: 'cli' });
  seedDocuments(
    core.db,
    original.map((category, i) => ({ text: `resume ${i}`, category })),
  );
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

describe('categories', () => {
  it('merge says how many resumes move, moves exactly those, deletes the sources; undo and redo restore both sides', async () => {
    const preview = await core.call('categories.merge', { from: ['Arts'], into: 'ARTS', dryRun: true });
    expect(preview).toEqual({ plan: { description: 'Merged Arts into ARTS (1 resume)', moved: 1 }, change: null });
    expect(labels()).toEqual(original);

    const merged = await core.call('categories.merge', { from: ['Arts', 'Sales'], into: 'ARTS' });
    expect(merged.plan.moved).toBe(2);
    expect(merged.change?.changed).toBe(2);
    expect(labels()).toEqual(['ARTS', 'ARTS', 'ARTS', 'SALES', null, 'ARTS']);
    expect(categoryNames()).toEqual(['ARTS', 'SALES']);

    await core.call('documents.undo', {});
    expect(labels()).toEqual(original);
    expect(categoryNames()).toEqual(['ARTS', 'Arts', 'SALES', 'Sales']);
    await core.call('documents.redo', {});
    expect(labels()).toEqual(['ARTS', 'ARTS', 'ARTS', 'SALES', null, 'ARTS']);
    expect(orphans()).toBe(0);
  });

  it('merges into a new name, creating it; undo removes it again', async () => {
    await core.call('categories.merge', { from: ['SALES', 'Sales'], into: 'Sales & Marketing' });
    expect(labels()).toEqual(['ARTS', 'ARTS', 'Arts', 'Sales & Marketing', null, 'Sales & Marketing']);
    await core.call('documents.undo', {});
    expect(categoryNames()).toEqual(['ARTS', 'Arts', 'SALES', 'Sales']);
    expect(labels()).toEqual(original);
  });

  it('renames in place (documents follow), refuses a name already taken, and undo renames back', async () => {
    expect((await core.call('categories.rename', { from: 'ARTS', to: 'Fine arts', dryRun: true })).plan).toEqual({
      description: 'Renamed ARTS to Fine arts (2 resumes)',
      moved: 2,
    });
    const renamed = await core.call('categories.rename', { from: 'ARTS', to: 'Fine arts' });
    expect(renamed.change?.changed).toBe(2);
    expect(labels()).toEqual(['Fine arts', 'Fine arts', 'Arts', 'SALES', null, 'Sales']);
    await expect(core.call('categories.rename', { from: 'Arts', to: 'Fine arts' })).rejects.toThrow(/already exists; merge "Arts" into it instead/);
    await expect(core.call('categories.rename', { from: 'Nope', to: 'X' })).rejects.toThrow(/no category named "Nope"/);
    expect((await core.call('documents.undo', {})).changed).toBe(2);
    expect(labels()).toEqual(original);
    expect(categoryNames()).toEqual(['ARTS', 'Arts', 'SALES', 'Sales']);
  });

  it('deletes a category leaving its resumes unlabelled; undo recreates it with the same resumes', async () => {
    const deleted = await core.call('categories.delete', { name: 'SALES' });
    expect(deleted.plan).toEqual({ description: 'Deleted the category SALES (1 resume now unlabelled)', moved: 1 });
    expect(labels()).toEqual(['ARTS', 'ARTS', 'Arts', null, null, 'Sales']);
    expect(categoryNames()).not.toContain('SALES');
    await core.call('documents.undo', {});
    expect(labels()).toEqual(original);
    expect(orphans()).toBe(0);
  });

  it('creates an empty category (listed with 0), refuses a duplicate, and undo removes it', async () => {
    await core.call('categories.create', { name: 'Chef' });
    expect(await core.call('categories.list', {})).toContainEqual({ category: 'Chef', documents: 0 });
    await expect(core.call('categories.create', { name: 'Chef' })).rejects.toThrow(/already exists/);
    await core.call('documents.undo', {});
    expect(categoryNames()).not.toContain('Chef');
  });

  it('keeps category history across a restart: a merge is undone by a new process', async () => {
    await core.call('categories.merge', { from: ['Arts'], into: 'ARTS' });
    await core.call('categories.delete', { name: 'Sales' });
    await core.close();
    core = await createCore({ dataDir: dataDir(), transport: 'cli' });
    await core.call('documents.undo', {});
    await core.call('documents.undo', {});
    expect(labels()).toEqual(original);
    expect(categoryNames()).toEqual(['ARTS', 'Arts', 'SALES', 'Sales']);
  });

  it('refuses to undo a rename when the old name was taken again meanwhile, changing nothing', async () => {
    await core.call('categories.rename', { from: 'Sales', to: 'Retail' });
    seedDocuments(core.db, [{ text: 'a new sales resume', category: 'Sales' }]);
    await expect(core.call('documents.undo', {})).rejects.toThrow(/a category named "Sales" exists again/);
    expect(labels()).toEqual(['ARTS', 'ARTS', 'Arts', 'SALES', null, 'Retail', 'Sales']);
  });
});
