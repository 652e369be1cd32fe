import { describe, expect, it } from 'vitest';
import { explainPrediction } from '../../ml/explain/explain';
import { CsrBuilder } from '../../ml/features/csr';
import { broadShare, CentroidSums, gateTokensOf, mixScores } from '../../ml/models/broad-view';
import { calibratedProbabilities } from '../../ml/models/calibration';
import { linearScores } from '../../ml/models/linear-svm';
import { TextClassifier } from '../../ml/models/pipeline';
import { generateResumeSample } from '../../ml/sample/generate';
import { deserializeModel, serializeModel } from '../../ml/serialize/model-json';

describe('the broad view, piece by piece', () => {
  it('gives short texts the say and long ones to the focused model: 1 / (1 + (tokens / gateTokens)^power)', () => {
    expect(gateTokensOf([400, 100, 600, 552, 30], 0.2)).toBe(80);
    expect(gateTokensOf([10, 20], 0.2)).toBe(3);
    expect(gateTokensOf([1], 0.2)).toBe(1);
    const gate = { gateTokens: 100, gatePower: 2 };
    expect(broadShare(0, gate)).toBe(1);
    expect(broadShare(100, gate)).toBe(0.5);
    expect(broadShare(200, gate)).toBeCloseTo(1 / 5, 12);
    expect(broadShare(40, gate)).toBeCloseTo(1 / 1.16, 12);
    expect(broadShare(500, { gateTokens: 100, gatePower: 1 })).toBeCloseTo(1 / 6, 12);
  });

  it('sums rows per class, scales each class to unit length, then takes the power and the scale', () => {
    // Rows (features 0..2): class 0 gets [3, 0, 4] and [0, 0, 0]; class 1 gets [0, 2, 0].
    const b = new CsrBuilder(3);
    b.addRow([0, 2], [3, 4]);
    b.addRow([], []);
    b.addRow([1], [2]);
    const sums = new CentroidSums(3, 2).add(b.build(), [0, 0, 1]);
    // Feature-major: weights[j * 2 + k]. Class 0 = [0.6, 0, 0.8], class 1 = [0, 1, 0].
    expect(Array.from(sums.centroids(1))).toEqual([0.6, 0, 0, 1, 0.8, 0]);
    const rooted = Array.from(sums.centroids(0.5, 2));
    expect(rooted.map((w) => Number(w.toFixed(6)))).toEqual([Number((2 * Math.sqrt(0.6)).toFixed(6)), 0, 0, 2, Number((2 * Math.sqrt(0.8)).toFixed(6)), 0]);
  });

  it("mixes two score matrices row by row by each row's share", () => {
    const focused = Float64Array.from([1, 0, 0, 2]);
    const broad = Float64Array.from([0, 1, 4, 0]);
    expect(Array.from(mixScores(focused, broad, [0.25, 1], 2))).toEqual([0.75, 0.25, 4, 0]);
  });
});

describe('a fast pipeline with its broad view', () => {
  const sample = generateResumeSample({ seed: 5, perClass: 30 });
  const texts = sample.map((s) => s.text);
  const labels = sample.map((s) => s.category);
  // A focused vocabulary of 60 terms, far fewer than the generator's signature terms: the broad view must carry the rest.
  const narrow = { tune: { grid: { features: [60], headlineWeight: [0.5], C: [0.5] } } };
  const withBroad = new TextClassifier({ seed: 4, ...narrow }).fit(texts, labels);
  const focusedOnly = new TextClassifier({ seed: 4, ...narrow, broad: false }).fit(texts, labels);

  it('keeps body terms the focused vocabulary dropped, and no title terms', () => {
    const broadTerms = withBroad.broad!.vectorizer.vocabulary;
    expect(withBroad.vectorizer.vocabulary.length).toBe(60);
    expect(broadTerms.length).toBeGreaterThan(500);
    expect(broadTerms.filter((t) => t.startsWith('h:'))).toEqual([]);
    expect(focusedOnly.broad).toBeNull();
  });

  it('classifies a short text by terms only the broad view knows, and explains it with them', () => {
    const focused = new Set(withBroad.vectorizer.vocabulary);
    const broad = new Set(withBroad.broad!.vectorizer.vocabulary);
    const unknownToFocused = ['telemetry', 'wound', 'discharge', 'charting', 'infection'].filter((t) => broad.has(t) && !focused.has(t));
    expect(unknownToFocused.length).toBeGreaterThanOrEqual(2);
    const text = `Worked on ${unknownToFocused.join(', ')} and more, on night shifts.`;
    expect(withBroad.predict([text])).toEqual(['Nurse']);
    const explanation = explainPrediction(withBroad, text, { top: 5 });
    expect(explanation.label).toBe('Nurse');
    expect(explanation.toward.map((c) => c.term)).toEqual(expect.arrayContaining(unknownToFocused.slice(0, 2)));
    // Without the broad view none of those words is a feature: the explanation cannot name them.
    expect(
      explainPrediction(focusedOnly, text)
        .toward.map((c) => c.term)
        .filter((t) => unknownToFocused.includes(t)),
    ).toEqual([]);
  });

  it('scores a whole resume almost as the focused model alone, a short one mostly by the broad view', () => {
    const input = withBroad.transform([texts[0]!, 'Registered nurse, ICU, triage.']);
    expect(input.broadShares![0]).toBeLessThan(0.2);
    expect(input.broadShares![1]).toBeGreaterThan(0.95);
    const K = withBroad.classes.length;
    const focused = withBroad.model.decisionFunction(input.focused);
    const broad = linearScores(input.broad!, withBroad.broad!.weights, new Float64Array(K));
    const mixed = withBroad.scores(input);
    for (let r = 0; r < 2; r++) {
      const g = input.broadShares![r]!;
      for (let k = r * K; k < (r + 1) * K; k++) expect(mixed[k]).toBeCloseTo((1 - g) * focused[k]! + g * broad[k]!, 12);
    }
    expect(Array.from(withBroad.probabilities(input))).toEqual(Array.from(calibratedProbabilities(mixed, K, withBroad.training!.calibration)));
  });

  it('round-trips through JSON, and still reads a format 2 file (no broad view) as the focused model alone', () => {
    const json = serializeModel(withBroad);
    const back = deserializeModel(json).pipeline;
    const probe = [texts[1]!, 'Prepared tax returns and journal entries.'];
    expect(Array.from(back.predictProba(probe))).toEqual(Array.from(withBroad.predictProba(probe)));
    const doc = JSON.parse(json);
    const { broad: _broad, ...withoutBroad } = doc;
    const old = deserializeModel({ ...withoutBroad, version: 2 }).pipeline;
    expect(old.broad).toBeNull();
    const input = old.transform(probe);
    expect(input.broad).toBeNull();
    expect(Array.from(old.scores(input))).toEqual(Array.from(withBroad.model.decisionFunction(withBroad.transform(probe).focused)));
  });

  it('refuses a damaged broad view with a sentence', () => {
    const doc = JSON.parse(serializeModel(withBroad));
    const damaged = (broad: unknown) => () => deserializeModel({ ...doc, broad }, 'model.json');
    expect(damaged({ ...doc.broad, nonZero: doc.broad.nonZero.slice(1) })).toThrow(
      /^model\.json is not a Resume Studio model or is damaged: its broad view weights are missing\.$/,
    );
    expect(damaged({ ...doc.broad, nonZero: [...doc.broad.nonZero.slice(0, -1), 1e9] })).toThrow(/its broad view weights do not fit \d+ terms × 8 classes\.$/);
    // Out-of-range numbers are the model schema's (model-schema.ts); how the parts fit is broad-json.ts's.
    expect(damaged({ ...doc.broad, gateTokens: -1 })).toThrow(/its "broad\.gateTokens" is not a number from 0 to 1000000000\.$/);
    expect(damaged({ ...doc.broad, gateTokens: 0 })).toThrow(/its broad view has settings that are not positive numbers\.$/);
    expect(damaged({ ...doc.broad, idf: [1] })).toThrow(/its broad view has 1 idf values for \d+ terms\.$/);
  });
});
