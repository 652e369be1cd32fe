/**
 * The `labelling.*` methods and events: "Label with suggestions". A model refitted every few
 * answers suggests a category for each unlabelled resume; the queue asks about the resumes it is
 * least sure of first; each answer is an undoable labelling action; "accept the confident ones"
 * labels the rest above the review threshold as model-labelled, in one undoable step. Pure.
 */
import { z } from 'zod';
import { method, noInput, type ResumeText } from './define';
import { categoryNameSchema, type LabelChange } from './documents';
import type { Prediction, ReviewThreshold } from './predict';

/** The orders the queue offers: least sure first (with a diversity rule), random, or most confident first. */
export const queueOrders = ['uncertain', 'random', 'confident'] as const;
/** One of the queue's orders. */
export type QueueOrder = (typeof queueOrders)[number];

/** Why the queue has no suggestions yet, or that it is working. */
export type LabellingState = 'needs-labels' | 'training' | 'ready' | 'done';

/** A category as the labelling model sees it: resumes people labelled with it, and whether that is enough to be suggested. */
export interface LabellingCategory {
  category: string;
  documents: number;
  isSuggested: boolean;
}

/** The labelling model in use. */
export interface LabellingModelInfo {
  /** Counts up with each refresh since the app started. */
  version: number;
  classes: string[];
  /** Resumes people labelled that it was fitted on. */
  trainedOn: number;
  /** ISO time the refresh finished. */
  refreshedAt: string;
  /** Seconds the refresh took in its worker (read, fit, suggest, order). */
  refreshSeconds: number;
}

/** How the model is doing, from the answers themselves. */
export interface AnswerStats {
  /** Answers counted: the latest ones, at most `window`. */
  answered: number;
  /** Of those, answers that took the suggestion. */
  accepted: number;
  window: number;
}

/** Everything the labelling page shows about the loop. */
export interface LabellingStatus {
  state: LabellingState;
  /** A sentence saying what is missing (state needs-labels) or what failed last, else null. */
  problem: string | null;
  isRefreshing: boolean;
  model: LabellingModelInfo | null;
  categories: LabellingCategory[];
  /** Fewest resumes people labelled a category needs to be suggested. */
  minPerCategory: number;
  /** Unlabelled, not excluded resumes left. */
  unlabelled: number;
  /** Resumes labelled by the model and not yet confirmed. */
  modelLabelled: number;
  answers: AnswerStats;
  /** Mean probability of the suggestions for the unlabelled resumes: the accuracy the model expects on them. */
  estimatedAccuracy: number | null;
  /** Predict's review threshold rule (Settings' value, else chosen from this model's out-of-fold predictions). */
  reviewThreshold: ReviewThreshold | null;
  /** Unlabelled resumes whose suggestion is at or above the threshold ("accept the confident ones" would label them). */
  confident: number;
  /** The model refreshes after this many answers (or label changes). */
  refreshEvery: number;
}

/** One resume of the queue with the model's suggestion. */
export interface QueueItem {
  documentId: number;
  fileName: ResumeText;
  text: ResumeText;
  /** The suggestion, with the words that drove it (offsets into `text`); null before the first model (label a few by hand). */
  suggestion: Prediction | null;
  /** The model version that suggested it (0: none). */
  modelVersion: number;
}

/** The next resumes to label. */
export interface QueuePage {
  items: QueueItem[];
  status: LabellingStatus;
}

/** What "accept the confident ones" did (or, with dryRun, would do). */
export interface AcceptConfidentResult {
  /** Resumes labelled (with dryRun: that would be). */
  accepted: number;
  threshold: number;
  change: LabelChange | null;
}

const documentId = z.number().int().positive();

/** The labelling domain's methods. */
export const labellingMethods = {
  'labelling.status': method<LabellingStatus>()(noInput),
  /**
   * The next resumes to ask about, from the latest model (never waits for a refresh in progress;
   * only for the first model, once one can be fitted). Before that, unlabelled resumes in a random
   * order without suggestions, to label a few by hand.
   */
  'labelling.next': method<QueuePage>()(
    z
      .object({
        order: z.enum(queueOrders).default('uncertain'),
        limit: z.number().int().min(1).max(50).default(3),
        /** Resumes the page already holds, so they are not handed out twice. */
        skip: z.array(documentId).max(200).default([]),
      })
      .strict(),
  ),
  /**
   * Answers one resume: its category (the suggestion or another; new names create it), or exclusion.
   * Undoable. `shown`: the suggestion the answer was given to, counted in the accepted share (without
   * it, the one this backend last handed out for the resume, which a later page may have replaced).
   */
  'labelling.answer': method<LabelChange>()(
    z
      .object({
        documentId,
        category: categoryNameSchema.optional(),
        exclude: z.literal(true).optional(),
        shown: z
          .object({ category: categoryNameSchema, probability: z.number().min(0).max(1), modelVersion: z.number().int().min(1) })
          .strict()
          .optional(),
      })
      .strict()
      .refine((input) => (input.category === undefined) !== (input.exclude === undefined), {
        message: 'Answer with a category or with exclude (one of the two).',
      }),
  ),
  /** Labels every unlabelled resume whose suggestion reaches the review threshold, as model-labelled, in one undoable step. */
  'labelling.acceptConfident': method<AcceptConfidentResult>()(z.object({ dryRun: z.boolean().optional() }).strict()),
  /** Refits the model now (it also refits by itself every few answers). */
  'labelling.refresh': method<LabellingStatus>()(noInput),
} as const;

/** The labelling domain's events. */
export interface LabellingEvents {
  /** The model was refreshed, a refresh started or failed, or an answer moved the figures. */
  'labelling.changed': LabellingStatus;
}
