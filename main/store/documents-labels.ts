/**
 * Labels, exclusion and category rows: the part of the documents repository that curation's
 * actions, their undo and their redo write through. Composed into `createDocumentsRepo`, which stays
 * the one owner of the `documents` and `categories` tables; nothing else imports this file.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';
import { idChunks } from './id-chunks';

/** A document's label, exclusion and whether the model gave the label, as history records it before and after an action. */
export interface LabelState {
  id: number;
  category: string | null;
  isExcluded: boolean;
  /** The label was the model's suggestion, accepted in bulk and not yet confirmed by a person. */
  isModelLabelled: boolean;
}

/** The label / category statements over `db`; `categoryId` creates a category on first use. */
export function createDocumentLabels(db: Db, categoryId: (name: string) => number) {
  const categoryByName = db.prepare<[string], { id: number }>('SELECT id FROM categories WHERE name = ?');
  const insertCategory = db.prepare('INSERT INTO categories (name) VALUES (?) ON CONFLICT(name) DO NOTHING');
  const renameCategory = db.prepare('UPDATE categories SET name = ? WHERE name = ?');
  const deleteEmptyCategory = db.prepare('DELETE FROM categories WHERE name = ? AND NOT EXISTS (SELECT 1 FROM documents WHERE category_id = categories.id)');
  const inCategory = db.prepare<[string], { id: number }>(
    'SELECT d.id FROM documents d JOIN categories c ON c.id = d.category_id WHERE c.name = ? ORDER BY d.id',
  );
  const countInCategory = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM documents d JOIN categories c ON c.id = d.category_id WHERE c.name = ?',
  );
  const statements = new Map<string, Statement<unknown[]>>();
  /** Statements for a chunk size are prepared once and reused (a bulk action runs hundreds). */
  const cached = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[]>(sql)));
    return statement;
  };

  return {
    /** The current label and exclusion of each existing document among `ids`, in id order. */
    labelStates(ids: readonly number[]): LabelState[] {
      const states: LabelState[] = [];
      for (const { chunk, marks } of idChunks(ids)) {
        const rows = cached(
          `SELECT d.id, c.name AS category, d.excluded, d.model_labelled FROM documents d INDEXED BY documents_curation
           LEFT JOIN categories c ON c.id = d.category_id WHERE d.id IN (${marks})`,
        ).all(...chunk) as { id: number; category: string | null; excluded: number; model_labelled: number }[];
        for (const row of rows) states.push({ id: row.id, category: row.category, isExcluded: row.excluded === 1, isModelLabelled: row.model_labelled === 1 });
      }
      return states.sort((a, b) => a.id - b.id);
    },
    /** Puts documents into the given states: one UPDATE per (category, excluded, model-labelled) group and chunk. Call inside a transaction. */
    applyLabelStates(states: readonly LabelState[]): number {
      const groups = new Map<string, { state: LabelState; ids: number[] }>();
      for (const state of states) {
        const key = JSON.stringify([state.category, state.isExcluded, state.isModelLabelled]);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { state, ids: [] }));
        group.ids.push(state.id);
      }
      let changed = 0;
      for (const { state, ids } of groups.values()) {
        const id = state.category === null ? null : categoryId(state.category);
        // A document without a label cannot carry the model's label.
        const isModelLabelled = state.isModelLabelled && state.category !== null ? 1 : 0;
        for (const { chunk, marks } of idChunks(ids)) {
          changed += cached(`UPDATE documents SET category_id = ?, excluded = ?, model_labelled = ? WHERE id IN (${marks})`).run(
            id,
            state.isExcluded ? 1 : 0,
            isModelLabelled,
            ...chunk,
          ).changes;
        }
      }
      return changed;
    },
    /** Whether a category of exactly this name exists. */
    hasCategory(name: string): boolean {
      return categoryByName.get(name) !== undefined;
    },
    /** Creates a category; false when it already existed. */
    createCategory(name: string): boolean {
      return insertCategory.run(name).changes === 1;
    },
    /** Renames a category in place (its documents follow); false when `from` does not exist. */
    renameCategory(from: string, to: string): boolean {
      return renameCategory.run(to, from).changes === 1;
    },
    /** Deletes a category that no document carries; false when it is missing or still in use. */
    deleteCategoryIfEmpty(name: string): boolean {
      return deleteEmptyCategory.run(name).changes === 1;
    },
    /** Ids of the documents labelled `name`, in id order. */
    documentIdsInCategory(name: string): number[] {
      return inCategory.all(name).map((row) => row.id);
    },
    /** How many documents carry the label `name`. */
    countInCategory(name: string): number {
      return countInCategory.get(name)!.n;
    },
  };
}
