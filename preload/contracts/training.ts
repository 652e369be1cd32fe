/** The `training.*` methods and events: what a run will use, starting and cancelling it, and its stored history. Pure. */
import { z } from 'zod';
import { method, noInput } from './define';

/** The settings of one run; every field has a default so `{}` trains with Settings' defaults. */
export const trainingParamsSchema = z
  .object({
    engine: z.enum(['fast', 'mljs']),
    /** Share of documents held out for the report. */
    testFraction: z.number().min(0.05).max(0.5),
    /** k of k-fold cross-validation (out-of-fold predictions for every document); 0 skips it. */
    folds: z
      .number()
      .int()
      .min(0)
      .max(10)
      .refine((k) => k !== 1, 'use 0 (no cross-validation) or at least 2 folds'),
    seed: z.number().int().min(0),
    /** Longest word n-gram (Advanced). */
    ngramMax: z.union([z.literal(1), z.literal(2)]),
    /** Features kept after chi² selection (Advanced); null: chosen by the fast engine's inner cross-validation. */
    maxFeatures: z.number().int().min(100).max(200_000).nullable(),
    /** Loss weight C of the fast engine (Advanced); null: chosen by its inner cross-validation. */
    regularization: z.number().positive().max(1e6).nullable(),
    /** Heap limit of the training worker in MB (Advanced): a run that needs more stops with a sentence instead of taking the app down. */
    memoryLimitMb: z.number().int().min(16).max(65_536),
    /** Blind: personal data (names, e-mails, phones, addresses, URLs) is removed from the texts before training; from Settings. */
    blind: z.boolean(),
  })
  .strict();
/** The settings of one run. */
export type TrainingParams = z.infer<typeof trainingParamsSchema>;

/** A category as the next run would see it. */
export interface PlannedCategory {
  category: string;
  documents: number;
  /** False when the category has too few documents to be trained on and tested. */
  isUsable: boolean;
}

/** What the next run will use, shown before training. */
export interface TrainingPlan {
  categories: PlannedCategory[];
  /** Fewest documents a category needs to take part. */
  minDocumentsPerCategory: number;
  usableDocuments: number;
  unlabelled: number;
  excluded: number;
  /** Of the usable documents, those labelled by the model and not confirmed: trained on, never in the holdout or cross-validation. */
  modelLabelled: number;
  /** A sentence saying why training cannot start, or null when it can. */
  problem: string | null;
  /** The parameters a run started now with `{}` would use (Settings' defaults). */
  defaults: TrainingParams;
}

/** The phases of a run, in order. */
export type TrainingPhase = 'reading' | 'vectorize' | 'fit' | 'evaluate' | 'saving';

/** One live progress report of a running run. */
export interface TrainingProgress {
  runId: number;
  phase: TrainingPhase;
  /** Human words for the step, e.g. "Cross-validation fold 2 of 5". */
  step: string;
  epoch: number | null;
  maxEpochs: number | null;
  loss: number | null;
  validationAccuracy: number | null;
  /** 0..1 of the whole run. */
  fraction: number;
  elapsedMs: number;
  /** Estimated time left; null until it can be estimated. */
  etaMs: number | null;
}

/** How a run ended (or that it still runs). */
export type RunState = 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted';

/** One row of the run history. */
export interface RunSummary {
  id: number;
  state: RunState;
  engine: string;
  params: TrainingParams;
  documents: number | null;
  classes: number | null;
  datasetHash: string | null;
  accuracy: number | null;
  macroF1: number | null;
  /** The model this run produced, if it finished. */
  modelId: number | null;
  isActiveModel: boolean;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

/** Per-class scores of a report. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** One evaluation of a model on documents it was not trained on. */
export interface MetricsReport {
  classes: string[];
  accuracy: number;
  macro: { precision: number; recall: number; f1: number };
  weighted: { precision: number; recall: number; f1: number };
  perClass: ClassMetrics[];
  /** confusion[true][predicted] counts, indexed like `classes`. */
  confusion: number[][];
  logLoss: number;
  ece: number;
  /** Bins of the ECE (equal-width by top-class confidence). */
  eceBins: number;
  testRows: number;
}

/** One bin of a reliability diagram. */
export interface ReliabilityBin {
  /** Mean top-class confidence of the bin's documents. */
  confidence: number;
  accuracy: number;
  count: number;
  /** The bin's range of confidence. */
  low: number;
  high: number;
}

/** Calibration of the holdout probabilities: before and after temperature scaling. */
export interface CalibrationReport {
  /** Temperature fitted on out-of-fold predictions of the training side (1 = unchanged). */
  temperature: number;
  /** How the temperature was fitted, in a sentence: on how many rows, and whether it was shrunk toward 1 (absent for runs stored before it was recorded). */
  temperatureFit?: string;
  eceBefore: number;
  eceAfter: number;
  logLossBefore: number;
  logLossAfter: number;
  binsBefore: ReliabilityBin[];
  binsAfter: ReliabilityBin[];
}

/** Cross-validation figures of a run. */
export interface CrossValidationMetrics {
  folds: number;
  meanAccuracy: number;
  meanMacroF1: number;
  macroF1PerFold: number[];
  /** The report over every document's out-of-fold prediction. */
  report: MetricsReport;
}

/** Wall-clock split of a run. */
export interface RunTimings {
  readMs: number;
  vectorizeMs: number;
  fitMs: number;
  evaluateMs: number;
  totalMs: number;
}

/** One point of a learning curve. */
export interface LearningCurvePoint {
  trainDocs: number;
  accuracy: number;
  macroF1: number;
}

/** Everything stored about a run. */
export interface RunDetail extends RunSummary {
  holdout: MetricsReport | null;
  calibration: CalibrationReport | null;
  cv: CrossValidationMetrics | null;
  split: { trainDocuments: number; testDocuments: number } | null;
  timings: RunTimings | null;
  features: number | null;
  learningCurve: LearningCurvePoint[] | null;
  /** Progress of the epochs of the final fit, for the chart of a finished run. */
  epochs: { epoch: number; loss: number | null; validationAccuracy: number | null }[];
}

const runId = z.object({ runId: z.number().int().positive() }).strict();

// Blind comes from Settings only: a caller cannot train on unmasked text while the app is blind.
const trainingStartSchema = trainingParamsSchema.omit({ blind: true }).partial().strict();
/** What a caller may set for a new run: every setting but blind, each optional. */
export type TrainingStartParams = z.infer<typeof trainingStartSchema>;

/** The training domain's methods. */
export const trainingMethods = {
  /** What the next run will use; asked when the Train page opens, it also readies that run's thread. */
  'training.plan': method<TrainingPlan>()(noInput),
  'training.start': method<{ runId: number }>()(trainingStartSchema),
  'training.cancel': method<{ isCancelled: boolean }>()(noInput),
  /** The run in progress with its latest progress, or null. */
  'training.current': method<{ run: RunSummary; progress: TrainingProgress | null } | null>()(noInput),
  'training.runs': method<RunSummary[]>()(noInput),
  'training.run': method<RunDetail>()(runId),
} as const;

/** The training domain's events. */
export interface TrainingEvents {
  'training.progressed': TrainingProgress;
  'training.finished': { run: RunSummary };
}
