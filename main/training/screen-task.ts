/**
 * The half of a run's corpus work that does not depend on the model: which documents have usable
 * text and which are duplicates of one another. The training worker hands it to a second worker
 * thread (this task, on the training worker's own entry) while it reads the words of every resume
 * itself, so on a two-core machine the two take the time of the longer one. The second thread reads
 * the snapshot from SQLite on its own connection; its answer is used only when the snapshot it read
 * has the same hash. Plain Node over ml/.
 */
import { createDuplicateGrouper, screenTexts, type DuplicateGroups } from '../../ml/index';
import { openSnapshot } from './snapshot';

/** What the screening task is asked: the snapshot to read, as the run reads it. */
export interface ScreenTaskInput {
  databasePath: string;
  minDocumentsPerCategory: number;
  blind: boolean;
}

/** Screening of the snapshot's texts and the duplicate groups of the usable ones, with the hash of the snapshot they belong to. */
export interface ScreenTaskResult {
  hash: string;
  screened: ReturnType<typeof screenTexts>;
  groups: DuplicateGroups;
}

/**
 * Screens the texts and groups the usable ones (what runTraining does when given none), one text at
 * a time: it holds no texts, only the shingle sets later texts are compared with.
 */
export function screenAndGroup(texts: Iterable<string>): Omit<ScreenTaskResult, 'hash'> {
  const grouper = createDuplicateGrouper();
  const screened = screenTexts(texts, (text) => grouper.add(text));
  return { screened, groups: grouper.finish() };
}

/** The task: stream the snapshot from SQLite, screening and grouping as it goes. */
export function runScreenTask(input: ScreenTaskInput): ScreenTaskResult {
  const snapshot = openSnapshot(input.databasePath, input.minDocumentsPerCategory, { blind: input.blind });
  try {
    const result = screenAndGroup(snapshot.texts());
    return { hash: snapshot.hash(), ...result };
  } finally {
    snapshot.close();
  }
}

/** The part of the training worker's interface a run's second thread uses. */
export type ScreenWorkerApi = { screen: { input: ScreenTaskInput; result: ScreenTaskResult; progress: never } };
