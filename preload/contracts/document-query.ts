/**
 * How the resume table asks for documents: the filter (also the URL's state and the target of a
 * bulk action on a whole search), the sort and the rows it shows. Pure; part of the documents domain.
 */
import { z } from 'zod';
import type { ResumeText } from './define';
import { searchTooCostly } from './search-syntax';

/** The search box and the filters of the resume table; every field narrows the result (AND). */
export const documentFilterSchema = z
  .object({
    /** Full-text search: words, "phrases", prefix*, AND / OR / NOT, parentheses. Any text is safe; its cost is bounded (searchLimits). */
    q: z
      .string()
      .superRefine((q, context) => {
        const problem = searchTooCostly(q);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    /** Documents labelled with one of these categories (or unlabelled, when `unlabelled` is also set). */
    categories: z.array(z.string().min(1).max(200)).max(1000).optional(),
    /** Documents without a label (together with `categories`: either). */
    unlabelled: z.boolean().optional(),
    /** Only excluded documents, or only the ones training uses; omitted: both. */
    excluded: z.enum(['only', 'hide']).optional(),
    /** Only documents labelled by the model and not yet confirmed, or only the others; omitted: both. */
    modelLabelled: z.enum(['only', 'hide']).optional(),
    /** Only documents in a near-duplicate group (flagged, or the one others duplicate). */
    duplicates: z.boolean().optional(),
    /** Text length range in characters, inclusive. */
    minChars: z.number().int().min(0).optional(),
    maxChars: z.number().int().min(0).optional(),
    importJobId: z.number().int().positive().optional(),
  })
  .strict();
/** The resume table's filter. */
export type DocumentFilter = z.infer<typeof documentFilterSchema>;

/** Columns the table can sort by. */
export const documentSortKeys = ['id', 'name', 'category', 'length', 'import', 'duplicate', 'excluded'] as const;
/** A sortable column. */
export type DocumentSortKey = (typeof documentSortKeys)[number];

/** Sort order of the table. */
export const documentSortSchema = z.object({ key: z.enum(documentSortKeys), direction: z.enum(['asc', 'desc']) }).strict();
/** The table's sort order. */
export type DocumentSort = z.infer<typeof documentSortSchema>;

/**
 * The latest prediction shown for a document. Defined as: the active model's out-of-fold
 * prediction for the document from the run that trained it, else the newest stored prediction of
 * the same text. Null until training (issue 10) or prediction (issue 11) stores one.
 */
export interface LastPrediction {
  category: string;
  /** Probability of the predicted category, 0..1. */
  confidence: number | null;
  source: 'cross-validation' | 'prediction';
}

/** One row of the resume table. */
export interface DocumentRow {
  id: number;
  fileName: ResumeText;
  category: string | null;
  charCount: number;
  importJobId: number | null;
  format: string | null;
  isExcluded: boolean;
  /** Labelled by the model ("accept the confident ones") and not yet confirmed by a person. */
  isModelLabelled: boolean;
  /** The document this one nearly duplicates, if flagged. */
  nearDuplicateOf: number | null;
  /** How many documents are flagged as near-duplicates of this one. */
  nearDuplicateCount: number;
  lastPrediction: LastPrediction | null;
}

/** One window of the table. */
export interface DocumentPage {
  /** Documents matching the filter. */
  total: number;
  offset: number;
  rows: DocumentRow[];
}

/** A run of text in the resume pane, with what the cleaner did to it (null: unchanged). */
export interface TextSegment {
  text: ResumeText;
  change: 'masked' | 'removed' | 'repaired' | null;
}

/** The extracted and the cleaned text side by side, with what cleaning changed. */
export interface DocumentCleaning {
  id: number;
  extracted: TextSegment[];
  cleaned: TextSegment[];
  /** Per cleaning step, how many spans it rewrote. */
  steps: { step: string; changes: number }[];
  charsBefore: number;
  charsAfter: number;
}

/** A member of a duplicate group, with the start of its text to compare side by side. */
export interface DuplicateMember extends DocumentRow {
  excerpt: ResumeText;
  /** Files with exactly this text that import skipped (not stored again), with the label each had. */
  exactCopies: { path: ResumeText; category: string | null }[];
}

/** A near-duplicate group: the first document and those flagged as nearly the same. */
export interface DuplicateGroup {
  representativeId: number;
  members: DuplicateMember[];
  /** Members still used for training; a group with one left is resolved. */
  includedCount: number;
}
