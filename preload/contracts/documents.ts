/**
 * The `documents.*` methods and events: read one resume, label it, exclude it, and undo / redo every
 * labelling action. Curation, training (relabel from the confusion matrix) and prediction ("add to
 * dataset with this label") all call these; there is no second set. Pure.
 */
import { z } from 'zod';
import { method, noInput } from './define';

/** One stored resume with its text, metadata, label and flags. */
export interface DocumentDetail {
  id: number;
  fileName: string;
  sourcePath: string | null;
  format: string | null;
  sizeBytes: number | null;
  /** Length of the extracted text in characters. */
  charCount: number;
  importJobId: number | null;
  /** ISO time the document was stored. */
  importedAt: string;
  category: string | null;
  isExcluded: boolean;
  /** The document this one nearly duplicates (flagged after each import), if any. */
  nearDuplicateOf: number | null;
  /** The extracted text, as stored. */
  text: string;
}

/** One undoable labelling action, described for people ("Set 12 resumes to Chef"). */
export interface HistoryStep {
  id: number;
  description: string;
  /** ISO time the action was done. */
  doneAt: string;
}

/** What undo and redo would do next; null when there is nothing to undo / redo. */
export interface LabelHistory {
  undo: HistoryStep | null;
  redo: HistoryStep | null;
}

/** What a labelling action (or its undo / redo) did. */
export interface LabelChange {
  /** Documents whose label or exclusion changed; 0 when the action changed nothing (no history step is written). */
  changed: number;
  /** The step just done, undone or redone; null when nothing happened. */
  step: HistoryStep | null;
  history: LabelHistory;
}

/** Most documents one call may name; a whole search goes by filter instead (curation). */
export const maxIdsPerCall = 200_000;

const documentId = z.number().int().positive();
/** Document ids a labelling action applies to (duplicates are ignored). */
export const documentIdsSchema = z.array(documentId).min(1).max(maxIdsPerCall);
/** A category name as people type it: surrounding spaces dropped, no control characters. */
export const categoryNameSchema = z
  .string()
  .trim()
  .min(1, 'A category name cannot be empty.')
  .max(120, 'A category name has at most 120 characters.')
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'A category name cannot contain control characters (tabs, line breaks).');

/** The documents domain's methods. */
export const documentsMethods = {
  'documents.get': method<DocumentDetail>()(z.object({ id: documentId }).strict()),
  /** Labels documents with a category (created on first use), or removes their label (null). Undoable. */
  'documents.setCategory': method<LabelChange>()(z.object({ ids: documentIdsSchema, category: categoryNameSchema.nullable() }).strict()),
  /** Excludes documents from training, or includes them again. Undoable. */
  'documents.setExcluded': method<LabelChange>()(z.object({ ids: documentIdsSchema, excluded: z.boolean() }).strict()),
  /** Reverts the latest labelling action not yet undone (history survives a restart). */
  'documents.undo': method<LabelChange>()(noInput),
  /** Does again the latest undone action, unless a new action was done since. */
  'documents.redo': method<LabelChange>()(noInput),
  'documents.history': method<LabelHistory>()(noInput),
} as const;

/** The documents domain's events. */
export interface DocumentsEvents {
  /** Labels or exclusions changed (an action, an undo or a redo); `dataset.changed` follows with the new counts. */
  'documents.changed': { changed: number; history: LabelHistory };
}
