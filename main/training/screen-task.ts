/**
 * The half of a run's corpus work that does not depend on the model: which documents have usable
 * text and which are duplicates of one another. The training worker hands it to a second worker
 * thread (this task, on the training worker's own entry) while it reads the words of every resume
 * itself, so on a two-core machine the two take the time of the longer one. The second thread reads
 * the snapshot from SQLite on its own connection; its answer is used only when the snapshot it read
 * has the same hash. Plain Node over ml/.
 */
import { findDuplicateGroups, screenTexts, type DuplicateGroups } from '../../ml/index';
import { readSnapshot } from './snapshot';

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

/** Screens the texts and groups the usable ones (the same computation runTraining does when given none). */
export function screenAndGroup(texts: readonly string[]): Omit<ScreenTaskResult, 'hash'> {
  const screened = screenTexts(texts);
  const usable = screened.unusable.length ? screened.usable.map((i) => texts[i]!) : texts;
  return { screened, groups: findDuplicateGroups(usable) };
}

/** The task: read the snapshot, screen and group it. */
export function runScreenTask(input: ScreenTaskInput): ScreenTaskResult {
  const snapshot = readSnapshot(input.databasePath, input.minDocumentsPerCategory, { blind: input.blind });
  return { hash: snapshot.hash, ...screenAndGroup(snapshot.texts) };
}

/** The part of the training worker's interface a run's second thread uses. */
export type ScreenWorkerApi = { screen: { input: ScreenTaskInput; result: ScreenTaskResult; progress: never } };
