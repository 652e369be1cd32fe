/** The `evaluation.*` methods: a run's per-document predictions, explanations, likely mislabels, comparisons and learning curve. Pure. */
import { z } from 'zod';
import { method, type ResumeText } from './define';
import type { LearningCurvePoint, RunSummary } from './training';

/** Which stored predictions: the holdout test documents, or every document's out-of-fold prediction (k-fold CV). */
export type PredictionSource = 'holdout' | 'cv';

/** One document as a run predicted it (out-of-fold: by a model that never saw it). */
export interface EvaluatedDocument {
  documentId: number;
  fileName: ResumeText;
  /** The label the run trained with. */
  trueCategory: string;
  /** The label now (null: since unlabelled; differs after a relabel). */
  currentCategory: string | null;
  isExcluded: boolean;
  predictedCategory: string;
  /** Probability of the predicted category. */
  confidence: number;
  /** Probability the run gave the true category. */
  trueProbability: number;
}

/** A term of the explanation and where it occurs in the shown text. */
export interface ExplainedTerm {
  term: string;
  /** Pushes toward the predicted category (positive) or away from it. */
  contribution: number;
  /** [start, end) character offsets in `text`. */
  spans: [number, number][];
}

/** Why the run's model predicted what it did for one document. */
export interface DocumentExplanation {
  documentId: number;
  fileName: ResumeText;
  /** The document text (cut at `maxChars`; `isTruncated` says so). */
  text: ResumeText;
  isTruncated: boolean;
  predictedCategory: string;
  confidence: number;
  terms: ExplainedTerm[];
}

/** A document whose label the out-of-fold model doubts. */
export interface MislabelCandidate extends EvaluatedDocument {
  /** confidence − trueProbability: higher = more likely mislabelled. */
  margin: number;
}

/** Per-class change between two runs. */
export interface ClassDelta {
  label: string;
  /** Shared resumes of this category (by the newer run's labels). */
  shared: number;
  baseF1: number | null;
  f1: number | null;
  basePrecision: number | null;
  precision: number | null;
  baseRecall: number | null;
  recall: number | null;
}

/** A document predicted differently by the two runs. */
export interface FlippedDocument {
  documentId: number;
  fileName: ResumeText;
  trueCategory: string;
  basePredicted: string;
  predicted: string;
  /** True when the newer run got it right and the base did not; false for the reverse; null when neither is right. */
  isFixed: boolean | null;
}

/** Two runs side by side, scored on the same resumes: those both predicted out of fold. */
export interface RunComparison {
  base: RunSummary;
  run: RunSummary;
  headline: { label: string; base: number | null; value: number | null }[];
  perClass: ClassDelta[];
  /** Documents both runs predicted (out of fold): every metric and matrix here is computed on them. */
  commonDocuments: number;
  /** Documents each run predicted out of fold (its held-out set, or all under cross-validation). */
  baseDocuments: number;
  runDocuments: number;
  /** Too few shared documents for per-category changes to mean anything (fewer than 100, or 10 per category). */
  isTooSmall: boolean;
  flipped: FlippedDocument[];
  source: PredictionSource;
  baseConfusion: number[][] | null;
  confusion: number[][] | null;
  baseClasses: string[];
  classes: string[];
}

const runId = z.number().int().positive();
const source = z.enum(['holdout', 'cv']);

/** The evaluation domain's methods. */
export const evaluationMethods = {
  'evaluation.cell': method<EvaluatedDocument[]>()(
    z.object({ runId, source: source.default('holdout'), trueCategory: z.string().min(1), predictedCategory: z.string().min(1) }).strict(),
  ),
  'evaluation.explain': method<DocumentExplanation>()(
    z.object({ runId, documentId: z.number().int().positive(), maxChars: z.number().int().min(200).max(200_000).default(20_000) }).strict(),
  ),
  'evaluation.mislabelled': method<MislabelCandidate[]>()(z.object({ runId, limit: z.number().int().min(1).max(1000).default(50) }).strict()),
  'evaluation.compare': method<RunComparison>()(z.object({ baseRunId: runId, runId }).strict()),
  /** The run's learning curve; computed in a worker the first time, then stored with the run. */
  'evaluation.learningCurve': method<LearningCurvePoint[]>()(z.object({ runId }).strict()),
} as const;

/** The evaluation domain's events (none: its answers are computed on request). */
export type EvaluationEvents = Record<never, never>;
