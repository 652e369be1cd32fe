/**
 * Temperature scaling (Guo et al. 2017): probabilities = softmax(scores / T) with one T fitted by
 * minimising the log loss of held-out scores (out-of-fold, never the rows a model trained on), with
 * a prior toward T = 1 that matters only when the rows are few.
 */
import { ECE_BINS, expectedCalibrationError, topLabelEce, topLabelOutcomes } from '../eval/metrics';
import { softmaxRows } from './estimator';
import { applyTopLabelMap, fitTopLabelMap, type TopLabelMap } from './top-label-map';

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
  /**
   * How far the temperature was pulled toward 1 (see fitTemperature): the prior's strength in rows,
   * and the temperature the rows alone gave. Absent in models saved before the prior existed.
   */
  shrinkage?: { priorRows: number; temperatureAlone: number };
  /** The top probability's map after the temperature (top-label-map.ts), fitted on the same rows. Absent in models saved before it existed: none. */
  topLabel?: TopLabelMap;
}

/** Row-major probabilities (rows × k) of decision scores: softmax at the calibration's temperature, then its top-label map. */
export function calibratedProbabilities(scores: Float64Array, k: number, calibration: Calibration | null | undefined): Float64Array {
  const proba = softmaxRows(scores, k, calibration?.temperature ?? 1);
  return calibration?.topLabel ? applyTopLabelMap(proba, k, calibration.topLabel) : proba;
}

/** The calibration with a top-label map fitted on the held-out scores it was fitted on (rows × k, true classes y). */
export function withTopLabelMap(calibration: Calibration, scores: Float64Array, y: ArrayLike<number>, k: number): Calibration {
  const { topLabel: _previous, ...temperatureOnly } = calibration;
  const tempered = calibratedProbabilities(scores, k, temperatureOnly);
  const before = topLabelOutcomes(tempered, y, k);
  const map = fitTopLabelMap(before.confidence, before.correct);
  // applyTopLabelMap works in place: the map is applied to the tempered rows, which are not used again.
  const after = topLabelOutcomes(applyTopLabelMap(tempered, k, map), y, k);
  return {
    ...temperatureOnly,
    topLabel: {
      ...map,
      eceBefore: topLabelEce(before.confidence, before.correct, ECE_BINS).ece,
      eceAfter: topLabelEce(after.confidence, after.correct, ECE_BINS).ece,
    },
  };
}

/**
 * The prior's strength: (ln T)² weighs as much as the log loss of this many held-out rows. On 2,000
 * rows it moves the livecareer temperature by under 1%; on the 73 out-of-fold rows of the sample
 * dataset, all but one right, it keeps T from collapsing to 0.06 (every prediction "100 %").
 */
export const TEMPERATURE_PRIOR_ROWS = 20;

/** One sentence on how a temperature was fitted, for model cards and the Evaluate page. */
export function describeCalibration(c: Calibration): string {
  return `${describeTemperature(c)}${c.topLabel ? ` ${describeTopLabelMap(c.topLabel)}` : ''}`;
}

function describeTemperature(c: Calibration): string {
  const base = `T = ${c.temperature.toFixed(3)}, fitted on ${c.rows} ${c.source}`;
  const s = c.shrinkage;
  if (!s || s.priorRows === 0) return `${base}.`;
  if (Math.abs(s.temperatureAlone - c.temperature) <= 0.01 * c.temperature)
    return `${base}; the prior toward T = 1 (worth ${s.priorRows} rows) moved it by less than 1%.`;
  return `${base}, shrunk toward T = 1 by a prior worth ${s.priorRows} rows (the ${c.rows} rows alone gave T = ${s.temperatureAlone.toFixed(3)}).`;
}

function describeTopLabelMap(m: TopLabelMap): string {
  const ece = (x: number) => x.toFixed(3);
  return `Then the top category's probability c becomes σ(${m.slope.toFixed(3)} · logit(c) ${m.intercept < 0 ? '−' : '+'} ${Math.abs(m.intercept).toFixed(3)}), fitted on the same rows (their ECE ${ece(m.eceBefore)} → ${ece(m.eceAfter)}); the prediction itself never changes.`;
}

/** The search range of β = 1 / T. */
const MIN_BETA = 1e-3;
const MAX_BETA = 1e3;

/** Mean log loss of softmax(β·scores) against the true classes. */
function meanLogLoss(scores: ArrayLike<number>, y: ArrayLike<number>, nClasses: number, beta: number): number {
  let loss = 0;
  const n = y.length;
  for (let i = 0; i < n; i++) {
    const o = i * nClasses;
    let max = -Infinity;
    for (let k = 0; k < nClasses; k++) max = Math.max(max, beta * scores[o + k]!);
    let z = 0;
    for (let k = 0; k < nClasses; k++) z += Math.exp(beta * scores[o + k]! - max);
    loss += max + Math.log(z) - beta * scores[o + y[i]!]!;
  }
  return loss / n;
}

/** Mean log loss of softmax(scores / temperature) against the true classes. */
export function temperatureLogLoss(scores: ArrayLike<number>, y: ArrayLike<number>, nClasses: number, temperature: number): number {
  return meanLogLoss(scores, y, nClasses, 1 / temperature);
}

/** The first two derivatives in β of the mean log loss of softmax(β·scores). */
function lossDerivatives(scores: ArrayLike<number>, y: ArrayLike<number>, nClasses: number, beta: number): [number, number] {
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
    d1 += mean - scores[o + y[i]!]!;
    d2 += Math.max(0, second / z - mean * mean);
  }
  return [d1 / n, d2 / n];
}

/**
 * The temperature that minimises the held-out log loss plus a Gaussian prior on ln T centred on 1,
 * worth `priorRows` rows (0: plain maximum likelihood). Few rows that a model mostly got right pull
 * the plain fit toward T → 0, where every prediction reads 100 %; the prior keeps it finite, and
 * with thousands of rows it barely matters. Solved for u = ln(1/T) in [−ln 1000, ln 1000], where the
 * objective's slope is β·L′(β) + (priorRows / n)·u: Newton steps kept inside a bracket that
 * bisection shrinks.
 */
export function fitTemperature(scores: ArrayLike<number>, y: ArrayLike<number>, nClasses: number, priorRows = 0): number {
  if (y.length === 0) return 1;
  const lambda = priorRows / y.length;
  const slope = (u: number): [number, number] => {
    const beta = Math.exp(u);
    const [d1, d2] = lossDerivatives(scores, y, nClasses, beta);
    return [beta * d1 + lambda * u, beta * d1 + beta * beta * d2 + lambda];
  };
  let lo = Math.log(MIN_BETA);
  let hi = Math.log(MAX_BETA);
  const toTemperature = (u: number) => Math.round(Math.exp(-u) * 1e6) / 1e6;
  if (slope(lo)[0] >= 0) return toTemperature(lo);
  if (slope(hi)[0] <= 0) return toTemperature(hi);
  let u = 0;
  for (let iter = 0; iter < 100 && hi - lo > 1e-10; iter++) {
    const [g, h] = slope(u);
    if (Math.abs(g) < 1e-12) break;
    if (g > 0) hi = u;
    else lo = u;
    const next = h > 0 ? u - g / h : NaN;
    u = next > lo && next < hi ? next : (lo + hi) / 2;
  }
  return toTemperature(u);
}

/** Fits a temperature on held-out scores (with the prior toward 1, see fitTemperature) and says where they came from. */
export function calibrateTemperature(
  scores: ArrayLike<number>,
  y: ArrayLike<number>,
  nClasses: number,
  source: string,
  priorRows = TEMPERATURE_PRIOR_ROWS,
): Calibration {
  const temperature = fitTemperature(scores, y, nClasses, priorRows);
  return {
    method: 'temperature',
    temperature,
    source,
    rows: y.length,
    logLossBefore: temperatureLogLoss(scores, y, nClasses, 1),
    logLossAfter: temperatureLogLoss(scores, y, nClasses, temperature),
    eceBefore: expectedCalibrationError(y, softmaxRows(Float64Array.from(scores), nClasses, 1), nClasses, ECE_BINS).ece,
    eceAfter: expectedCalibrationError(y, softmaxRows(Float64Array.from(scores), nClasses, temperature), nClasses, ECE_BINS).ece,
    shrinkage: { priorRows, temperatureAlone: priorRows > 0 ? fitTemperature(scores, y, nClasses, 0) : temperature },
  };
}
