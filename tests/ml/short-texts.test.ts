/**
 * Short, title-less texts (tests/fixtures/short-texts.ts: one or two plain lines per category, written
 * for this test) reach the category each names, predicted by the default fast engine trained on a
 * generated corpus of whole resumes: what a pasted summary or an API caller's text gets.
 */
import { describe, expect, it } from 'vitest';
import { explainPrediction } from '../../ml/explain/explain';
import { TextClassifier } from '../../ml/models/pipeline';
import { generateResumeSample } from '../../ml/sample/generate';
import { SHORT_TEXTS } from '../fixtures/short-texts';

describe('short texts on a model trained on whole generated resumes', () => {
  const sample = generateResumeSample({ seed: 3, perClass: 40 });
  const model = new TextClassifier({ seed: 3 }).fit(
    sample.map((s) => s.text),
    sample.map((s) => s.category),
  );

  it('covers every category of the corpus with at least one line', () => {
    expect(new Set(SHORT_TEXTS.map((s) => s.category))).toEqual(new Set(model.classes));
  });

  it('predicts the category each line names', () => {
    const predicted = model.predict(SHORT_TEXTS.map((s) => s.text));
    const wrong = SHORT_TEXTS.flatMap((s, i) => (predicted[i] === s.category ? [] : [`"${s.text}" → ${predicted[i]} (not ${s.category})`]));
    expect(wrong).toEqual([]);
  });

  it('explains each by words of the line itself, and is less sure of it than of a whole resume', () => {
    const whole = model.predictProba([sample[0]!.text]);
    const wholeTop = Math.max(...whole);
    let lessSure = 0;
    for (const { text } of SHORT_TEXTS) {
      const explanation = explainPrediction(model, text, { top: 3 });
      expect(explanation.toward.length).toBeGreaterThan(0);
      for (const c of explanation.toward) for (const span of c.spans) expect(span.end).toBeLessThanOrEqual(text.length);
      if (explanation.probability < wholeTop) lessSure++;
    }
    expect(lessSure).toBeGreaterThan(SHORT_TEXTS.length / 2);
  });
});
