/**
 * What the training worker does once it has read the labelled, not excluded documents from SQLite
 * on its own read-only connection (train-from-database.ts; screening and duplicate grouping go to
 * a second thread meanwhile, which then takes classes of every SVM fit: second-thread.ts): run the
 * one training function (runTraining: dedup-aware holdout, optional k-fold CV, the final model on
 * every document) and return the model JSON, the reports and every out-of-fold prediction as typed
 * columns (cheap to pass back to the main thread). Progress is reported per phase and epoch. Runs
 * inside the training worker; plain Node over ml/.
 */
import { ECE_BINS, expectedCalibrationError, logLoss, type ClassHelper } from '../../ml/index';
import type {
  CalibrationReport,
  CrossValidationMetrics,
  MetricsReport,
  ReliabilityBin,
  RunDetail,
  RunTimings,
  TrainingParams,
  TrainingPhase,
  TrainingProgress,
} from '../../preload/contract';
import { chooseReviewThreshold, type ThresholdChoice } from '../predict/review-threshold';
import { runTraining, type PrecomputedInputs, type RunStep } from './run-training';
import type { Snapshot } from './snapshot';

/** Bins of the reliability diagram: the same as the ECE of the engine's reports, so the two agree. */
export const RELIABILITY_BINS = ECE_BINS;

/** What the worker is asked. */
export interface TrainTaskInput {
  databasePath: string;
  params: TrainingParams;
  /** Categories with fewer labelled documents are left out (named in the plan). */
  minDocumentsPerCategory: number;
}

/** One progress report from the worker: the contract's, less what the service adds (the run id, elapsed time and ETA). */
export type TaskProgress = Omit<TrainingProgress, 'runId' | 'elapsedMs' | 'etaMs'>;

/** Out-of-fold predictions as columns: row i is document documentIds[i]. */
export interface PredictionColumns {
  source: 'holdout' | 'cv';
  documentIds: Int32Array;
  trueIndex: Int32Array;
  predictedIndex: Int32Array;
  confidence: Float64Array;
  trueProbability: Float64Array;
}

/** What the worker returns. */
export interface TrainTaskResult {
  datasetHash: string;
  documents: number;
  classes: string[];
  features: number;
  leftOutCategories: string[];
  holdout: MetricsReport;
  calibration: CalibrationReport;
  cv: CrossValidationMetrics | null;
  split: { trainDocuments: number; testDocuments: number };
  /**
   * Predict's default review threshold, chosen here from the out-of-fold predictions (every resume
   * once under cross-validation, else the holdout's): read back and chosen on the main thread when
   * the model became active, 40,000 holdout rows of a 200k run held it 0.12-0.3 s.
   */
  reviewThreshold: ThresholdChoice;
  timings: RunTimings;
  epochs: RunDetail['epochs'];
  predictions: PredictionColumns[];
  modelJson: string;
  /** The words were read ahead, while the Train page was open (read-ahead.ts), not after the press. */
  wordsReadAhead: boolean;
}

/** Reliability bins with their confidence ranges. */
export function reliabilityBins(yTrue: ArrayLike<number>, proba: ArrayLike<number>, nClasses: number): { ece: number; bins: ReliabilityBin[] } {
  const { ece, bins } = expectedCalibrationError(yTrue, proba, nClasses, RELIABILITY_BINS);
  return { ece, bins: bins.map((b, i) => ({ ...b, low: i / RELIABILITY_BINS, high: (i + 1) / RELIABILITY_BINS })) };
}

/** Prediction columns for rows of a probability matrix. */
function columnsOf(source: PredictionColumns['source'], ids: ArrayLike<number>, y: ArrayLike<number>, proba: ArrayLike<number>, k: number): PredictionColumns {
  const n = ids.length;
  const out: PredictionColumns = {
    source,
    documentIds: Int32Array.from(ids),
    trueIndex: Int32Array.from(y),
    predictedIndex: new Int32Array(n),
    confidence: new Float64Array(n),
    trueProbability: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c]! > proba[i * k + best]!) best = c;
    out.predictedIndex[i] = best;
    out.confidence[i] = proba[i * k + best]!;
    out.trueProbability[i] = proba[i * k + y[i]!]!;
  }
  return out;
}

/**
 * Progress units of a run: the holdout model is 1, each CV fold 0.8 (no epoch hooks inside
 * crossValidate), the final model 1.25; within a fit, reading the words takes about half.
 */
export function progressUnits(params: Pick<TrainingParams, 'folds'>): { foldUnit: number; finalUnit: number; total: number } {
  const foldUnit = 0.8;
  const finalUnit = 1.25;
  return { foldUnit, finalUnit, total: 1 + params.folds * foldUnit + finalUnit };
}

/**
 * Trains and evaluates on the snapshot through the one run function, reporting progress as phases
 * and a share of the whole. Without its texts (a streamed snapshot), every use of them must be
 * precomputed: screening, duplicate groups and the prepared corpus.
 */
export function trainOnSnapshot(
  snapshot: Omit<Snapshot, 'texts'> & { texts?: string[] },
  params: TrainingParams,
  progress: (p: TaskProgress) => void,
  run: { signal?: AbortSignal; classHelper?: ClassHelper } = {},
  precomputed: PrecomputedInputs = {},
  startFraction = 0,
): Omit<TrainTaskResult, 'timings' | 'wordsReadAhead'> & { timings: Omit<RunTimings, 'readMs'> } {
  const { ids, labels } = snapshot;
  const { signal, classHelper } = run;
  if (!snapshot.texts && !(precomputed.screened && precomputed.groups && precomputed.prepared))
    throw new Error('Training without the texts needs their screening, duplicate groups and token ids.');
  // runTraining reads texts only for what is not precomputed: here nothing, so a run holds token ids, not strings.
  const texts = snapshot.texts ?? new Array<string>(ids.length).fill('');
  const classes = [...new Set(labels)].sort();
  if (classes.length < 2) throw new Error(`Training needs at least two categories with enough documents; found ${classes.length}.`);
  // Progress units: the holdout fit, each CV fold (no epoch hooks inside crossValidate), the final fit;
  // within a fit, vectorizing takes ~60% of the time at this size and the epochs share the rest.
  const { foldUnit, finalUnit, total } = progressUnits(params);
  let done = 0;
  let unit = 1;
  let fitName = 'Holdout model';
  const epochs: RunDetail['epochs'] = [];
  // What the caller already showed (reading the words before this): never shown backwards.
  let shownFraction = startFraction;
  const stageSpan = { vectorize: [0, 0.5], tune: [0.5, 0.75], fit: [0.75, 0.95], calibrate: [0.95, 1] } as const;
  const stageWords = {
    vectorize: 'reading words, step',
    tune: 'choosing C and features (inner cross-validation), step',
    fit: 'epoch',
    calibrate: 'calibrating, step',
  } as const;
  const report = (
    phase: TrainingPhase,
    step: string,
    within: number,
    fit?: { epoch: number; maxEpochs: number; loss: number | null; validationAccuracy: number | null },
  ) =>
    progress({
      phase,
      step,
      epoch: fit?.epoch ?? null,
      maxEpochs: fit?.maxEpochs ?? null,
      loss: fit?.loss ?? null,
      validationAccuracy: fit?.validationAccuracy ?? null,
      // Never backwards: a stage may report steps of its own that restart (e.g. per class).
      fraction: (shownFraction = Math.max(shownFraction, Math.min(1, (done + within * unit) / total))),
    });
  const onProgress = (p: RunStep) => {
    switch (p.phase) {
      case 'grouped':
        report('vectorize', `${fitName}: reading words`, 0.02);
        return;
      case 'vectorized':
        report('fit', `${fitName}: learning`, stageSpan.tune[0]);
        return;
      case 'epoch': {
        // Within a fit: vectorize, then tune (inner cross-validation), fit and calibrate, each in steps.
        const [from, to] = stageSpan[p.stage];
        const within = from + ((to - from) * p.epoch) / Math.max(1, p.maxEpochs);
        // NaN (the fast engine's tuning steps have no training loss) travels as null, not as a point at 0.
        const rawLoss = p.validationLoss ?? p.trainLoss;
        const loss = Number.isFinite(rawLoss) ? rawLoss : null;
        // Tuning steps carry each configuration's held-out accuracy, fit steps the training loss: both are chart points.
        const isFitStage = p.stage === 'fit' || p.stage === 'tune';
        if (p.stage === 'fit' && p.fit === 'final') epochs.push({ epoch: p.epoch, loss, validationAccuracy: p.validationAccuracy });
        report(
          p.stage === 'vectorize' ? 'vectorize' : p.stage === 'calibrate' ? 'evaluate' : 'fit',
          `${fitName}: ${stageWords[p.stage]} ${p.epoch} of ${p.maxEpochs}`,
          within,
          isFitStage ? { epoch: p.epoch, maxEpochs: p.maxEpochs, loss, validationAccuracy: p.validationAccuracy } : undefined,
        );
        return;
      }
      case 'holdout':
        done += 1;
        unit = foldUnit;
        if (params.folds >= 2) report('evaluate', `Cross-validation fold 1 of ${params.folds}`, 0);
        return;
      case 'fold':
        done += foldUnit;
        if (p.fold < p.folds) report('evaluate', `Cross-validation fold ${p.fold + 1} of ${p.folds}`, 0);
        return;
      case 'final-fit-started':
        unit = finalUnit;
        fitName = 'Final model on every document';
        report('vectorize', `${fitName}: reading words`, 0);
        return;
    }
  };
  report('vectorize', 'Grouping duplicate resumes', 0);
  // Document ids as keys: a retrain holds out the same documents the previous run did, so runs compare on the same resumes.
  const result = runTraining({ texts, labels, keys: ids, trainOnly: snapshot.trainOnly }, params, { onProgress, signal, classHelper }, precomputed);
  done = total;
  report('saving', 'Saving the model', 0);

  const k = result.classes.length;
  // Every category has at least MIN_DOCUMENTS_PER_CATEGORY documents, so the stratified train side holds them all.
  if (result.holdout.report.classes.join('\u0000') !== classes.join('\u0000')) throw new Error('The holdout split left a category without training documents.');
  const yTest = result.holdout.testRows.map((i) => classes.indexOf(labels[i]!));
  const predictions = [
    columnsOf(
      'holdout',
      result.holdout.testRows.map((i) => ids[i]!),
      yTest,
      result.holdout.proba,
      k,
    ),
  ];
  if (result.cv)
    predictions.push(
      columnsOf(
        'cv',
        result.cv.rows.map((i) => ids[i]!),
        result.cv.y,
        result.cv.oofProba,
        k,
      ),
    );
  const validation = predictions.at(-1)!;
  const reviewThreshold = chooseReviewThreshold(
    Array.from(validation.confidence, (confidence, i) => ({ confidence, isCorrect: validation.predictedIndex[i] === validation.trueIndex[i] })),
  );
  const after = reliabilityBins(yTest, result.holdout.proba, k);
  const before = reliabilityBins(yTest, result.holdout.uncalibratedProba, k);
  // The engine fitted its temperature on held-out scores of the training side; these figures are on
  // the run's own test documents, which neither the model nor the temperature saw.
  const calibration: CalibrationReport = {
    temperature: result.holdout.temperature,
    temperatureFit: result.holdout.temperatureFit,
    eceBefore: before.ece,
    eceAfter: after.ece,
    logLossBefore: logLoss(yTest, result.holdout.uncalibratedProba, k),
    logLossAfter: logLoss(yTest, result.holdout.proba, k),
    binsBefore: before.bins,
    binsAfter: after.bins,
  };
  const t = result.timingsMs;
  return {
    datasetHash: snapshot.hash,
    documents: texts.length,
    classes,
    features: result.features,
    leftOutCategories: snapshot.leftOutCategories,
    holdout: result.holdout.report,
    calibration,
    cv: result.cv
      ? {
          folds: result.cv.folds,
          meanAccuracy: result.cv.meanAccuracy,
          meanMacroF1: result.cv.meanMacroF1,
          macroF1PerFold: result.cv.macroF1PerFold,
          report: result.cv.report,
        }
      : null,
    split: { trainDocuments: result.holdout.trainDocuments, testDocuments: result.holdout.testDocuments },
    reviewThreshold,
    timings: { vectorizeMs: t.vectorize, fitMs: t.fit, evaluateMs: Math.max(0, t.total - t.vectorize - t.fit), totalMs: t.total },
    epochs,
    predictions,
    modelJson: result.modelJson,
  };
}
