/**
 * The labelling history (`label_history*` tables): every undoable action with its documents'
 * states (label, exclusion, model-labelled flag) before and after and the category rows it touched. Linear, like an editor's: a new action
 * drops whatever was undone. Plain Node; used by main/curation only.
 */
import type { HistoryStep, LabelHistory } from '../../preload/contract';
import type { Db } from './database';
import type { LabelState } from './documents-labels';

/** One document's change within an action. */
export interface DocumentChange {
  before: LabelState;
  after: LabelState;
}

/** A category row an action created, renamed or deleted, in the order it happened. */
export type CategoryOp = { op: 'created'; name: string } | { op: 'renamed'; name: string; newName: string } | { op: 'deleted'; name: string };

/** Everything an action changed. */
export interface HistoryEntry {
  step: HistoryStep;
  documents: DocumentChange[];
  categories: CategoryOp[];
}

/** Oldest actions beyond this many are forgotten, so the table cannot grow without bound. */
const keptSteps = 200;

interface StepRow {
  id: number;
  description: string;
  done_at: string;
}

/** Creates the history repository over an open database. */
export function createLabelHistoryRepo(db: Db) {
  const insertStep = db.prepare<[string]>('INSERT INTO label_history (description) VALUES (?)');
  const insertDocument = db.prepare(
    `INSERT INTO label_history_documents (history_id, document_id, before_category, after_category, before_excluded, after_excluded,
       before_model_labelled, after_model_labelled)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCategory = db.prepare('INSERT INTO label_history_categories (history_id, seq, op, name, new_name) VALUES (?, ?, ?, ?, ?)');
  const dropUndone = db.prepare('DELETE FROM label_history WHERE is_undone = 1');
  const dropOld = db.prepare(`DELETE FROM label_history WHERE id <= (SELECT id FROM label_history ORDER BY id DESC LIMIT 1 OFFSET ${keptSteps})`);
  const latestDone = db.prepare<[], StepRow>('SELECT id, description, done_at FROM label_history WHERE is_undone = 0 ORDER BY id DESC LIMIT 1');
  const earliestUndone = db.prepare<[], StepRow>('SELECT id, description, done_at FROM label_history WHERE is_undone = 1 ORDER BY id ASC LIMIT 1');
  const documentsOf = db.prepare<
    [number],
    {
      document_id: number;
      before_category: string | null;
      after_category: string | null;
      before_excluded: number;
      after_excluded: number;
      before_model_labelled: number;
      after_model_labelled: number;
    }
  >(
    `SELECT document_id, before_category, after_category, before_excluded, after_excluded, before_model_labelled, after_model_labelled
     FROM label_history_documents WHERE history_id = ?`,
  );
  const categoriesOf = db.prepare<[number], { op: CategoryOp['op']; name: string; new_name: string | null }>(
    'SELECT op, name, new_name FROM label_history_categories WHERE history_id = ? ORDER BY seq',
  );
  const setUndone = db.prepare<[number, number]>('UPDATE label_history SET is_undone = ? WHERE id = ?');

  const toStep = (row: StepRow): HistoryStep => ({ id: row.id, description: row.description, doneAt: row.done_at });
  const entry = (row: StepRow | undefined): HistoryEntry | null => {
    if (!row) return null;
    const documents = documentsOf.all(row.id).map((r) => ({
      before: { id: r.document_id, category: r.before_category, isExcluded: r.before_excluded === 1, isModelLabelled: r.before_model_labelled === 1 },
      after: { id: r.document_id, category: r.after_category, isExcluded: r.after_excluded === 1, isModelLabelled: r.after_model_labelled === 1 },
    }));
    const categories = categoriesOf
      .all(row.id)
      .map((r): CategoryOp => (r.op === 'renamed' ? { op: 'renamed', name: r.name, newName: r.new_name! } : { op: r.op, name: r.name }));
    return { step: toStep(row), documents, categories };
  };

  return {
    /** Records a new action (dropping anything undone, then the oldest beyond the limit). Call inside the action's transaction. */
    record(description: string, documents: readonly DocumentChange[], categories: readonly CategoryOp[]): HistoryStep {
      dropUndone.run();
      const id = Number(insertStep.run(description).lastInsertRowid);
      for (const { before, after } of documents) {
        const flags = [before.isExcluded, after.isExcluded, before.isModelLabelled, after.isModelLabelled].map((flag) => (flag ? 1 : 0));
        insertDocument.run(id, before.id, before.category, after.category, ...flags);
      }
      categories.forEach((c, seq) => insertCategory.run(id, seq, c.op, c.name, c.op === 'renamed' ? c.newName : null));
      dropOld.run();
      return toStep(latestDone.get()!);
    },
    /** The latest action not undone, with its changes. */
    nextUndo(): HistoryEntry | null {
      return entry(latestDone.get());
    },
    /** The earliest undone action (the one redo does next), with its changes. */
    nextRedo(): HistoryEntry | null {
      return entry(earliestUndone.get());
    },
    /** Marks an action undone (true) or done again (false). */
    markUndone(id: number, isUndone: boolean): void {
      setUndone.run(isUndone ? 1 : 0, id);
    },
    /** What undo and redo would do next. */
    state(): LabelHistory {
      const undo = latestDone.get();
      const redo = earliestUndone.get();
      return { undo: undo ? toStep(undo) : null, redo: redo ? toStep(redo) : null };
    },
  };
}

/** The history repository's type. */
export type LabelHistoryRepo = ReturnType<typeof createLabelHistoryRepo>;
