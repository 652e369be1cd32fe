/**
 * Temperature scaling (Guo et al. 2017): probabilities = softmax(scores / T) with one T fitted by
 * minimising the log loss of held-out scores (out-of-fold, never the rows a model trained on). The
 * loss is convex in β = 1 / T, so a safeguarded Newton iteration on β finds the optimum.
 */
import { ECE_BINS, expectedCalibrationError } from '../eval/metrics';
import { softmaxRows } from './estimator';

/** How a model's probabilities were calibrated, stored in the model file. */
export interface Calibration {
  method: 'temperature';
  /** Probabilities are softmax(scores / temperature). */
  temperature: number;
  /** Where the held-out scores came from (e.g. "out-of-fold scores of the 3-fold inner cross-validation"). */
  source: string;
  /** Held-out rows the temperature was fitted on. */
  rows: number;
  /** Log loss of those rows at temperature 1 and at the fitted temperature. */
  logLossBefore: number;
  logLossAfter: number;
  /** Top-label ECE (15 bins) of those rows at temperature 1 and at the fitted temperature. */
  eceBefore: number;
  eceAfter: number;
}

const MIN_BETA = 1e-3;
const MAX_BETA = 1e3;

/** Mean log loss of softmax(β·scores) and its first two derivatives in β. */
function lossAndDerivatives(scores: ArrayLike<number>, y: ArrayLike<number>, nClasses: number, beta: number): [number, number, number] {
  let loss = 0;
  let d1 = 0;
  let d2 = 0;
  const n = y.length;
  for (let i = 0; i < n; i++) {
    const o = i * nClasses;
    let max = -Infinity;
    for (let k = 0; k < nClasses; k++) max = Math.max(max, beta * scores[o + k]!);
    let z = 0;
    let mean = 0;
    let second = 0;
    for (let k = 0; k < nClasses; k++) {
      const s = scores[o + k]!;
      const e = Math.exp(beta * s - max);
      z += e;
      mean += e * s;
      second += e * s * s;
    }
    mean /= z;
    const variance = Math.max(0, second / z - mean * mean);
    const truth = scores[o + y[i]!]!;
    loss += max + Math.log(z) - beta * truth;
    d1 += mean - truth;
    d2 += variance;
  }
  return [loss / n, d1 / n, d2 / n];
}

/** Mean log loss of softmax(scores / temperature) against the true classes. */
export function temperatureLogLoss(scores: ArrayLike<number>, y: ArrayLike<number>, nClasses: number, temperature: number): number {
  return lossAndDerivatives(scores, y, nClasses, 1 / temperature)[0];
}

/** The temperature that minimises the log loss of held-out scores (clamped to [0.001, 1000]). */
export function fitTemperature(scores: ArrayLike<number>, y: ArrayLike<number>, nClasses: number): number {
  if (y.length === 0) return 1;
  let lo = MIN_BETA;
  let hi = MAX_BETA;
  let beta = 1;
  for (let iter = 0; iter < 100; iter++) {
    const [, d1, d2] = lossAndDerivatives(scores, y, nClasses, beta);
    if (Math.abs(d1) < 1e-10) break;
    // Keep a bracket around the minimum: the derivative is increasing in β.
    if (d1 > 0) hi = beta;
    else lo = beta;
    let next = d2 > 0 ? beta - d1 / d2 : NaN;
    if (!(next > lo && next < hi)) next = hi >= MAX_BETA ? Math.min(MAX_BETA, beta * 2) : lo <= MIN_BETA ? Math.max(MIN_BETA, beta / 2) : (lo + hi) / 2;
    if (Math.abs(next - beta) < 1e-9 * beta) {
      beta = next;
      break;
    }
    beta = next;
  }
  return Math.round((1 / beta) * 1e6) / 1e6;
}

/** Fits a temperature on held-out scores and says where they came from. */
export function calibrateTemperature(scores: ArrayLike<number>, y: ArrayLike<number>, nClasses: number, source: string): Calibration {
  const temperature = fitTemperature(scores, y, nClasses);
  return {
    method: 'temperature',
    temperature,
    source,
    rows: y.length,
    logLossBefore: temperatureLogLoss(scores, y, nClasses, 1),
    logLossAfter: temperatureLogLoss(scores, y, nClasses, temperature),
    eceBefore: expectedCalibrationError(y, softmaxRows(Float64Array.from(scores), nClasses, 1), nClasses, ECE_BINS).ece,
    eceAfter: expectedCalibrationError(y, softmaxRows(Float64Array.from(scores), nClasses, temperature), nClasses, ECE_BINS).ece,
  };
}
