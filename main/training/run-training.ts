/**
 * One training run as a service: a labelled corpus and parameters in; a serialized model, its
 * dedup-aware holdout report, optional cross-validation and per-phase timings out, with progress
 * as events and an abort signal checked between and inside the phases. Synchronous and free of
 * I/O, so the CLI calls it directly and the training worker serves it as a task. It also returns
 * what the Evaluate page needs: the held-out rows with their probabilities (calibrated and at
 * temperature 1) and, with CV, every row's out-of-fold probabilities. Plain TypeScript over ml/.
 */
import {
  crossValidate,
  describeCalibration,
  evaluatePredictions,
  findDuplicateGroups,
  holdoutEvaluation,
  serializeModel,
  softmaxRows,
  TextClassifier,
  type AbortSignalLike,
  type ClassHelper,
  type Corpus,
  type EvaluationReport,
  type FitHooks,
  type FitProgress,
  screenTexts,
  restrictPrepared,
  type DuplicateGroups,
  type PipelineParams,
  type PreparedCorpus,
} from '../../ml/index';
import type { TrainingParams } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import { pipelineParamsOf } from './pipeline-params';

/**
 * What a run is asked to do: the contract's TrainingParams, with the Advanced settings and blind
 * mode optional (left out: chosen by the engine's inner cross-validation; not blind), so the CLI
 * and the benchmarks can ask for a run without Settings.
 */
export type RunTrainingParams = Pick<TrainingParams, 'engine' | 'seed' | 'testFraction' | 'folds'> &
  Partial<Pick<TrainingParams, 'ngramMax' | 'maxFeatures' | 'regularization' | 'blind'>>;

/** A step of a run, one event each (the worker turns them into the contract's TrainingProgress). */
export type RunStep =
  /** Documents without enough real words were left out ("no usable text"); the rest train. */
  | { phase: 'screened'; usable: number; unusable: number }
  | { phase: 'grouped'; documents: number; classes: number; groups: number; exactDuplicates: number; nearDuplicatePairs: number }
  | { phase: 'holdout'; trainDocuments: number; testDocuments: number }
  | { phase: 'fold'; fold: number; folds: number; macroF1: number }
  | { phase: 'final-fit-started' }
  /** Inside the final fit: `stage` (vectorize → tune → fit → calibrate), step `epoch` of `maxEpochs` within it. */
  | { phase: 'vectorized'; fit: 'holdout' | 'final' }
  | {
      phase: 'epoch';
      fit: 'holdout' | 'final';
      stage: FitProgress['phase'];
      epoch: number;
      maxEpochs: number;
      trainLoss: number;
      validationLoss: number | null;
      validationAccuracy: number | null;
    };

/** Cross-validation figures of a run. */
export interface CrossValidationSummary {
  folds: number;
  meanAccuracy: number;
  meanMacroF1: number;
  macroF1PerFold: number[];
  /** The report over every row's out-of-fold prediction. */
  report: EvaluationReport;
  /** Out-of-fold probabilities, rows × classes, in corpus order. */
  oofProba: Float64Array;
  /** Class index of each row. */
  y: Int32Array;
  /** Each row's index in the given corpus (rows with no usable text and train-only rows are not among them). */
  rows: number[];
}

/** What a run produces. */
export interface TrainingResult {
  /** The model fitted on every document, serialized with the holdout report. */
  modelJson: string;
  /** Class names of the model, sorted. */
  classes: string[];
  features: number;
  /** Documents used (the corpus minus `unusable`). */
  documents: number;
  /** Documents left out, by index in the given corpus, each with its "no usable text: …" sentence. */
  unusable: { index: number; reason: string }[];
  holdout: {
    report: EvaluationReport;
    trainDocuments: number;
    testDocuments: number;
    /** Rows of the test side (indices into the given corpus), and their probabilities (rows × classes, indexed like `classes`). */
    testRows: number[];
    proba: Float64Array;
    /** The same at temperature 1 (before calibration), and the holdout model's temperature. */
    uncalibratedProba: Float64Array;
    temperature: number;
    /** How that temperature was fitted, in a sentence (on how many rows, and whether it was shrunk toward 1). */
    temperatureFit: string;
  };
  cv: CrossValidationSummary | null;
  /** Hash of the (text, label) pairs the final model was fitted on. */
  dataHash: string;
  timingsMs: { screening: number; grouping: number; holdout: number; crossValidation: number; finalFit: number; total: number; vectorize: number; fit: number };
}

/** Hooks of a run. */
export interface TrainingHooks {
  onProgress?: (step: RunStep) => void;
  signal?: AbortSignalLike;
  /** Another thread that takes classes of every SVM fit of the run (the same model, sooner). */
  classHelper?: ClassHelper;
}

/**
 * Work on the corpus a caller has done already, e.g. in a second thread while this one read the
 * texts: the screening of the given corpus, the duplicate groups of its usable texts, and the given
 * corpus read by `TextClassifier.prepare` with this run's pipeline parameters.
 */
export interface PrecomputedInputs {
  screened?: ReturnType<typeof screenTexts>;
  groups?: DuplicateGroups;
  prepared?: PreparedCorpus;
}

/** The error a cancelled run throws (the dispatcher reports it as `cancelled`). */
function throwIfCancelled(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw Object.assign(new Error('Training was cancelled.'), { name: 'AbortError' });
}

/** The documents of a corpus that screening found usable, in order (what a run trains and evaluates on). */
export function usableRowsOf(corpus: Corpus, screened: ReturnType<typeof screenTexts>): Corpus & { texts: string[]; labels: string[] } {
  const { keys, trainOnly } = corpus;
  return {
    texts: screened.usable.map((i) => corpus.texts[i]!),
    labels: screened.usable.map((i) => corpus.labels[i]!),
    ...(keys ? { keys: screened.usable.map((i) => keys[i]!) } : {}),
    ...(trainOnly ? { trainOnly: screened.usable.map((i) => trainOnly[i]!) } : {}),
  };
}

/** The pipeline parameters of a run's settings (also what a caller prepares the corpus with). */
export function runPipelineParams(params: RunTrainingParams): Partial<PipelineParams> {
  return pipelineParamsOf({
    engine: params.engine,
    seed: params.seed,
    ngramMax: params.ngramMax ?? null,
    maxFeatures: params.maxFeatures ?? null,
    regularization: params.regularization ?? null,
    blind: params.blind,
  });
}

/** Trains and evaluates a classifier on `corpus` (see PrecomputedInputs for work a caller may have done). */
export function runTraining(corpus: Corpus, params: RunTrainingParams, hooks: TrainingHooks = {}, precomputed: PrecomputedInputs = {}): TrainingResult {
  const { signal, classHelper } = hooks;
  const emit = (step: RunStep) => hooks.onProgress?.(step);
  const pipelineParams = runPipelineParams(params);
  const fitTimings = { vectorize: 0, fit: 0 };
  const addFitTimings = (pipeline: TextClassifier) => {
    fitTimings.vectorize += pipeline.lastFitTimings?.vectorizeMs ?? 0;
    fitTimings.fit += pipeline.lastFitTimings?.trainMs ?? 0;
  };
  const fitHooks = (fit: 'holdout' | 'final'): FitHooks => ({
    signal,
    classHelper,
    onVectorized: () => emit({ phase: 'vectorized', fit }),
    onProgress: (p) =>
      emit({
        phase: 'epoch',
        fit,
        stage: p.phase,
        epoch: p.epoch,
        maxEpochs: p.maxEpochs,
        trainLoss: p.trainLoss,
        validationLoss: p.validationLoss,
        validationAccuracy: p.validationAccuracy,
      }),
  });
  const clock = () => performance.now();
  const startedMs = clock();

  throwIfCancelled(signal);
  const given = corpus;
  const screened = precomputed.screened ?? screenTexts(given.texts);
  emit({ phase: 'screened', usable: screened.usable.length, unusable: screened.unusable.length });
  if (screened.unusable.length) {
    corpus = usableRowsOf(given, screened);
    const classes = [...new Set(corpus.labels)];
    if (corpus.texts.length === 0) throw new AppError('bad_input', `No document has usable text (the first: ${screened.unusable[0]!.reason}).`);
    if (classes.length < 2)
      throw new AppError(
        'bad_input',
        `After leaving out ${screened.unusable.length} document(s) with no usable text, only the category "${classes[0]}" is left; training needs at least two.`,
      );
  }
  const screenedMs = clock();

  throwIfCancelled(signal);
  const groups = precomputed.groups ?? findDuplicateGroups(corpus.texts);
  emit({
    phase: 'grouped',
    documents: corpus.texts.length,
    classes: new Set(corpus.labels).size,
    groups: groups.groupCount,
    exactDuplicates: groups.exactDuplicates,
    nearDuplicatePairs: groups.nearDuplicatePairs,
  });
  const groupedMs = clock();

  throwIfCancelled(signal);
  // The texts are read (cleaned, tokenized) once; the holdout model, the CV folds and the final model
  // fit on rows of this, and the test rows are scored from it.
  const prepared = precomputed.prepared
    ? screened.unusable.length
      ? // Handed over: the final fit then frees the token arrays as it goes (the caller's copy would keep them all).
        restrictPrepared(precomputed.prepared, screened.usable, { handOver: true })
      : precomputed.prepared
    : new TextClassifier(pipelineParams).prepare(corpus.texts, corpus.labels, fitHooks('holdout'));
  const holdout = holdoutEvaluation(corpus, pipelineParams, {
    testFraction: params.testFraction,
    seed: params.seed,
    groups,
    hooks: fitHooks('holdout'),
    prepared,
  });
  addFitTimings(holdout.pipeline);
  const testRows = Array.from(holdout.split.test);
  // Rows of the screened corpus, mapped back to the given one, for the caller's document ids.
  const givenRow = (row: number) => (screened.unusable.length ? screened.usable[row]! : row);
  // The test rows' probabilities as reported, and at temperature 1 for the reliability diagram's "before".
  const { testScores } = holdout;
  const k = holdout.pipeline.classes.length;
  const testProba = holdout.pipeline.probabilitiesOfScores(testScores);
  const uncalibratedProba = softmaxRows(testScores, k, 1);
  emit({ phase: 'holdout', trainDocuments: holdout.split.train.length, testDocuments: holdout.split.test.length });
  const heldOutMs = clock();

  let cv: CrossValidationSummary | null = null;
  if (params.folds >= 2) {
    const result = crossValidate(corpus, pipelineParams, {
      folds: params.folds,
      seed: params.seed,
      groups,
      prepared,
      signal,
      classHelper,
      onFold: (fold, report) => emit({ phase: 'fold', fold: fold + 1, folds: params.folds, macroF1: report.macro.f1 }),
    });
    // Only the scored rows: train-only (model-labelled) rows have no out-of-fold prediction.
    const K = result.classes.length;
    const scored = Array.from(result.scored);
    const y = Int32Array.from(scored, (row) => result.y[row]!);
    const oofProba = new Float64Array(scored.length * K);
    scored.forEach((row, i) => oofProba.set(result.oofProba.subarray(row * K, (row + 1) * K), i * K));
    cv = {
      folds: params.folds,
      meanAccuracy: result.meanAccuracy,
      meanMacroF1: result.meanMacroF1,
      macroF1PerFold: result.folds.map((r) => r.macro.f1),
      report: evaluatePredictions(y, oofProba, result.classes),
      oofProba,
      y,
      rows: scored.map(givenRow),
    };
  }
  const crossValidatedMs = clock();

  throwIfCancelled(signal);
  emit({ phase: 'final-fit-started' });
  // The final model takes the holdout model's chosen feature count, title weight, C and temperature
  // (chosen by inner cross-validation on 1 − testFraction of these documents) instead of tuning
  // and calibrating again: one vectorize and one solve.
  const pipeline = new TextClassifier(pipelineParams).fitPrepared(prepared, null, fitHooks('final'), { reuseChoicesOf: holdout.pipeline });
  addFitTimings(pipeline);
  throwIfCancelled(signal);
  const fittedMs = clock();

  return {
    modelJson: serializeModel(pipeline, holdout.report),
    classes: [...pipeline.classes],
    features: pipeline.training!.features,
    documents: corpus.texts.length,
    unusable: screened.unusable,
    holdout: {
      report: holdout.report,
      trainDocuments: holdout.split.train.length,
      testDocuments: holdout.split.test.length,
      testRows: testRows.map(givenRow),
      proba: testProba,
      uncalibratedProba,
      temperature: holdout.pipeline.temperature,
      temperatureFit: holdout.pipeline.training!.calibration ? describeCalibration(holdout.pipeline.training!.calibration) : 'No temperature was fitted.',
    },
    dataHash: pipeline.training!.dataHash,
    cv,
    timingsMs: {
      screening: screenedMs - startedMs,
      grouping: groupedMs - screenedMs,
      holdout: heldOutMs - groupedMs,
      crossValidation: crossValidatedMs - heldOutMs,
      finalFit: fittedMs - crossValidatedMs,
      total: fittedMs - startedMs,
      ...fitTimings,
    },
  };
}
