// The resume table's filters, sorting and windows, bulk actions on a whole search, duplicate
// groups with "keep one", and the data-health additions — through the dispatcher, on a real file.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import type { DocumentFilter } from '../../../preload/contract';
import { makeTempDir } from '../../helpers/temp-dir';
import { seedDocuments } from './seed';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let ids: number[];

const list = (
  filter: DocumentFilter,
  extra: { sort?: { key: 'id' | 'name' | 'category' | 'length'; direction: 'asc' | 'desc' }; offset?: number; limit?: number } = {},
) => core.call('documents.list', { filter, ...extra });
const idsOf = async (filter: DocumentFilter, extra = {}) => (await list(filter, extra)).rows.map((r) => r.id);

beforeEach(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli' });
  ids = seedDocuments(core.db, [
    { text: 'nurse ward patient care '.repeat(20), category: 'HEALTHCARE', fileName: 'b-nurse.txt' },
    { text: 'registered nurse, intensive care', category: null, fileName: 'a-nurse.txt' },
    { text: 'chef kitchen menu '.repeat(40), category: 'Chef', fileName: 'c-chef.txt' },
    { text: 'pastry chef kitchen', category: 'Chef', fileName: 'D-pastry.txt' },
    { text: 'accountant ledger audit', category: 'ARTS', fileName: 'e.txt' },
  ]);
  seedDocuments(core.db, [{ text: 'arts teacher painting', category: 'Arts', fileName: 'f.txt' }]);
  ids.push(ids.at(-1)! + 1);
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

describe('documents.list', () => {
  it('filters by category, unlabelled, excluded, length and import job, combined with AND', async () => {
    expect(await idsOf({ categories: ['Chef'] })).toEqual([ids[2], ids[3]]);
    expect(await idsOf({ unlabelled: true })).toEqual([ids[1]]);
    expect(await idsOf({ categories: ['Chef'], unlabelled: true })).toEqual([ids[1], ids[2], ids[3]]);
    expect(await idsOf({ minChars: 100 })).toEqual([ids[0], ids[2]]);
    expect(await idsOf({ maxChars: 25 })).toEqual([ids[3], ids[4], ids[5]]);
    expect(await idsOf({ minChars: 20, maxChars: 40 })).toEqual([ids[1], ids[4], ids[5]]);
    expect(await idsOf({ importJobId: 2 })).toEqual([ids[5]]);
    expect(await idsOf({ q: 'kitchen', categories: ['Chef'], maxChars: 100 })).toEqual([ids[3]]);
    await core.call('documents.setExcluded', { ids: [ids[3]!], excluded: true });
    expect(await idsOf({ excluded: 'only' })).toEqual([ids[3]]);
    expect(await idsOf({ excluded: 'hide', categories: ['Chef'] })).toEqual([ids[2]]);
  });

  it('returns rows with the table columns, sorted, one window at a time', async () => {
    const page = await list({}, { sort: { key: 'name', direction: 'asc' }, offset: 1, limit: 2 });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.fileName)).toEqual(['b-nurse.txt', 'c-chef.txt']);
    expect(page.rows[0]).toEqual({
      id: ids[0],
      fileName: 'b-nurse.txt',
      category: 'HEALTHCARE',
      charCount: 480,
      importJobId: 1,
      format: 'txt',
      isExcluded: false,
      isModelLabelled: false,
      nearDuplicateOf: null,
      nearDuplicateCount: 0,
      lastPrediction: null,
    });
    // Unlabelled sorts last in both directions of the category sort.
    expect((await list({}, { sort: { key: 'category', direction: 'asc' } })).rows.map((r) => r.category)).toEqual([
      'ARTS',
      'Arts',
      'Chef',
      'Chef',
      'HEALTHCARE',
      null,
    ]);
    expect((await list({}, { sort: { key: 'category', direction: 'desc' } })).rows.at(-1)!.category).toBeNull();
    expect(await idsOf({}, { sort: { key: 'length', direction: 'desc' }, limit: 2 })).toEqual([ids[2], ids[0]]);
  });

  it('sees a relabel at once (the cached id list is dropped after any write)', async () => {
    expect(await idsOf({ categories: ['Chef'] })).toHaveLength(2);
    await core.call('documents.setCategory', { ids: [ids[4]!], category: 'Chef' });
    expect(await idsOf({ categories: ['Chef'] })).toEqual([ids[2], ids[3], ids[4]]);
  });

  it('finds new documents: the search index follows every insert', async () => {
    expect(await idsOf({ q: 'sommelier' })).toEqual([]);
    const [added] = seedDocuments(core.db, [{ text: 'sommelier and wine list', category: null }]);
    expect(await idsOf({ q: 'sommelier' })).toEqual([added]);
  });
});

describe('bulk actions on a whole search', () => {
  it('relabels every match of a search (dry run first), and undo restores each previous label', async () => {
    const rule = { filter: { q: 'nurse OR "registered nurse"' }, category: 'HEALTHCARE' };
    const preview = await core.call('documents.setCategory', { ...rule, dryRun: true });
    expect(preview).toMatchObject({ matched: 2, changed: 1, step: null });
    expect(await idsOf({ unlabelled: true })).toEqual([ids[1]]);
    const applied = await core.call('documents.setCategory', rule);
    expect(applied.step?.description).toBe('Set 1 resume matching "nurse OR "registered nurse"" to HEALTHCARE');
    expect(await idsOf({ unlabelled: true })).toEqual([]);
    await core.call('documents.undo', {});
    expect(await idsOf({ unlabelled: true })).toEqual([ids[1]]);
  });

  it('excludes a filtered view, and refuses ids and a filter together', async () => {
    const change = await core.call('documents.setExcluded', { filter: { categories: ['Chef'] }, excluded: true });
    expect(change.changed).toBe(2);
    expect(await idsOf({ excluded: 'only' })).toEqual([ids[2], ids[3]]);
    await expect(core.call('documents.setExcluded', { ids: [ids[0]!], filter: {}, excluded: true })).rejects.toThrow(/either by ids or by a filter/);
    await expect(core.call('documents.setExcluded', { excluded: true })).rejects.toThrow(/either by ids or by a filter/);
  });
});

describe('duplicate groups', () => {
  it('lists near-duplicate groups with their members; keep one excludes the others and resolves the group', async () => {
    createDocumentsRepo(core.db).replaceNearDuplicateFlags([
      [ids[1]!, ids[0]!],
      [ids[3]!, ids[2]!],
      [ids[4]!, ids[2]!],
    ]);
    expect(await idsOf({ duplicates: true })).toEqual(ids.slice(0, 5));
    const { total, groups } = await core.call('documents.duplicateGroups', {});
    expect(total).toBe(2);
    expect(groups[1]).toMatchObject({ representativeId: ids[2], includedCount: 3 });
    expect(groups[1]!.members.map((m) => [m.id, m.excerpt.slice(0, 12)])).toEqual([
      [ids[2], 'chef kitchen'],
      [ids[3], 'pastry chef '],
      [ids[4], 'accountant l'],
    ]);
    expect(groups[1]!.members[0]!.nearDuplicateCount).toBe(2);
    expect((await core.call('dataset.health', {})).nearDuplicates).toBe(3);

    const kept = await core.call('documents.keepOne', { keepId: ids[3]! });
    expect(kept.changed).toBe(2);
    expect(await idsOf({ excluded: 'only' })).toEqual([ids[2], ids[4]]);
    const after = await core.call('documents.duplicateGroups', {});
    expect(after.groups.map((g) => g.representativeId)).toEqual([ids[0]]);
    expect((await core.call('documents.duplicateGroups', { includeResolved: true })).total).toBe(2);
    expect((await core.call('dataset.health', {})).nearDuplicates).toBe(1);
    await expect(core.call('documents.keepOne', { keepId: ids[5]! })).rejects.toThrow(/not in a duplicate group/);

    await core.call('documents.undo', {});
    expect((await core.call('documents.duplicateGroups', {})).total).toBe(2);
  });
});

describe('data health', () => {
  it('flags categories whose names differ only by case, spacing or punctuation, suggesting the biggest', async () => {
    seedDocuments(core.db, [
      { text: 'more arts 1', category: 'ARTS' },
      { text: 'it 1', category: 'Information-Technology' },
      { text: 'it 2', category: 'INFORMATION TECHNOLOGY' },
      { text: 'it 3', category: 'INFORMATION TECHNOLOGY' },
    ]);
    const { similarCategories } = await core.call('dataset.health', {});
    expect(similarCategories).toEqual([
      {
        categories: [
          { category: 'ARTS', documents: 2 },
          { category: 'Arts', documents: 1 },
        ],
        suggested: 'ARTS',
      },
      {
        categories: [
          { category: 'INFORMATION TECHNOLOGY', documents: 2 },
          { category: 'Information-Technology', documents: 1 },
        ],
        suggested: 'INFORMATION TECHNOLOGY',
      },
    ]);
  });
});
