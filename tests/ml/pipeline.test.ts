import { describe, expect, it } from 'vitest';
import { explainPrediction, topTermsForClass } from '../../ml/explain/explain';
import { TextClassifier } from '../../ml/models/pipeline';
import { generateResumeSample } from '../../ml/sample/generate';
import { deserializeModel, MODEL_FORMAT_VERSION, serializeModel } from '../../ml/serialize/model-json';

const sample = generateResumeSample({ seed: 11, perClass: 25 });
const texts = sample.map((s) => s.text);
const labels = sample.map((s) => s.category);

describe('TextClassifier (fast)', () => {
  const fitted = new TextClassifier({ softmax: { seed: 5 } }).fit(texts, labels);

  it('same seed → byte-identical model JSON', () => {
    const again = new TextClassifier({ softmax: { seed: 5 } }).fit(texts, labels);
    expect(serializeModel(again)).toBe(serializeModel(fitted));
  });
  it('JSON round trip predicts identically (labels and probabilities)', () => {
    const { pipeline } = deserializeModel(serializeModel(fitted));
    expect(pipeline.predict(texts.slice(0, 30))).toEqual(fitted.predict(texts.slice(0, 30)));
    expect(Array.from(pipeline.predictProba(texts.slice(0, 10)))).toEqual(Array.from(fitted.predictProba(texts.slice(0, 10))));
  });
  it('the document carries format, version, training hash and shape, and a wrong version is rejected', () => {
    const doc = JSON.parse(serializeModel(fitted));
    expect(doc).toMatchObject({ format: 'resume-studio.text-classifier', version: MODEL_FORMAT_VERSION, engine: 'fast', classes: [...new Set(labels)].sort() });
    expect(doc.training.dataHash).toMatch(/^[0-9a-f]{14}$/);
    expect(doc.vocabulary.length).toBe(doc.idf.length);
    expect(() => deserializeModel({ ...doc, version: MODEL_FORMAT_VERSION + 1 })).toThrow(/version/);
    expect(() => deserializeModel({ ...doc, format: 'other' })).toThrow(/Not a Resume Studio model/);
    expect(() => deserializeModel({ ...doc, idf: doc.idf.slice(1) })).toThrow(/inconsistent/);
  });
  it('a different training set gives a different data hash', () => {
    const other = new TextClassifier().fit(texts.slice(1), labels.slice(1));
    expect(other.training!.dataHash).not.toBe(fitted.training!.dataHash);
  });
  it('predict before fit throws; one class only and label/text count mismatches are refused', () => {
    expect(() => new TextClassifier().predict(['x'])).toThrow(/not fitted/);
    expect(() => new TextClassifier().fit(['a b', 'c d'], ['x', 'x'])).toThrow(/at least two categories/);
    expect(() => new TextClassifier().fit(['a b', 'c d'], ['x', 'y', 'z'])).toThrow(/labels/);
  });
  it('explains a prediction with terms whose offsets point into the original text', () => {
    const text = texts[0]!;
    const ex = explainPrediction(fitted, text, { top: 8 });
    expect(ex.label).toBe(fitted.predict([text])[0]);
    expect(ex.toward.length).toBeGreaterThan(0);
    for (let i = 1; i < ex.toward.length; i++) expect(ex.toward[i]!.contribution).toBeLessThanOrEqual(ex.toward[i - 1]!.contribution);
    for (const c of ex.toward) {
      expect(c.contribution).toBeCloseTo(c.weight * c.value, 12);
      if (c.term.startsWith('eng:')) continue;
      expect(c.spans.length).toBeGreaterThan(0);
      const last = c.term.replace(/^h:/, '').split(' ').at(-1)!;
      for (const s of c.spans) expect(text.slice(s.start, s.end).toLowerCase()).toContain(last);
    }
  });
  it("lists a class's top terms by weight", () => {
    const top = topTermsForClass(fitted, 'Nurse', 10);
    expect(top).toHaveLength(10);
    expect(top.some((t) => /nurse|patient|icu|care/.test(t.term))).toBe(true);
  });
});

describe('TextClassifier (mljs)', () => {
  it('trains, predicts sensibly and round-trips', () => {
    const p = new TextClassifier({ engine: 'mljs', mljs: { numSteps: 30 } }).fit(texts, labels);
    const predicted = p.predict(texts);
    const correct = predicted.filter((l, i) => l === labels[i]).length / labels.length;
    expect(correct).toBeGreaterThan(0.8);
    const { pipeline } = deserializeModel(serializeModel(p));
    expect(pipeline.predict(texts.slice(0, 20))).toEqual(predicted.slice(0, 20));
  });
});
