/**
 * The `documents.*` methods and events: read one resume, label it, exclude it, and undo / redo every
 * labelling action. Curation, training (relabel from the confusion matrix) and prediction ("add to
 * dataset with this label") all call these; there is no second set. Pure.
 */
import { z } from 'zod';
import { method, noInput, type ResumeText } from './define';
import { hasSearchTerm, noSearchTermMessage } from './search-syntax';
import { documentFilterSchema, documentSortSchema, type DocumentCleaning, type DocumentFilter, type DocumentPage, type DuplicateGroup } from './document-query';

/** One stored resume with its text, metadata, label and flags. */
export interface DocumentDetail {
  id: number;
  fileName: ResumeText;
  sourcePath: ResumeText | null;
  format: string | null;
  sizeBytes: number | null;
  /** Length of the extracted text in characters. */
  charCount: number;
  importJobId: number | null;
  /** ISO time the document was stored. */
  importedAt: string;
  category: string | null;
  isExcluded: boolean;
  /** Labelled by the model and not yet confirmed: training uses it, evaluation sets leave it out. */
  isModelLabelled: boolean;
  /** The document this one nearly duplicates (flagged after each import), if any. */
  nearDuplicateOf: number | null;
  /** The extracted text, as stored. */
  text: ResumeText;
}

/** One undoable labelling action, described for people ("Set 12 resumes to Chef"). */
export interface HistoryStep {
  id: number;
  /** May quote file names ("Set “cv.pdf” to Chef"). */
  description: ResumeText;
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
  /** Documents whose label or exclusion changed (with dryRun: would change); 0 when the action changed nothing (no history step is written). */
  changed: number;
  /** Documents the action named or matched (with dryRun too). */
  matched: number;
  /** The step just done, undone or redone; null when nothing happened. */
  step: HistoryStep | null;
  history: LabelHistory;
}

/** Most documents one call may name; a whole search goes by filter instead. */
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

/** Which documents an action applies to: `ids`, or every document matching `filter` (a whole search). */
const target = {
  ids: documentIdsSchema.optional(),
  // A search of punctuation alone is "no text condition" to the table, which shows everything; as
  // the target of a bulk action it would relabel every resume, so it is refused here, for each caller.
  filter: documentFilterSchema
    .refine((f) => f.q === undefined || f.q.trim() === '' || hasSearchTerm(f.q), { message: noSearchTermMessage, path: ['q'] })
    .optional(),
  /** Only count what would change; nothing is written. */
  dryRun: z.boolean().optional(),
};
const oneTarget = (input: { ids?: number[]; filter?: DocumentFilter }) => (input.ids === undefined) !== (input.filter === undefined);
const oneTargetMessage = { message: 'Name the resumes either by ids or by a filter (one of the two).' };

/** The documents domain's methods. */
export const documentsMethods = {
  'documents.get': method<DocumentDetail>()(z.object({ id: documentId }).strict()),
  /** One window of the resume table: documents matching a filter, sorted. */
  'documents.list': method<DocumentPage>()(
    z
      .object({
        filter: documentFilterSchema.default({}),
        sort: documentSortSchema.default({ key: 'id', direction: 'asc' }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
  /** The extracted and the cleaned text of one document, with what cleaning changed. */
  'documents.cleaning': method<DocumentCleaning>()(z.object({ id: documentId }).strict()),
  /** Near-duplicate groups with their members side by side; resolved groups (one member left in training) are left out unless asked. */
  'documents.duplicateGroups': method<{ total: number; groups: DuplicateGroup[] }>()(
    z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(20),
        includeResolved: z.boolean().default(false),
      })
      .strict(),
  ),
  /** Labels documents with a category (created on first use), or removes their label (null). Undoable. */
  'documents.setCategory': method<LabelChange>()(
    z
      .object({ ...target, category: categoryNameSchema.nullable() })
      .strict()
      .refine(oneTarget, oneTargetMessage),
  ),
  /** Excludes documents from training, or includes them again. Undoable. */
  'documents.setExcluded': method<LabelChange>()(
    z
      .object({ ...target, excluded: z.boolean() })
      .strict()
      .refine(oneTarget, oneTargetMessage),
  ),
  /** Confirms the model's label of model-labelled documents (they join evaluation sets). Undoable. */
  'documents.confirmModelLabels': method<LabelChange>()(
    z
      .object({ ...target })
      .strict()
      .refine(oneTarget, oneTargetMessage),
  ),
  /** Keeps one document of a duplicate group and excludes the other members still included. Undoable. */
  'documents.keepOne': method<LabelChange>()(z.object({ keepId: documentId }).strict()),
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
