/**
 * The training snapshot: the labelled, not excluded documents of categories large enough to train
 * on, read in one transaction on a read-only connection of its own (a worker thread's), with the
 * hash that identifies them. Plain Node.
 *
 * A run streams it (openSnapshot): ids and labels first, then the texts one at a time, straight
 * into the reader that turns them into token ids, so the training thread never holds the whole
 * corpus as strings. At 50k resumes the texts are hundreds of megabytes per copy.
 */
import Database from 'better-sqlite3';
import { maskPersonalData, nameHintsOfFileName, screenTexts, StreamHash, type Corpus } from '../../ml/index';
import { iterateLabelledDocuments, iterateLabelledIds } from '../store/documents-repo';
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

/** A snapshot being streamed: everything but the texts up front, the texts once through `texts()`. */
export interface SnapshotStream extends Omit<Snapshot, 'texts' | 'hash'> {
  /** The texts in order (masked when blind), for one pass; `hash()` is known once it has ended. */
  texts(): Generator<string>;
  /** The snapshot's hash; throws if the texts were not read to the end. */
  hash(): string;
  /** Reads every text for the hash alone (nothing masked, nothing kept) and returns it: is this the snapshot read earlier? */
  readHash(): string;
  /** Ends the read transaction and closes the connection (also after an error half-way). */
  close(): void;
}

/**
 * Opens the snapshot on a read-only connection inside one read transaction, so the ids counted now
 * and the texts read later are the same documents even if a relabel is committed meanwhile.
 * Blind: the texts come back with their personal data masked, the file name helping to find the
 * person's name (a blind model's own cleaner masks again at every prediction, without a file
 * name); the hash still identifies the stored texts.
 */
export function openSnapshot(databasePath: string, minDocumentsPerCategory: number, options: { blind?: boolean } = {}): SnapshotStream {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  let hash: string | null = null;
  try {
    db.exec('BEGIN');
    const rows = [...iterateLabelledIds(db)];
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
    const leftOut = new Set([...counts].filter(([, n]) => n < minDocumentsPerCategory).map(([c]) => c));
    const kept = rows.filter((r) => !leftOut.has(r.category));
    /** The kept rows in order, each added to the running hash first; the hash is set once they have all been read. */
    const keptRows = function* () {
      let running = '';
      let index = 0;
      for (const r of iterateLabelledDocuments(db)) {
        if (leftOut.has(r.category)) continue;
        if (r.id !== kept[index]?.id) throw new Error('The labelled documents changed while training read them.');
        index++;
        // A model-labelled document is marked in the hash (confirming it changes what a run evaluates); others hash as before.
        // hashString of `${running}\0${category}[\0model]\0${text}`, added piece by piece: the same
        // value (the hash reads code units in order) without copying each text into a new string.
        running = new StreamHash()
          .addText(running)
          .addText('\u0000')
          .addText(r.category)
          .addText(r.isModelLabelled ? '\u0000model\u0000' : '\u0000')
          .addText(r.text)
          .hex();
        yield r;
      }
      hash = running;
    };
    const stream: SnapshotStream = {
      ids: kept.map((r) => r.id),
      labels: kept.map((r) => r.category),
      trainOnly: kept.map((r) => r.isModelLabelled === 1),
      leftOutCategories: [...leftOut].sort(),
      *texts() {
        for (const r of keptRows()) yield options.blind ? maskPersonalData(r.text, { nameHints: nameHintsOfFileName(r.fileName) }).text : r.text;
      },
      hash() {
        if (hash === null) throw new Error('The snapshot hash is known only once every text has been read.');
        return hash;
      },
      readHash() {
        for (const _row of keptRows());
        return stream.hash();
      },
      close() {
        if (db.open) db.close();
      },
    };
    return stream;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Reads the whole snapshot into memory (the screening thread, the learning curve and re-evaluation need every text at once). */
export function readSnapshot(databasePath: string, minDocumentsPerCategory: number, options: { blind?: boolean } = {}): Snapshot {
  const stream = openSnapshot(databasePath, minDocumentsPerCategory, options);
  try {
    const texts = [...stream.texts()];
    return { ids: stream.ids, texts, labels: stream.labels, trainOnly: stream.trainOnly, leftOutCategories: stream.leftOutCategories, hash: stream.hash() };
  } finally {
    stream.close();
  }
}

/** The snapshot's documents a run trains on: those with usable text (a run screens the others out before grouping and splitting), keyed by document id as a run's split is. */
export function usableCorpus(snapshot: Snapshot): Corpus & { texts: string[]; labels: string[] } {
  return usableRowsOf({ ...snapshot, keys: snapshot.ids }, screenTexts(snapshot.texts));
}
