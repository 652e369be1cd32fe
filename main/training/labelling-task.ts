/**
 * One refresh of the labelling model, in the resident labelling worker (a training-worker thread
 * that stays up): read every document's label state, fit the labelling model on the resumes people
 * labelled, suggest a category for every unlabelled one and order the queue. The texts are read and
 * tokenized once and kept between refreshes (labels change at every answer, texts only when an
 * import adds some), which is what makes a refresh take about a second. Plain Node over ml/.
 */
import Database from 'better-sqlite3';
import {
  fitLabellingModel,
  labellingModelParams,
  maskPersonalData,
  nameHintsOfFileName,
  orderQueue,
  QUEUE_SCARCITY,
  QUEUE_SHARPNESS,
  scarcityWeights,
  screenTexts,
  serializeModel,
  suggestionsFor,
  TextClassifier,
  topClassOf,
  uncertaintyOf,
  l2NormalizeRows,
  sparseDot,
  hashString,
  type CsrMatrix,
  type PreparedCorpus,
  type QueueOrder,
  type UncertaintyMeasure,
} from '../../ml/index';
import { iterateDocumentTexts, labellingStates, type LabellingRow } from '../store/documents-repo';

/** What a refresh is asked. */
export interface LabellingRefreshInput {
  databasePath: string;
  blind: boolean;
  /** Categories with fewer labelled resumes are left out of the model (and named). */
  minPerCategory: number;
  /** Documents answered recently: the diversity rule keeps near-copies of them back. */
  recent: number[];
  seed: number;
  /** Length of each order returned. */
  queueDepth: number;
  measure: UncertaintyMeasure;
}

/** A category and how many resumes people labelled with it. */
export interface LabelledCount {
  category: string;
  documents: number;
}

/** The model's suggestion for every unlabelled resume, as columns. */
export interface SuggestionColumns {
  documentIds: Int32Array;
  /** Index into `classes` of the suggested category. */
  labelIndex: Int32Array;
  probability: Float64Array;
}

/** What a refresh returns: null model when fewer than two categories have enough labels. */
export interface LabellingRefreshResult {
  /** Labelled resumes per category (people's labels, not excluded, usable text). */
  counts: LabelledCount[];
  model: {
    json: string;
    classes: string[];
    trainedOn: number;
    validation: { confidence: number; isCorrect: boolean }[];
    suggestions: SuggestionColumns;
    /** Document ids in the order each queue mode asks them (the first `queueDepth`). */
    orders: Record<QueueOrder, Int32Array>;
  } | null;
  timings: { readMs: number; prepareMs: number; fitMs: number; suggestMs: number; orderMs: number; totalMs: number };
}

/** The texts read at an earlier refresh, kept while the same documents exist. */
interface Cache {
  key: string;
  prepared: PreparedCorpus;
  rowOf: Map<number, number>;
  usable: Uint8Array;
}

let cache: Cache | null = null;

/** Reads the label states and (when the documents changed since the last refresh) every text, in one read transaction. */
function readCorpus(input: LabellingRefreshInput): { states: LabellingRow[]; cache: Cache } {
  const db = new Database(input.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.transaction(() => {
      const states = labellingStates(db);
      // Texts never change once stored: the same document ids (and blind setting) mean the same texts.
      const key = hashString(`${input.databasePath}\u0000${input.blind}\u0000${states.map((s) => s.id).join(',')}`);
      if (cache?.key === key) return { states, cache };
      const names = new Map(states.map((s) => [s.id, s.fileName]));
      const texts: string[] = [];
      const ids: number[] = [];
      for (const { id, text } of iterateDocumentTexts(db)) {
        ids.push(id);
        // Blind: the model never sees personal data, as in training (the file name helps find the name).
        texts.push(input.blind ? maskPersonalData(text, { nameHints: nameHintsOfFileName(names.get(id) ?? '') }).text : text);
      }
      const screened = screenTexts(texts);
      const usable = new Uint8Array(texts.length);
      for (const i of screened.usable) usable[i] = 1;
      const prepared = new TextClassifier(labellingModelParams(input.seed)).prepare(
        texts,
        texts.map(() => ''),
      );
      cache = { key, prepared, rowOf: new Map(ids.map((id, row) => [id, row])), usable };
      return { states, cache };
    })();
  } finally {
    db.close();
  }
}

/** Runs one refresh; see the file header. */
export function runLabellingRefresh(input: LabellingRefreshInput, signal?: AbortSignal): LabellingRefreshResult {
  const started = performance.now();
  const read = readCorpus(input);
  const readMs = performance.now() - started;
  const { prepared, rowOf, usable } = read.cache;
  const labels = new Array<string>(prepared.labels.length).fill('');
  const labelled: number[] = [];
  const candidates: number[] = [];
  const perCategory = new Map<string, number>();
  for (const s of read.states) {
    const row = rowOf.get(s.id);
    if (row === undefined || !usable[row] || s.isExcluded) continue;
    if (s.category === null) candidates.push(row);
    else if (!s.isModelLabelled) {
      labels[row] = s.category;
      labelled.push(row);
      perCategory.set(s.category, (perCategory.get(s.category) ?? 0) + 1);
    }
  }
  const counts = [...perCategory].map(([category, documents]) => ({ category, documents })).sort((a, b) => (a.category < b.category ? -1 : 1));
  const kept = new Set(counts.filter((c) => c.documents >= input.minPerCategory).map((c) => c.category));
  const timings = { readMs, prepareMs: 0, fitMs: 0, suggestMs: 0, orderMs: 0, totalMs: 0 };
  if (kept.size < 2 || candidates.length === 0) return { counts, model: null, timings: { ...timings, totalMs: performance.now() - started } };
  if (signal?.aborted) throw Object.assign(new Error('The refresh was cancelled.'), { name: 'AbortError' });

  const fitStarted = performance.now();
  const trainRows = Int32Array.from(labelled.filter((row) => kept.has(labels[row]!)));
  const model = fitLabellingModel({ ...prepared, labels }, trainRows, labellingModelParams(input.seed), { signal });
  const K = model.pipeline.classes.length;
  const fitted = performance.now();
  const candidateRows = Int32Array.from(candidates);
  const proba = suggestionsFor(model, prepared, candidateRows);
  const top = topClassOf(proba, K);
  const idOfRow = new Map([...rowOf].map(([id, row]) => [row, id]));
  const documentIds = Int32Array.from(candidateRows, (row) => idOfRow.get(row)!);
  const suggested = performance.now();

  const recent = input.recent.flatMap((id) => rowOf.get(id) ?? []);
  const similarity = lazyCosine(prepared);
  const labelsPerClass = model.pipeline.classes.map((c) => perCategory.get(c) ?? 0);
  const queue = {
    docs: candidateRows,
    uncertainty: uncertaintyOf(proba, K, input.measure),
    probability: top.probability,
    weight: scarcityWeights(top.label, labelsPerClass, QUEUE_SCARCITY),
  };
  const orderOf = (order: QueueOrder) => {
    const picked = orderQueue(queue, { order, limit: input.queueDepth, seed: input.seed, similarity, recent, sharpness: QUEUE_SHARPNESS });
    return Int32Array.from(picked, (p) => documentIds[p]!);
  };
  const orders = { uncertain: orderOf('uncertain'), confident: orderOf('confident'), random: orderOf('random') };
  const ordered = performance.now();
  return {
    counts,
    model: {
      json: serializeModel(model.pipeline),
      classes: [...model.pipeline.classes],
      trainedOn: trainRows.length,
      validation: model.validation,
      suggestions: { documentIds, labelIndex: top.label, probability: top.probability },
      orders,
    },
    timings: {
      ...timings,
      fitMs: fitted - fitStarted,
      suggestMs: suggested - fitted,
      orderMs: ordered - suggested,
      totalMs: ordered - started,
    },
  };
}

/** Cosine similarity of two documents' candidate-term vectors, each built on first use (only the queue's head is ever compared). */
function lazyCosine(prepared: PreparedCorpus): (a: number, b: number) => number {
  const vectors = new Map<number, CsrMatrix>();
  const vector = (doc: number) => {
    let row = vectors.get(doc);
    if (!row) vectors.set(doc, (row = l2NormalizeRows(prepared.pool.candidateMatrix([doc]))));
    return row;
  };
  return (a, b) => {
    const va = vector(a);
    const vb = vector(b);
    return sparseDot(va.indices, va.values, vb.indices, vb.values);
  };
}
