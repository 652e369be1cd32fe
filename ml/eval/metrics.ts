/** Classification metrics; each names the definition it implements (scikit-learn's conventions). */

/** confusion[t][p] = number of rows with true class t predicted as p. */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, nClasses: number): number[][] {
  const m = Array.from({ length: nClasses }, () => new Array<number>(nClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) m[yTrue[i]!]![yPred[i]!]!++;
  return m;
}

/** Accuracy = correct / total (0 for no rows). */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  if (yTrue.length === 0) return 0;
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct++;
  return correct / yTrue.length;
}

/** Per-class precision, recall, F1 and support. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/**
 * Per-class scores from a confusion matrix: precision = TP / (TP + FP), recall = TP / (TP + FN),
 * F1 = 2PR / (P + R); a zero denominator gives 0 (sklearn's zero_division=0).
 */
export function perClassScores(confusion: number[][]): ClassScores[] {
  const k = confusion.length;
  return confusion.map((row, c) => {
    const tp = row[c]!;
    const support = row.reduce((s, v) => s + v, 0);
    let predicted = 0;
    for (let t = 0; t < k; t++) predicted += confusion[t]![c]!;
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, support };
  });
}

/** Macro average (unweighted mean over classes with support > 0) and support-weighted average. */
export function averageScores(scores: ClassScores[]): { macro: Omit<ClassScores, 'support'>; weighted: Omit<ClassScores, 'support'> } {
  const present = scores.filter((s) => s.support > 0);
  const total = present.reduce((s, c) => s + c.support, 0);
  const mean = (pick: (c: ClassScores) => number) => (present.length ? present.reduce((s, c) => s + pick(c), 0) / present.length : 0);
  const weighted = (pick: (c: ClassScores) => number) => (total ? present.reduce((s, c) => s + pick(c) * c.support, 0) / total : 0);
  return {
    macro: { precision: mean((c) => c.precision), recall: mean((c) => c.recall), f1: mean((c) => c.f1) },
    weighted: { precision: weighted((c) => c.precision), recall: weighted((c) => c.recall), f1: weighted((c) => c.f1) },
  };
}

/** Macro-F1: the unweighted mean of per-class F1 over classes present in yTrue. */
export function macroF1(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, nClasses: number): number {
  return averageScores(perClassScores(confusionMatrix(yTrue, yPred, nClasses))).macro.f1;
}

/** Log loss = −mean ln p(true class), probabilities clipped to [1e-15, 1]. proba is rows × nClasses. */
export function logLoss(yTrue: ArrayLike<number>, proba: ArrayLike<number>, nClasses: number): number {
  if (yTrue.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum -= Math.log(Math.min(1, Math.max(1e-15, proba[i * nClasses + yTrue[i]!]!)));
  return sum / yTrue.length;
}

/** Equal-width top-label confidence bins used for every reported ECE. */
export const ECE_BINS = 15;

/**
 * Expected calibration error: rows binned by top-class confidence into `bins` equal-width bins;
 * ECE = Σ_b (n_b / n) · |accuracy_b − mean confidence_b|.
 */
export function expectedCalibrationError(
  yTrue: ArrayLike<number>,
  proba: ArrayLike<number>,
  nClasses: number,
  bins = ECE_BINS,
): { ece: number; bins: { confidence: number; accuracy: number; count: number }[] } {
  const { confidence, correct } = topLabelOutcomes(proba, yTrue, nClasses);
  return topLabelEce(confidence, correct, bins);
}

/** Each row's top probability (rows × k, row-major) and whether its top class is the true one. */
export function topLabelOutcomes(proba: ArrayLike<number>, y: ArrayLike<number>, k: number): { confidence: Float64Array; correct: Uint8Array } {
  const confidence = new Float64Array(y.length);
  const correct = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    let top = 0;
    for (let j = 1; j < k; j++) if (proba[i * k + j]! > proba[i * k + top]!) top = j;
    confidence[i] = proba[i * k + top]!;
    correct[i] = top === y[i] ? 1 : 0;
  }
  return { confidence, correct };
}

/** ECE from each row's top-label confidence and whether that label was right (same binning as expectedCalibrationError). */
export function topLabelEce(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number>,
  bins = ECE_BINS,
): { ece: number; bins: { confidence: number; accuracy: number; count: number }[] } {
  const count = new Float64Array(bins);
  const conf = new Float64Array(bins);
  const hits = new Float64Array(bins);
  for (let i = 0; i < confidence.length; i++) {
    const p = confidence[i]!;
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b]!++;
    conf[b]! += p;
    hits[b]! += correct[i] ? 1 : 0;
  }
  let ece = 0;
  const out: { confidence: number; accuracy: number; count: number }[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) {
      out.push({ confidence: 0, accuracy: 0, count: 0 });
      continue;
    }
    const meanConf = conf[b]! / count[b]!;
    const acc = hits[b]! / count[b]!;
    ece += (count[b]! / confidence.length) * Math.abs(acc - meanConf);
    out.push({ confidence: meanConf, accuracy: acc, count: count[b]! });
  }
  return { ece, bins: out };
}

/** Everything a training run reports about one test set. */
export interface EvaluationReport {
  classes: string[];
  accuracy: number;
  macro: Omit<ClassScores, 'support'>;
  weighted: Omit<ClassScores, 'support'>;
  perClass: (ClassScores & { label: string })[];
  confusion: number[][];
  logLoss: number;
  /** Top-label ECE over `eceBins` equal-width bins. */
  ece: number;
  eceBins: number;
  testRows: number;
}

/** Builds the full report from true labels, predicted probabilities and the class names. */
export function evaluatePredictions(yTrue: ArrayLike<number>, proba: ArrayLike<number>, classes: string[]): EvaluationReport {
  const k = classes.length;
  const yPred = new Int32Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c]! > proba[i * k + best]!) best = c;
    yPred[i] = best;
  }
  const confusion = confusionMatrix(yTrue, yPred, k);
  const perClass = perClassScores(confusion);
  const { macro, weighted } = averageScores(perClass);
  return {
    classes,
    accuracy: accuracy(yTrue, yPred),
    macro,
    weighted,
    confusion,
    testRows: yTrue.length,
    perClass: perClass.map((s, i) => ({ ...s, label: classes[i]! })),
    logLoss: logLoss(yTrue, proba, k),
    ece: expectedCalibrationError(yTrue, proba, k, ECE_BINS).ece,
    eceBins: ECE_BINS,
  };
}

/** One stored decision: the true and predicted class, the predicted class's probability and the true class's. */
export interface StoredDecision {
  trueClass: number;
  predictedClass: number;
  confidence: number;
  trueProbability: number;
}

/**
 * The report of evaluatePredictions from stored decisions instead of full probability rows: the
 * same confusion, per-class and averaged scores; log loss from each row's true-class probability;
 * top-label ECE from its confidence. For comparing runs on the documents both predicted.
 */
export function evaluateDecisions(decisions: readonly StoredDecision[], classes: string[]): EvaluationReport {
  const yTrue = decisions.map((d) => d.trueClass);
  const yPred = decisions.map((d) => d.predictedClass);
  const confusion = confusionMatrix(yTrue, yPred, classes.length);
  const perClass = perClassScores(confusion);
  const { macro, weighted } = averageScores(perClass);
  const n = decisions.length;
  const logLossSum = decisions.reduce((s, d) => s - Math.log(Math.min(1, Math.max(1e-15, d.trueProbability))), 0);
  return {
    classes,
    accuracy: accuracy(yTrue, yPred),
    macro,
    weighted,
    confusion,
    testRows: n,
    perClass: perClass.map((s, i) => ({ ...s, label: classes[i]! })),
    logLoss: n ? logLossSum / n : 0,
    ece: topLabelEce(
      decisions.map((d) => d.confidence),
      decisions.map((d) => (d.trueClass === d.predictedClass ? 1 : 0)),
    ).ece,
    eceBins: ECE_BINS,
  };
}
