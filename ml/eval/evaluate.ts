/** Evaluation protocols over a pipeline: dedup-aware holdout, k-fold with out-of-fold probabilities, learning curve, mislabel ranking. */
import { throwIfAborted, type AbortSignalLike, type FitHooks, type FitProgress } from '../models/estimator';
import { TextClassifier, type PipelineParams } from '../models/pipeline';
import type { PreparedCorpus } from '../models/prepared-corpus';
import type { ClassHelper } from '../models/svm-class-sharing';
import { findDuplicateGroups, type DuplicateGroups } from './dedup';
import { evaluatePredictions, type EvaluationReport } from './metrics';
import { groupStratifiedSplit, kFoldKeepingTrainOnly, splitKeepingTrainOnly } from './split';

/** A labelled corpus. */
export interface Corpus {
  texts: readonly string[];
  labels: readonly string[];
  /** A stable identity per row (document ids): the holdout split follows it, not the row order. */
  keys?: readonly number[];
  /**
   * Rows whose label nobody confirmed (a model's): fitted on, never in a test side or scored by
   * cross-validation, so they cannot flatter an evaluation with the model's own answers.
   */
  trainOnly?: readonly boolean[];
}

/** Progress of a loop of fits (cross-validation folds, learning-curve points): `step` of `steps`, and the current fit's own progress. */
export interface LoopProgress {
  step: number;
  steps: number;
  fit: FitProgress | null;
}

/** Hooks of a long evaluation loop: progress per step and inside each fit, and cancellation between and inside fits. */
export interface LoopHooks {
  onProgress?: (progress: LoopProgress) => void;
  signal?: AbortSignalLike;
  /** Another thread that takes classes of each fit (FitHooks.classHelper). */
  classHelper?: ClassHelper;
}

/** The FitHooks one step of a loop passes to its fit. */
function stepHooks(hooks: LoopHooks, step: number, steps: number): FitHooks {
  throwIfAborted(hooks.signal);
  hooks.onProgress?.({ step, steps, fit: null });
  return { signal: hooks.signal, classHelper: hooks.classHelper, onProgress: hooks.onProgress ? (fit) => hooks.onProgress!({ step, steps, fit }) : undefined };
}

const pickRows = <T>(items: readonly T[], rows: ArrayLike<number>): T[] => Array.from(rows as ArrayLike<number>, (i) => items[i]!);

/** Test labels as the pipeline's class indices (a label the model does not know is an error). */
function classIndicesOf(pipeline: TextClassifier, labels: readonly string[]): number[] {
  const index = new Map(pipeline.classes.map((c, i) => [c, i]));
  return labels.map((l) => {
    const k = index.get(l);
    if (k === undefined) throw new Error(`Test label "${l}" is not a class of the model (${pipeline.classes.join(', ')}).`);
    return k;
  });
}

/** Report of a fitted pipeline on held-out texts; classes come from the pipeline (unknown test labels are an error). */
export function evaluatePipeline(pipeline: TextClassifier, test: Corpus): EvaluationReport {
  return evaluatePredictions(classIndicesOf(pipeline, test.labels), pipeline.predictProba(test.texts), pipeline.classes);
}

/** The same report for rows of a prepared corpus, without reading their texts again, and the rows' raw decision scores (temperature 1). */
function evaluateRows(pipeline: TextClassifier, prepared: PreparedCorpus, rows: ArrayLike<number>): { report: EvaluationReport; scores: Float64Array } {
  const labels = Array.from(rows, (r) => prepared.labels[r]!);
  const scores = pipeline.scores(pipeline.transformPrepared(prepared, rows));
  const proba = pipeline.probabilitiesOfScores(scores);
  return { report: evaluatePredictions(classIndicesOf(pipeline, labels), proba, pipeline.classes), scores };
}

/** Labels of a corpus as class indices over its sorted classes. */
function indexLabels(labels: readonly string[]): { classes: string[]; y: Int32Array } {
  const classes = [...new Set(labels)].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  return { classes, y: Int32Array.from(labels, (l) => index.get(l)!) };
}

/** The corpus read once for the fits of an evaluation (given by the caller when it fits more models on the same corpus). */
function preparedFor(corpus: Corpus, params: Partial<PipelineParams>, prepared: PreparedCorpus | undefined): PreparedCorpus {
  return prepared ?? new TextClassifier(params).prepare(corpus.texts, corpus.labels);
}

/** Calibrated probabilities of a fitted pipeline on rows of a prepared corpus (the same as predictProba of their texts). */
export function probabilitiesOfRows(pipeline: TextClassifier, prepared: PreparedCorpus, rows: ArrayLike<number>): Float64Array {
  return pipeline.probabilities(pipeline.transformPrepared(prepared, rows));
}

/**
 * Seeded, stratified, duplicate-aware holdout: fit on train, report on test. `prepared`: the corpus
 * already read by TextClassifier.prepare (a run that also fits its final model on it reads it once).
 */
export function holdoutEvaluation(
  corpus: Corpus,
  params: Partial<PipelineParams>,
  options: { testFraction?: number; seed?: number; groups?: DuplicateGroups; hooks?: FitHooks; prepared?: PreparedCorpus } = {},
) {
  const groups = options.groups ?? findDuplicateGroups(corpus.texts);
  const { y } = indexLabels(corpus.labels);
  const split = splitKeepingTrainOnly(y, groups.groupOf, corpus.trainOnly, options.testFraction ?? 0.2, options.seed ?? 42, corpus.keys);
  const prepared = preparedFor(corpus, params, options.prepared);
  const pipeline = new TextClassifier(params).fitPrepared(prepared, split.train, options.hooks);
  // The raw scores go back too: a caller that also wants the test rows' probabilities at another temperature need not score them again.
  const { report, scores: testScores } = evaluateRows(pipeline, prepared, split.test);
  return { pipeline, report, split, groups, prepared, testScores };
}

/** Result of k-fold cross-validation. */
export interface CrossValidationResult {
  folds: EvaluationReport[];
  meanAccuracy: number;
  meanMacroF1: number;
  /** Out-of-fold probabilities, rows × classes (every scored row predicted by a model that never saw it or its duplicates; train-only rows stay 0). */
  oofProba: Float64Array;
  classes: string[];
  y: Int32Array;
  /** The rows that got an out-of-fold prediction (every row but the train-only ones), ascending. */
  scored: Int32Array;
}

/** Repeatable stratified, duplicate-aware k-fold cross-validation. */
export function crossValidate(
  corpus: Corpus,
  params: Partial<PipelineParams>,
  options: {
    folds?: number;
    seed?: number;
    groups?: DuplicateGroups;
    prepared?: PreparedCorpus;
    onFold?: (fold: number, report: EvaluationReport) => void;
  } & LoopHooks = {},
): CrossValidationResult {
  const k = options.folds ?? 5;
  const groups = options.groups ?? findDuplicateGroups(corpus.texts);
  const { classes, y } = indexLabels(corpus.labels);
  const foldOf = kFoldKeepingTrainOnly(y, groups.groupOf, corpus.trainOnly, k, options.seed ?? 42);
  const isTrainOnly = (row: number) => corpus.trainOnly?.[row] === true;
  const prepared = preparedFor(corpus, params, options.prepared);
  const oofProba = new Float64Array(y.length * classes.length);
  const folds: EvaluationReport[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    // A train-only row in fold f sits it out (its duplicate group is tested there); with fold -1 it always trains.
    foldOf.forEach((fold, i) => (fold !== f ? train.push(i) : isTrainOnly(i) ? undefined : test.push(i)));
    if (test.length === 0) continue;
    const pipeline = new TextClassifier(params).fitPrepared(prepared, train, stepHooks(options, f + 1, k));
    const proba = probabilitiesOfRows(pipeline, prepared, test);
    // Map the fold model's classes (a class may be missing from a fold's training rows) onto all classes.
    const cols = pipeline.classes.map((c) => classes.indexOf(c));
    test.forEach((row, i) => cols.forEach((col, k2) => (oofProba[row * classes.length + col] = proba[i * cols.length + k2]!)));
    const report = evaluatePredictions(
      pickRows(Array.from(y), test),
      Float64Array.from(test.flatMap((row) => Array.from(oofProba.subarray(row * classes.length, (row + 1) * classes.length)))),
      classes,
    );
    folds.push(report);
    options.onFold?.(f, report);
  }
  const mean = (pick: (r: EvaluationReport) => number) => folds.reduce((s, r) => s + pick(r), 0) / Math.max(1, folds.length);
  const scored = Int32Array.from(y.keys()).filter((row) => !isTrainOnly(row));
  return { folds, meanAccuracy: mean((r) => r.accuracy), meanMacroF1: mean((r) => r.macro.f1), oofProba, classes, y, scored };
}

/** One learning-curve point. */
export interface LearningCurvePoint {
  trainDocs: number;
  accuracy: number;
  macroF1: number;
}

/** Macro-F1 on a fixed dedup-aware test split as the training set grows (seeded subsets of the train side). */
export function learningCurve(
  corpus: Corpus,
  params: Partial<PipelineParams>,
  options: { fractions?: number[]; seed?: number; groups?: DuplicateGroups; prepared?: PreparedCorpus } & LoopHooks = {},
): LearningCurvePoint[] {
  const fractions = options.fractions ?? [0.1, 0.25, 0.5, 0.75, 1];
  const seed = options.seed ?? 42;
  const groups = options.groups ?? findDuplicateGroups(corpus.texts);
  const { y } = indexLabels(corpus.labels);
  const { train, test } = splitKeepingTrainOnly(y, groups.groupOf, corpus.trainOnly, 0.2, seed);
  const prepared = preparedFor(corpus, params, options.prepared);
  const trainY = pickRows(Array.from(y), train);
  const trainGroups = pickRows(Array.from(groups.groupOf), train);
  return fractions.map((fraction, step) => {
    // A stratified "test" split of the training side with fraction (1 - f) leaves a stratified subset of size f.
    const rows = fraction >= 1 ? Int32Array.from(train.keys()) : groupStratifiedSplit(trainY, trainGroups, 1 - fraction, seed + 1).train;
    const pipeline = new TextClassifier(params).fitPrepared(prepared, pickRows(Array.from(train), rows), stepHooks(options, step + 1, fractions.length));
    const { report } = evaluateRows(pipeline, prepared, test);
    return { trainDocs: rows.length, accuracy: report.accuracy, macroF1: report.macro.f1 };
  });
}

/** A document whose given label the out-of-fold model doubts. */
export interface MislabelCandidate {
  row: number;
  givenLabel: string;
  suggestedLabel: string;
  givenProbability: number;
  suggestedProbability: number;
  /** suggestedProbability − givenProbability: higher = more likely mislabelled. */
  margin: number;
}

/** Ranks rows by how much more the out-of-fold model believes another label than the given one. */
export function rankLikelyMislabelled(cv: Pick<CrossValidationResult, 'oofProba' | 'classes' | 'y'> & { scored?: Int32Array }, top = 50): MislabelCandidate[] {
  const K = cv.classes.length;
  const out: MislabelCandidate[] = [];
  const isScored = cv.scored ? new Set(cv.scored) : null;
  cv.y.forEach((label, row) => {
    if (isScored && !isScored.has(row)) return;
    let best = label === 0 ? 1 : 0;
    for (let k = 0; k < K; k++) if (k !== label && cv.oofProba[row * K + k]! > cv.oofProba[row * K + best]!) best = k;
    const given = cv.oofProba[row * K + label]!;
    const suggested = cv.oofProba[row * K + best]!;
    if (suggested > given)
      out.push({
        row,
        givenLabel: cv.classes[label]!,
        suggestedLabel: cv.classes[best]!,
        givenProbability: given,
        suggestedProbability: suggested,
        margin: suggested - given,
      });
  });
  return out.sort((a, b) => b.margin - a.margin || a.row - b.row).slice(0, top);
}
