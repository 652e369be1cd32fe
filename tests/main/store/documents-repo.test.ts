// The documents repository over a real SQLite file: the one owner of `documents` and `categories`.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/store/database';
import { createDocumentsRepo, iterateDocumentTexts, type DocumentsRepo, type NewDocument } from '../../../main/store/documents-repo';
import { createImportRepo } from '../../../main/store/import-repo';
import { migrations } from '../../../main/store/migrations';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let db: Db;
let documents: DocumentsRepo;
let jobId: number;

const doc = (n: number, category: string | null, text = `resume text number ${n}`): NewDocument => ({
  importJobId: jobId,
  sourcePath: `/r/${n}.txt`,
  fileName: `${n}.txt`,
  format: 'txt',
  sizeBytes: text.length,
  contentHash: `content-${n}`,
  textHash: `hash-of-${text}`,
  text,
  category,
});

/** Stores documents the way an import batch does: inside one transaction. */
const insertAll = (docs: NewDocument[]) => db.transaction(() => docs.map((d) => documents.insert(d)))();
const insertedId = (outcome: ReturnType<DocumentsRepo['insert']>) => (outcome.inserted ? outcome.id : -1);

beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'studio.sqlite');
  db = await openDatabase(file);
  documents = createDocumentsRepo(db);
  jobId = createImportRepo(db, documents).createJob('/r', 'folder', {});
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('documents repository', () => {
  it('inserts a document, and answers a second one with the same text with the stored one', () => {
    const [first, again] = insertAll([doc(1, 'Chef'), { ...doc(2, 'Nurse'), text: 'resume text number 1', textHash: 'hash-of-resume text number 1' }]);
    expect(first).toEqual({ inserted: true, id: expect.any(Number) });
    expect(again).toEqual({ inserted: false, existing: { id: insertedId(first!), fileName: '1.txt' } });
    expect(documents.counts()).toEqual({ documents: 1, labelled: 1 });
    expect(documents.findByContentHash('content-1')).toEqual({ id: insertedId(first!), fileName: '1.txt' });
    expect(documents.findByContentHash('content-2')).toBeUndefined();
  });

  it('counts the training corpus per category and what is set aside: unlabelled, excluded, model-labelled', () => {
    const ids = insertAll([doc(1, 'Chef'), doc(2, null), doc(3, 'Nurse'), doc(4, 'Chef'), doc(5, 'Chef'), doc(6, 'Nurse'), doc(7, 'Baker'), doc(8, null)]).map(
      insertedId,
    );
    db.prepare(`UPDATE documents SET model_labelled = 1 WHERE id IN (?, ?)`).run(ids[4], ids[5]);
    documents.setExcluded([ids[5]!, ids[6]!, ids[7]!], true);
    // Baker's only resume is excluded: no trainable category.
    expect(documents.trainingCounts()).toEqual({
      categories: [
        { category: 'Chef', documents: 3 },
        { category: 'Nurse', documents: 1 },
      ],
      unlabelled: 1,
      excluded: 3,
      modelLabelled: 1,
    });
  });

  it('labels, unlabels and excludes; the training corpus holds labelled documents not excluded, in id order', () => {
    const ids = insertAll([doc(1, 'Chef'), doc(2, null), doc(3, 'Nurse'), doc(4, 'Chef')]).map(insertedId);
    expect([...documents.iterateLabelled()].map((d) => [d.id, d.category])).toEqual([
      [ids[0], 'Chef'],
      [ids[2], 'Nurse'],
      [ids[3], 'Chef'],
    ]);

    expect(documents.setCategory([ids[1]!], 'Accountant')).toBe(1);
    expect(documents.setCategory([ids[2]!], null)).toBe(1);
    expect(documents.setExcluded([ids[0]!], true)).toBe(1);
    expect(documents.get(ids[0]!)).toMatchObject({ category: 'Chef', isExcluded: true });
    expect(documents.get(ids[1]!)).toMatchObject({ category: 'Accountant', isExcluded: false });
    expect([...documents.iterateLabelled()].map((d) => [d.id, d.category, d.text])).toEqual([
      [ids[1], 'Accountant', 'resume text number 2'],
      [ids[3], 'Chef', 'resume text number 4'],
    ]);
    expect(documents.categoryCounts()).toEqual([
      { category: 'Accountant', documents: 1 },
      { category: 'Chef', documents: 2 },
      { category: 'Nurse', documents: 0 },
    ]);

    documents.setExcluded([ids[0]!], false);
    expect([...documents.iterateLabelled()].map((d) => d.id)).toEqual([ids[0], ids[1], ids[3]]);
    expect(documents.get(9999)).toBeUndefined();
  });

  it('relabels more documents than one statement can bind, in one transaction', () => {
    const ids = insertAll(Array.from({ length: 1_234 }, (_, i) => doc(i, null))).map(insertedId);
    expect(documents.setCategory(ids, 'Chef')).toBe(1_234);
    expect(documents.counts()).toEqual({ documents: 1_234, labelled: 1_234 });
    expect(documents.setExcluded(ids.slice(0, 700), true)).toBe(700);
    expect([...documents.iterateLabelled()]).toHaveLength(534);
  });

  it('replaces near-duplicate flags and counts them in the health figures', () => {
    const ids = insertAll([doc(1, 'Chef', 'short'), doc(2, 'Chef'), doc(3, null)]).map(insertedId);
    documents.replaceNearDuplicateFlags([[ids[1]!, ids[0]!]]);
    expect(documents.nearDuplicates()).toEqual([{ documentId: ids[1], fileName: '2.txt', ofId: ids[0], ofFileName: '1.txt' }]);
    documents.replaceNearDuplicateFlags([[ids[2]!, ids[0]!]]);
    expect(documents.nearDuplicates().map((p) => p.documentId)).toEqual([ids[2]]);
    expect(documents.healthCounts(10, 19)).toEqual({ unlabelled: 1, shortTexts: 1, longTexts: 2, nearDuplicates: 1 });
  });

  it('serves texts to a read-only connection (what worker threads open)', () => {
    const ids = insertAll([doc(1, 'Chef'), doc(2, null)]).map(insertedId);
    const readOnly = new Database(file, { readonly: true });
    try {
      expect([...iterateDocumentTexts(readOnly)]).toEqual([
        { id: ids[0], text: 'resume text number 1' },
        { id: ids[1], text: 'resume text number 2' },
      ]);
    } finally {
      readOnly.close();
    }
  });
});

describe('migration 4', () => {
  it('adds documents.excluded (0 for documents stored before it) to a schema-3 database', async () => {
    const older = path.join(temp.dir, 'v3.sqlite');
    const v2 = await openDatabase(older, { migrations: migrations.filter((m) => m.version <= 3) });
    v2.prepare("INSERT INTO documents (file_name, text, text_hash) VALUES ('old.txt', 'kept text', 'h')").run();
    v2.close();
    const migrated = await openDatabase(older);
    try {
      const repo = createDocumentsRepo(migrated);
      expect(repo.get(1)).toMatchObject({ fileName: 'old.txt', text: 'kept text', isExcluded: false });
      expect(() => migrated.prepare('UPDATE documents SET excluded = 2').run()).toThrow(/CHECK constraint/);
    } finally {
      migrated.close();
    }
  });
});

describe('migration 6', () => {
  it('indexes the documents stored before it for full-text search', async () => {
    const older = path.join(temp.dir, 'v5.sqlite');
    const v5 = await openDatabase(older, { migrations: migrations.filter((m) => m.version <= 5) });
    v5.prepare("INSERT INTO documents (file_name, text, text_hash) VALUES ('old.txt', 'sommelier with wine lists', 'h')").run();
    v5.close();
    const migrated = await openDatabase(older);
    try {
      const repo = createDocumentsRepo(migrated);
      expect(repo.matchingIds({ search: { match: '"sommelier"', isNegated: false } })).toEqual([1]);
      expect(repo.matchingIds({ search: { match: '"chef"', isNegated: false } })).toEqual([]);
    } finally {
      migrated.close();
    }
  });
});
