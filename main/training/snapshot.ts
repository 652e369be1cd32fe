/**
 * The training snapshot: the labelled, not excluded documents of categories large enough to train
 * on, read in one transaction on a read-only connection of its own (a worker thread's), with the
 * hash that identifies them. Plain Node.
 */
import Database from 'better-sqlite3';
import { hashString, maskPersonalData, nameHintsOfFileName, screenTexts, type Corpus } from '../../ml/index';
import { iterateLabelledDocuments } from '../store/documents-repo';
import { usableRowsOf } from './run-training';

/** The labelled corpus as the worker reads it. */
export interface Snapshot {
  ids: number[];
  texts: string[];
  labels: string[];
  /** Model-labelled documents nobody confirmed: trained on, kept out of every evaluation set (see ml Corpus.trainOnly). */
  trainOnly: boolean[];
  leftOutCategories: string[];
  /** Hash of every (text, label) pair in order, as the engine computes it for the model it fits. */
  hash: string;
}

/**
 * Reads the training snapshot through the documents repository on a read-only connection. Blind:
 * the texts come back with their personal data masked, the file name helping to find the person's
 * name (a blind model's own cleaner masks again at every prediction, without a file name); the hash
 * still identifies the stored texts.
 */
export function readSnapshot(databasePath: string, minDocumentsPerCategory: number, options: { blind?: boolean } = {}): Snapshot {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  const rows: { id: number; fileName: string; text: string; category: string; isModelLabelled: 0 | 1 }[] = [];
  try {
    // One read transaction: a relabel committed meanwhile is either wholly in the snapshot or not.
    db.transaction(() => {
      for (const row of iterateLabelledDocuments(db)) rows.push(row);
    })();
  } finally {
    db.close();
  }
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  const leftOut = [...counts].filter(([, n]) => n < minDocumentsPerCategory).map(([c]) => c);
  const kept = rows.filter((r) => !leftOut.includes(r.category));
  let hash = '';
  // A model-labelled document is marked in the hash (confirming it changes what a run evaluates); others hash as before.
  for (const r of kept) hash = hashString(`${hash}\u0000${r.category}${r.isModelLabelled ? '\u0000model' : ''}\u0000${r.text}`);
  const textOf = (r: (typeof kept)[number]) => (options.blind ? maskPersonalData(r.text, { nameHints: nameHintsOfFileName(r.fileName) }).text : r.text);
  return {
    ids: kept.map((r) => r.id),
    texts: kept.map(textOf),
    labels: kept.map((r) => r.category),
    trainOnly: kept.map((r) => r.isModelLabelled === 1),
    leftOutCategories: leftOut.sort(),
    hash,
  };
}

/** The snapshot's documents a run trains on: those with usable text (a run screens the others out before grouping and splitting), keyed by document id as a run's split is. */
export function usableCorpus(snapshot: Snapshot): Corpus & { texts: string[]; labels: string[] } {
  return usableRowsOf({ ...snapshot, keys: snapshot.ids }, screenTexts(snapshot.texts));
}
