// The top-label map after the temperature (ml/models/top-label-map.ts): it recovers a known bend of
// the top probability, lowers ECE on fresh rows where one temperature cannot, never changes a
// prediction, stays near the identity on a few rows, and travels with the model file.
import { describe, expect, it } from 'vitest';
import { topLabelEce, topLabelOutcomes } from '../../ml/eval/metrics';
import { calibratedProbabilities, describeCalibration, withTopLabelMap, type Calibration } from '../../ml/models/calibration';
import { argmaxRows, softmaxRows } from '../../ml/models/estimator';
import { TextClassifier } from '../../ml/models/pipeline';
import { applyTopLabelMap, fitTopLabelMap } from '../../ml/models/top-label-map';
import { createRng } from '../../ml/random';
import { generateResumeSample } from '../../ml/sample/generate';
import { deserializeModel, ModelFormatError, serializeModel } from '../../ml/serialize/model-json';

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Rows whose top class is right with probability σ(slope · logit(c) + intercept), c their stated top
 * probability: underconfident where c is low, overconfident where it is high (as on livecareer).
 */
function bentRows(n: number, k: number, slope: number, intercept: number, seed: number) {
  const rng = createRng(seed);
  const scores = Float64Array.from({ length: n * k }, () => rng.normal() * 2);
  const proba = softmaxRows(scores, k, 1);
  const top = argmaxRows(proba, k);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = proba[i * k + top[i]!]!;
    const right = rng.next() < sigmoid(slope * logit(c) + intercept);
    y[i] = right ? top[i]! : (top[i]! + 1 + rng.int(k - 1)) % k;
  }
  return { scores, proba, y };
}

const temperatureOnly: Calibration = {
  method: 'temperature',
  temperature: 1,
  source: 'a test',
  rows: 0,
  logLossBefore: 0,
  logLossAfter: 0,
  eceBefore: 0,
  eceAfter: 0,
};

describe('the top-label map', () => {
  it('recovers a known bend from many rows and lowers ECE on fresh ones', () => {
    const k = 8;
    const fit = bentRows(6000, k, 0.6, 0.4, 1);
    const outcomes = topLabelOutcomes(fit.proba, fit.y, k);
    const map = fitTopLabelMap(outcomes.confidence, outcomes.correct);
    expect(map.slope).toBeGreaterThan(0.5);
    expect(map.slope).toBeLessThan(0.7);
    expect(map.intercept).toBeGreaterThan(0.25);
    expect(map.intercept).toBeLessThan(0.55);

    const fresh = bentRows(6000, k, 0.6, 0.4, 2);
    const before = topLabelOutcomes(fresh.proba, fresh.y, k);
    const after = topLabelOutcomes(applyTopLabelMap(Float64Array.from(fresh.proba), k, map), fresh.y, k);
    expect(topLabelEce(before.confidence, before.correct).ece).toBeGreaterThan(0.05);
    expect(topLabelEce(after.confidence, after.correct).ece).toBeLessThan(0.025);
  });

  it('never changes a prediction, keeps every row summing to 1 and the other classes in proportion', () => {
    const k = 5;
    const rng = createRng(3);
    for (const map of [
      { slope: 0.05, intercept: -8 },
      { slope: 0.3, intercept: 2 },
      { slope: 20, intercept: 0 },
      { slope: 1, intercept: 0 },
    ]) {
      const scores = Float64Array.from({ length: 400 * k }, () => rng.normal() * (1 + rng.int(20)));
      const proba = softmaxRows(scores, k, 1);
      const mapped = applyTopLabelMap(Float64Array.from(proba), k, map);
      expect(Array.from(argmaxRows(mapped, k))).toEqual(Array.from(argmaxRows(proba, k)));
      for (let i = 0; i < 400; i++) {
        const row = mapped.subarray(i * k, (i + 1) * k);
        expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
        const top = argmaxRows(proba.subarray(i * k, (i + 1) * k), k)[0]!;
        const others = [0, 1, 2, 3, 4].filter((j) => j !== top);
        // Scaled by one factor: each other class's share of what is not the top is unchanged.
        const restBefore = others.reduce((s, j) => s + proba[i * k + j]!, 0);
        const restAfter = others.reduce((s, j) => s + row[j]!, 0);
        if (restBefore > 1e-9 && restAfter > 1e-9) for (const j of others) expect(row[j]! / restAfter).toBeCloseTo(proba[i * k + j]! / restBefore, 9);
      }
    }
  });

  it('the identity leaves probabilities as they were', () => {
    const proba = softmaxRows(Float64Array.from([1, 2, 3, -1, 0.5, 0.2]), 3, 1);
    const mapped = applyTopLabelMap(Float64Array.from(proba), 3, { slope: 1, intercept: 0 });
    mapped.forEach((p, i) => expect(p).toBeCloseTo(proba[i]!, 12));
  });

  it('on a few rows all predicted right, stays near the identity instead of saying 100 %', () => {
    const confidence = Float64Array.from({ length: 30 }, (_, i) => 0.5 + i / 70);
    const correct = new Uint8Array(30).fill(1);
    const alone = fitTopLabelMap(confidence, correct, 0);
    const withPrior = fitTopLabelMap(confidence, correct);
    expect(Math.abs(withPrior.slope - 1) + Math.abs(withPrior.intercept)).toBeLessThan(Math.abs(alone.slope - 1) + Math.abs(alone.intercept));
    expect(sigmoid(withPrior.slope * logit(0.6) + withPrior.intercept)).toBeLessThan(0.99);
    expect(fitTopLabelMap([], [])).toEqual({ slope: 1, intercept: 0 });
  });

  it('is fitted on the held-out scores with the temperature, and says so', () => {
    const k = 6;
    const rows = bentRows(3000, k, 0.6, 0.4, 4);
    const calibration = withTopLabelMap(temperatureOnly, rows.scores, rows.y, k);
    expect(calibration.topLabel!.eceAfter).toBeLessThan(calibration.topLabel!.eceBefore);
    expect(Array.from(argmaxRows(calibratedProbabilities(rows.scores, k, calibration), k))).toEqual(Array.from(argmaxRows(rows.proba, k)));
    expect(describeCalibration(calibration)).toMatch(
      /Then the top category's probability c becomes σ\(0\.\d{3} · logit\(c\) \+ 0\.\d{3}\).*the prediction itself never changes\.$/,
    );
  });
});

describe('the top-label map in the model file', () => {
  const sample = generateResumeSample({ seed: 5, perClass: 12 });
  const texts = sample.map((s) => s.text);
  const model = new TextClassifier({ engine: 'fast', seed: 2 }).fit(
    texts,
    sample.map((s) => s.category),
  );
  const json = serializeModel(model);

  it('a fit stores one, and the loaded model gives the same probabilities', () => {
    expect(model.training!.calibration!.topLabel).toBeDefined();
    const loaded = deserializeModel(json, 'model.json').pipeline;
    expect(Array.from(loaded.predictProba(texts.slice(0, 20)))).toEqual(Array.from(model.predictProba(texts.slice(0, 20))));
  });

  it('a model saved before it existed loads and gives softmax at its temperature', () => {
    const doc = JSON.parse(json);
    delete doc.training.calibration.topLabel;
    const old = deserializeModel(doc, 'model.json').pipeline;
    const scores = old.scores(old.transform(texts.slice(0, 5)));
    expect(Array.from(old.predictProba(texts.slice(0, 5)))).toEqual(Array.from(softmaxRows(scores, old.classes.length, old.temperature)));
  });

  it('a slope that would turn the map around is refused with a sentence', () => {
    const doc = JSON.parse(json);
    doc.training.calibration.topLabel.slope = -1;
    expect(() => deserializeModel(doc, 'model.json')).toThrow(ModelFormatError);
    expect(() => deserializeModel(doc, 'model.json')).toThrow(/its "training\.calibration\.topLabel\.slope" is not a number from 0\.05 to 20/);
  });
});
