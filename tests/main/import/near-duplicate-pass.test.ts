// The near-duplicate pass after an import: incremental (only new documents, against the band
// index), chunked, and a failure is a sentence in the data-health summary, never a dead app.
// Real imports, real worker threads, real SQLite file.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { saveNearDuplicateChunk } from '../../../main/import/near-duplicate-chunk-task';
import { indexNearDuplicateChunk } from '../../../main/import/near-duplicate-search';
import { flagNearDuplicates, type NearDuplicatePassDeps } from '../../../main/import/near-duplicates';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import { createNearDuplicateIndexRepo } from '../../../main/store/near-duplicate-index-repo';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
beforeEach(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli', importOptions: { batchSize: 4, poolSize: 1 } });
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

const template = (n: number) =>
  `Warehouse team leader, forklift licence ${n}. Stock control, goods in and out, health and safety, night shifts, ` +
  'inventory systems, loading bays, picking and packing, dispatch planning, cycle counts and training new starters.';
const distinct = (topic: string) => `${topic} `.repeat(3) + `with a career in ${topic.toLowerCase()} spanning many different employers and duties.`;

async function importTexts(name: string, texts: string[]) {
  const folder = path.join(temp.dir, name, 'WAREHOUSE');
  await fs.mkdir(folder, { recursive: true });
  for (const [i, text] of texts.entries()) await fs.writeFile(path.join(folder, `${name}-${i}.txt`), text);
  await core.call('import.start', { path: path.dirname(folder) });
  const job = (await core.imports.waitForIdle())!;
  expect(job.state).toBe('finished');
}

const idOf = (text: string) => (core.db.prepare('SELECT id FROM documents WHERE text = ?').get(text) as { id: number }).id;
const flagOf = (text: string) => (core.db.prepare('SELECT near_duplicate_of AS ofId FROM documents WHERE text = ?').get(text) as { ofId: number | null }).ofId;
const bandRows = () => (core.db.prepare('SELECT COUNT(*) AS n FROM near_duplicate_bands').get() as { n: number }).n;
const passDeps = (): NearDuplicatePassDeps => ({
  db: core.db,
  documents: createDocumentsRepo(core.db),
  index: createNearDuplicateIndexRepo(core.db),
  databasePath: core.databasePath,
});

describe('near-duplicate pass', () => {
  it('flags near-duplicates after each import, comparing only the new documents with the index', async () => {
    await importTexts('first', [template(1), template(2), template(3), distinct('Nursing'), distinct('Accounting')]);
    expect(bandRows()).toBe(5 * 8);
    // The group's first stored document is its representative (files are parsed in parallel, so it
    // need not be the first file); every other copy points at it.
    const first = Math.min(...[1, 2, 3].map((n) => idOf(template(n))));
    for (const n of [1, 2, 3]) expect(flagOf(template(n))).toBe(idOf(template(n)) === first ? null : first);
    expect(await core.call('dataset.health', {})).toMatchObject({ nearDuplicates: 2, nearDuplicatesUnchecked: 0, nearDuplicateProblem: null });

    await importTexts('second', [template(4), template(5), distinct('Teaching')]);
    expect(bandRows()).toBe(8 * 8);
    // The new copies point at the first document of the group, imported by the earlier job.
    expect(flagOf(template(4))).toBe(first);
    expect(flagOf(template(5))).toBe(first);
    expect(flagOf(distinct('Teaching'))).toBeNull();
    // Nothing is left to check: a further pass looks at no document at all.
    expect(await flagNearDuplicates(passDeps())).toEqual({ checked: 0, flagged: 0, problem: null });
  });

  it('gives the same flags chunk by chunk as in one go', async () => {
    const texts = [template(1), distinct('Nursing'), template(2), template(3), distinct('Accounting'), template(4), template(5)];
    // Import without the automatic pass having anything to do afterwards: clear the index first.
    await importTexts('all', texts);
    const together = texts.map(flagOf);
    core.db.exec('DELETE FROM near_duplicate_bands; UPDATE documents SET near_duplicate_of = NULL;');
    const outcome = await flagNearDuplicates(passDeps(), { documentsPerChunk: 2 });
    expect(outcome).toEqual({ checked: 7, flagged: 4, problem: null });
    expect(texts.map(flagOf)).toEqual(together);
  });

  it('gives the same flags when a chunk is saved a few flags and documents per transaction, flags first, and leaves none unchecked', async () => {
    const texts = [template(1), distinct('Nursing'), template(2), template(3), distinct('Accounting'), template(4), template(5)];
    await importTexts('all', texts);
    const together = texts.map(flagOf);
    core.db.exec('DELETE FROM near_duplicate_bands; UPDATE documents SET near_duplicate_of = NULL;');
    // The worker's two steps, run here: search the chunk, then store it through a connection that
    // counts its transactions, each with the flags and band rows there are once its work is done.
    const chunk = indexNearDuplicateChunk({ databasePath: core.databasePath, nearThreshold: 0.8, maxDocuments: 100, maxCandidatesPerBand: 8 });
    expect(chunk).toMatchObject({ isLast: true, documentIds: expect.any(Array), pairs: expect.any(Array) });
    const commits: [number, number][] = [];
    const transaction = core.db.transaction.bind(core.db);
    const counting = Object.assign(Object.create(core.db), {
      transaction: (fn: () => void) => transaction(() => (fn(), commits.push([texts.map(flagOf).filter((f) => f !== null).length, bandRows()]))),
    });
    saveNearDuplicateChunk(counting, chunk, 2, 3);
    expect(texts.map(flagOf)).toEqual(together);
    // Four flags in two transactions, then seven documents' bands in four.
    expect(commits).toEqual([
      [3, 0],
      [4, 0],
      [4, 2 * 8],
      [4, 4 * 8],
      [4, 6 * 8],
      [4, 7 * 8],
    ]);
    expect((await core.call('dataset.health', {})).nearDuplicatesUnchecked).toBe(0);
  });

  it('stores flags and band keys from the worker: the main connection opens no transaction', async () => {
    const texts = [template(1), template(2), distinct('Nursing'), template(3)];
    await importTexts('all', texts);
    const together = texts.map(flagOf);
    core.db.exec('DELETE FROM near_duplicate_bands; UPDATE documents SET near_duplicate_of = NULL;');
    const deps = passDeps();
    const refusing = Object.assign(Object.create(core.db), {
      transaction: () => {
        throw new Error('the pass wrote on the main connection');
      },
    });
    expect(await flagNearDuplicates({ ...deps, db: refusing }, { documentsPerSave: 2, flagsPerSave: 1 })).toEqual({ checked: 4, flagged: 2, problem: null });
    expect(texts.map(flagOf)).toEqual(together);
    expect(bandRows()).toBe(4 * 8);
  });

  it('keeps the size limit the main connection set: a full database is a sentence, and the next pass catches up', async () => {
    // 60 copies: 480 band rows, more than the empty band table's one page holds.
    const texts = Array.from({ length: 60 }, (_, i) => template(i));
    await importTexts('all', texts);
    core.db.exec('DELETE FROM near_duplicate_bands; UPDATE documents SET near_duplicate_of = NULL;');
    // No free page left inside the file: the band rows need new ones.
    core.db.exec('VACUUM');
    core.db.pragma(`max_page_count = ${core.db.pragma('page_count', { simple: true }) as number}`);
    const full = await flagNearDuplicates(passDeps());
    expect(full.problem).toMatch(/full.*\. 60 documents are not checked for near-duplicates yet; the next import checks them again\.$/);
    core.db.pragma('max_page_count = 1073741823');
    expect(await flagNearDuplicates(passDeps())).toEqual({ checked: 60, flagged: 59, problem: null });
    expect(createDocumentsRepo(core.db).countNotCheckedForNearDuplicates()).toBe(0);
  });

  it('a worker that runs out of memory becomes a sentence in the data health; the next pass catches up', async () => {
    await importTexts('first', [template(1), template(2), distinct('Nursing')]);
    core.db.exec('DELETE FROM near_duplicate_bands; UPDATE documents SET near_duplicate_of = NULL;');
    const failed = await flagNearDuplicates(passDeps(), { maxOldGenerationSizeMb: 2 });
    expect(failed.checked).toBe(0);
    expect(failed.problem).toMatch(
      /^The near-duplicate search (ran out of memory|failed|stopped).*\. 3 documents are not checked for near-duplicates yet; the next import checks them again\.$/,
    );
    const health = await core.call('dataset.health', {});
    expect(health).toMatchObject({ nearDuplicateProblem: failed.problem, nearDuplicatesUnchecked: 3, nearDuplicates: 0 });
    // The app goes on: calls work, and the next pass succeeds and clears the sentence.
    expect((await core.call('dataset.summary', {})).documents).toBe(3);
    expect(await flagNearDuplicates(passDeps())).toEqual({ checked: 3, flagged: 1, problem: null });
    expect(await core.call('dataset.health', {})).toMatchObject({ nearDuplicateProblem: null, nearDuplicatesUnchecked: 0, nearDuplicates: 1 });
  });
});
