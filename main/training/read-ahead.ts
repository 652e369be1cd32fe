/**
 * Reading the next run's resumes while the Train page is open. A 2.4k-resume run spent 1.3–1.7 s of
 * its ~3.5 s reading the words of every resume (and, on the second thread meanwhile, screening them
 * and grouping duplicates) before the first model was fitted. The thread the plan readies
 * (ready-thread.ts) does that part first, as the run would, and keeps the result; a run on that
 * thread takes it when the snapshot it opens is the one read ahead — same documents, labels and
 * texts, by the snapshot's own hash — and when its settings read texts the same way. Anything else
 * (a relabel, an edit, an import, another tokenizer setting) and the run reads everything again, as
 * before. The plan asks for it only on corpora small enough to hold while idle
 * (ready-thread.ts, READ_AHEAD_MAX_DOCUMENTS). It lives in the training worker's module state: a thread serves one
 * read-ahead and then one run (serve-worker.ts answers requests in order). Plain Node over ml/.
 */
import { TextClassifier, type PreparedCorpus } from '../../ml/index';
import { runPipelineParams } from './run-training';
import type { ScreenTaskResult } from './screen-task';
import { startSecondThread } from './second-thread';
import { openSnapshot, type SnapshotStream } from './snapshot';
import type { TrainTaskInput } from './train-task';

/** A snapshot read ahead: its rows, its hash, its words and its screening. */
export interface WordsReadAhead {
  databasePath: string;
  minDocumentsPerCategory: number;
  blind: boolean;
  ids: number[];
  labels: string[];
  trainOnly: boolean[];
  leftOutCategories: string[];
  hash: string;
  prepared: PreparedCorpus;
  screened: ScreenTaskResult;
}

/** What a read-ahead request answers. */
export interface ReadAheadSummary {
  documents: number;
  /** The snapshot read ahead earlier was still the current one, so nothing was read again. */
  wasCurrent: boolean;
}

let held: WordsReadAhead | null = null;

const sameArray = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** True when `input` opens the snapshot `ahead` was read from, and its settings read texts as they were read. */
function sameSource(ahead: WordsReadAhead, input: TrainTaskInput): boolean {
  return (
    ahead.databasePath === input.databasePath &&
    ahead.minDocumentsPerCategory === input.minDocumentsPerCategory &&
    ahead.blind === (input.params.blind === true) &&
    new TextClassifier(runPipelineParams(input.params)).canUse(ahead.prepared)
  );
}

/** True when the snapshot `input` opens now is the one `ahead` read: same ids, labels and hash. */
function isCurrent(ahead: WordsReadAhead, input: TrainTaskInput): boolean {
  const stream = openSnapshot(input.databasePath, input.minDocumentsPerCategory, { blind: input.params.blind });
  try {
    return (
      sameArray(stream.ids, ahead.ids) &&
      sameArray(stream.labels, ahead.labels) &&
      sameArray(stream.trainOnly, ahead.trainOnly) &&
      stream.readHash() === ahead.hash
    );
  } finally {
    stream.close();
  }
}

/** The snapshot's rows as a read-ahead keeps them. */
function rowsOf(stream: SnapshotStream, input: TrainTaskInput) {
  return {
    databasePath: input.databasePath,
    minDocumentsPerCategory: input.minDocumentsPerCategory,
    blind: input.params.blind === true,
    ids: stream.ids,
    labels: stream.labels,
    trainOnly: stream.trainOnly,
    leftOutCategories: stream.leftOutCategories,
  };
}

/**
 * Reads the snapshot's words (here) and screens it (on a second thread), as the start of a run
 * does, and keeps both for the next run on this thread. When what is kept is still current, it is
 * only checked. A screening that fails or read other data keeps nothing: the run does it all.
 */
export async function readAhead(input: TrainTaskInput): Promise<ReadAheadSummary> {
  if (held && sameSource(held, input) && isCurrent(held, input)) return { documents: held.ids.length, wasCurrent: true };
  held = null;
  const stream = openSnapshot(input.databasePath, input.minDocumentsPerCategory, { blind: input.params.blind });
  const second = startSecondThread(input, undefined, { helper: false });
  try {
    let prepared: PreparedCorpus;
    let hash: string;
    try {
      prepared = new TextClassifier(runPipelineParams(input.params)).prepare(stream.texts(), stream.labels);
      hash = stream.hash();
    } finally {
      stream.close();
    }
    const screened = await second.screening;
    if (screened?.hash === hash) held = { ...rowsOf(stream, input), hash, prepared, screened };
    return { documents: stream.ids.length, wasCurrent: false };
  } finally {
    await second.close();
  }
}

/**
 * The read-ahead for a run with `input`, if it is of the snapshot the run would open now and its
 * settings read texts the same way; null otherwise. Either way it is no longer held: the run's fits
 * release its words as they go.
 */
export function takeReadAhead(input: TrainTaskInput): WordsReadAhead | null {
  const ahead = held;
  held = null;
  return ahead && sameSource(ahead, input) && isCurrent(ahead, input) ? ahead : null;
}
