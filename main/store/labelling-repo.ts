/**
 * The answers of the "Label with suggestions" queue (`labelling_answers`): which resume, what the
 * model suggested and whether the answer took it. Each answer belongs to the history step that
 * labelled the resume and goes with it (ON DELETE CASCADE); an undone step's answers no longer
 * count. Plain Node; used by main/labelling only.
 */
import type { AnswerStats } from '../../preload/contract';
import type { Db } from './database';

/** One answer as the queue records it. */
export interface NewAnswer {
  documentId: number;
  historyId: number;
  suggestedCategory: string;
  suggestedProbability: number;
  answerCategory: string;
  modelVersion: number;
}

/** Creates the answers repository over an open database. */
export function createLabellingRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO labelling_answers (document_id, history_id, suggested_category, suggested_probability, answer_category, is_accepted, model_version)
     VALUES (@documentId, @historyId, @suggestedCategory, @suggestedProbability, @answerCategory, @isAccepted, @modelVersion)`,
  );
  // label_history is the history repository's table; only its undone flag is read here, so an
  // answer whose step was undone (and not redone) leaves the figures.
  const latest = db.prepare<[number], { is_accepted: number }>(
    `SELECT a.is_accepted FROM labelling_answers a LEFT JOIN label_history h ON h.id = a.history_id
     WHERE COALESCE(h.is_undone, 0) = 0 ORDER BY a.id DESC LIMIT ?`,
  );
  return {
    /** Records an answer; call inside the action's transaction (its history step must exist). */
    record(answer: NewAnswer): void {
      insert.run({ ...answer, isAccepted: answer.answerCategory === answer.suggestedCategory ? 1 : 0 });
    },
    /** How many of the latest `window` answers (not undone) took the suggestion. */
    stats(window: number): AnswerStats {
      const rows = latest.all(window);
      return { answered: rows.length, accepted: rows.filter((r) => r.is_accepted === 1).length, window };
    },
  };
}

/** The answers repository's type. */
export type LabellingRepo = ReturnType<typeof createLabellingRepo>;
