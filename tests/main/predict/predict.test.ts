// Prediction of a text over a model trained on generated resumes.
import { describe, expect, it } from 'vitest';
import { deserializeModel } from '../../../ml/index';
import { predictText } from '../../../main/predict/predict';
import { loadModel, predictDocument } from '../../../main/predict/predict-document';
import { runTraining } from '../../../main/training/run-training';
import { createRng, generateResumeSample, MAX_ANALYSED_CHARS } from '../../../ml/index';

const rows = generateResumeSample({ seed: 11, perClass: 20, classes: ['Nurse', 'Accountant', 'Software Engineer'] });
const { modelJson } = runTraining(
  { texts: rows.map((r) => r.text), labels: rows.map((r) => r.category) },
  { engine: 'fast', seed: 1, testFraction: 0.2, folds: 0 },
);
const model = deserializeModel(modelJson).pipeline;
const nurse = generateResumeSample({ seed: 77, perClass: 1, classes: ['Nurse'] })[0]!.text;

describe('predictText', () => {
  it('gives the label, sorted alternatives and evidence whose spans point at the term in the text', () => {
    const prediction = predictText(model, nurse, { top: 2, terms: 3 });
    expect(prediction.label).toBe('Nurse');
    expect(prediction.top).toHaveLength(2);
    expect(prediction.top[0]).toEqual({ label: 'Nurse', probability: prediction.probability });
    expect(prediction.top[0]!.probability).toBeGreaterThanOrEqual(prediction.top[1]!.probability);
    expect(prediction.evidence.length).toBeGreaterThan(0);
    expect(prediction.evidence.length).toBeLessThanOrEqual(3);
    for (const e of prediction.evidence) {
      expect(e.contribution).toBeGreaterThan(0);
      for (const span of e.spans) expect(span.end).toBeGreaterThan(span.start);
    }
  });
});

describe('predictText refuses what it cannot read', () => {
  it('text without enough real words is AppError bad_input "no usable text", not a label', () => {
    const rng = createRng(3);
    const bytes = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 3000 }, () => 32 + rng.int(224)));
    for (const text of [bytes, '', 'ICU nurse', '#### 2019-2021 ####'])
      expect(() => predictText(model, text)).toThrow(
        expect.objectContaining({ name: 'AppError', code: 'bad_input', message: expect.stringMatching(/^no usable text: /) }),
      );
  });
  it('a text past the analysed cap is predicted from its beginning and says so', () => {
    const long = `${nurse}\n`.repeat(Math.ceil((MAX_ANALYSED_CHARS * 3) / nurse.length));
    const prediction = predictText(model, long);
    expect(prediction.truncated).toBe(true);
    expect(prediction.label).toBe('Nurse');
    expect(predictText(model, nurse).truncated).toBe(false);
  });
});

describe('predictDocument checks a text once and answers as predictText does', () => {
  it('the same label, probabilities, evidence and spans; refused texts with the same sentence', () => {
    const model = loadModel({ id: 'm', name: 'm', trainedAt: null, json: modelJson });
    const texts = generateResumeSample({ seed: 78, perClass: 3, classes: ['Nurse', 'Accountant', 'Software Engineer'] }).map((r) => r.text);
    for (const text of texts) {
      const outcome = predictDocument(model, text, 'r.txt', { reviewThreshold: 0.5 });
      if (!outcome.ok) throw new Error('expected a prediction');
      const { label, probability, top, evidence, truncated } = outcome.prediction;
      expect({ label, probability, top, evidence, truncated }).toEqual(predictText(model.pipeline, text, { top: 3, terms: 8 }));
    }
    for (const text of ['', 'ICU nurse', '#### 2019-2021 ####']) {
      let sentence = '';
      try {
        predictText(model.pipeline, text);
      } catch (error) {
        sentence = (error as Error).message;
      }
      expect(sentence).toMatch(/^no usable text: /);
      expect(predictDocument(model, text, null, { reviewThreshold: 0.5 })).toEqual({ ok: false, status: 'no_text', reason: `N${sentence.slice(1)}` });
    }
  });
});
