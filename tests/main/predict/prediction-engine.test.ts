// The prediction engine with its real parse pool and prediction worker, on a model trained from the generated sample.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileModelSource, type ModelSource, type ModelSourceState } from '../../../main/predict/model-source';
import { loadModel, predictDocument } from '../../../main/predict/predict-document';
import { createPredictionEngine, type PredictionEngine } from '../../../main/predict/prediction-engine';
import { NoModelError } from '../../../main/predict/prediction-task';
import { makeTextPdfBytes, writeEncryptedPdf } from '../../fixtures/resume-files';
import { sampleModelClasses, sampleModelJson, sampleResumes } from '../../fixtures/sample-model';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let modelFile: string;
let engine: PredictionEngine | null = null;
const start = (source: ModelSource, extra: Partial<Parameters<typeof createPredictionEngine>[0]> = {}) =>
  (engine = createPredictionEngine({ source, ...extra }));

/** A source whose state a test changes, announcing each change. */
function switchableSource(initial: ModelSourceState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    read: () => state,
    subscribe: (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)),
    set(next: ModelSourceState) {
      state = next;
      for (const listener of listeners) listener();
    },
  };
}

beforeAll(() => {
  temp = makeTempDir();
  modelFile = path.join(temp.dir, 'model.json');
  fs.writeFileSync(modelFile, sampleModelJson());
});
afterEach(async () => {
  await engine?.close();
  engine = null;
});
afterAll(() => temp.cleanup());

describe('prediction engine', () => {
  it('loads a model file and says which threshold it uses and why', async () => {
    const status = await start(fileModelSource(modelFile)).ready();
    expect(status.reason).toBeNull();
    expect(status.model).toMatchObject({
      name: 'model.json',
      engine: 'fast',
      classes: [...sampleModelClasses].sort(),
      documents: JSON.parse(sampleModelJson()).training.docs,
    });
    expect(status.model!.id).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(status.reviewThreshold).toMatchObject({
      value: 0.5,
      suggested: 0.5,
      isCustom: false,
      basis: expect.stringMatching(/no stored validation predictions/),
    });
  });

  it('predicts in the worker exactly what the model gives in-process, marking low confidence for review', async () => {
    const e = start(fileModelSource(modelFile));
    const resumes = sampleResumes(3);
    const answers = await e.predictTexts(resumes.map((r, i) => ({ text: r.text, name: `r${i}.txt` })));
    const local = loadModel({ id: 'local', name: 'local', trainedAt: null, json: sampleModelJson() });
    const right = answers.filter((a, i) => a.ok && a.prediction.label === resumes[i]!.category).length;
    expect(right).toBeGreaterThanOrEqual(7);
    answers.forEach((answer, i) => {
      const expected = predictDocument(local, resumes[i]!.text, `r${i}.txt`, { reviewThreshold: 0.5 });
      if (!answer.ok || !expected.ok) throw new Error('expected predictions');
      expect({ ...answer.prediction, model: null }).toEqual({ ...expected.prediction, model: null });
      expect(answer.prediction.needsReview).toBe(answer.prediction.probability < 0.5);
      expect(answer.prediction.top).toHaveLength(3);
      for (const evidence of answer.prediction.evidence) {
        expect(evidence.contribution).toBeGreaterThan(0);
        for (const span of evidence.spans) expect(span.end).toBeGreaterThan(span.start);
      }
    });
  });

  it('a user threshold overrides the suggested one', async () => {
    let custom: number | null = 0.999;
    const e = start(fileModelSource(modelFile), { reviewThresholdOverride: () => custom });
    await e.ready();
    const [answer] = await e.predictTexts([{ text: sampleResumes(1)[0]!.text, name: null }]);
    expect(answer).toMatchObject({ ok: true, prediction: { needsReview: true, reviewThreshold: 0.999 } });
    custom = null;
    expect(e.thresholdChanged().reviewThreshold).toMatchObject({ value: 0.5, isCustom: false });
  });

  it('parses dropped bytes with the import parsers: a PDF gets a prediction and its text', async () => {
    const resume = sampleResumes(1)[0]!;
    const bytes = await makeTextPdfBytes({ lines: resume.text.split('\n') });
    const answer = await start(fileModelSource(modelFile)).predictBytes(bytes, 'resume.pdf');
    expect(answer).toMatchObject({ ok: true, format: 'pdf', prediction: { name: 'resume.pdf', label: resume.category } });
    if (answer.ok) for (const e of answer.prediction.evidence) for (const s of e.spans) expect(answer.text.slice(s.start, s.end).length).toBeGreaterThan(0);
  });

  it('unreadable files get the import statuses and sentences', async () => {
    const e = start(fileModelSource(modelFile));
    const encrypted = fs.readFileSync(await writeEncryptedPdf(temp.dir));
    expect(await e.predictBytes(encrypted, 'locked.pdf')).toMatchObject({ ok: false, status: 'encrypted', reason: expect.stringMatching(/password/) });
    expect(await e.predictBytes(new Uint8Array(0), 'empty.txt')).toMatchObject({ ok: false, status: 'empty', reason: 'The file is empty (0 bytes).' });
    expect(await e.predictBytes(new TextEncoder().encode('12 34 56 -- 78'), 'digits.txt')).toMatchObject({
      ok: false,
      status: 'no_text',
      reason: expect.stringMatching(/no usable text/i),
    });
  });

  it('swaps the model when its source says it changed', async () => {
    const json = sampleModelJson();
    const source = switchableSource({ entry: { id: 'a', name: 'Model A', trainedAt: null, json }, validation: [] });
    const changes: string[] = [];
    const e = start(source, { onStatusChanged: (s) => changes.push(s.model?.id ?? `none: ${s.reason}`) });
    const text = sampleResumes(1)[0]!.text;
    expect((await e.predictTexts([{ text, name: null }]))[0]).toMatchObject({ prediction: { model: { id: 'a', name: 'Model A' } } });
    source.set({ entry: { id: 'b', name: 'Model B', trainedAt: '2025-01-01T00:00:00.000Z', json }, validation: [] });
    await e.ready();
    expect((await e.predictTexts([{ text, name: null }]))[0]).toMatchObject({ prediction: { model: { id: 'b', name: 'Model B' } } });
    source.set({ entry: null, reason: 'No model has been trained yet.' });
    await e.ready();
    await expect(e.predictTexts([{ text, name: null }])).rejects.toBeInstanceOf(NoModelError);
    // The first load is the starting state, not a change.
    expect(changes).toEqual(['b', 'none: No model has been trained yet.']);
  });

  it('chooses the default threshold from the validation predictions of the model', async () => {
    const validation = Array.from({ length: 100 }, (_, i) => ({ confidence: i / 100, isCorrect: i >= 30 }));
    const source = switchableSource({ entry: { id: 'v', name: 'Validated', trainedAt: null, json: sampleModelJson() }, validation });
    const status = await start(source).ready();
    // From 0.99 down to 0.30 every prediction is right (70/70); adding 0.29 … keeps ≥ 95 % until 70/74.
    expect(status.reviewThreshold!.suggested).toBe(0.27);
    expect(status.reviewThreshold!.basis).toMatch(/100 validation predictions/);
  });

  it('a damaged model is refused with a sentence naming it, and nothing is predicted with it', async () => {
    const source = switchableSource({ entry: { id: 'x', name: 'Broken', trainedAt: null, json: '{"format":"something else"}' }, validation: [] });
    const status = await start(source).ready();
    expect(status.model).toBeNull();
    expect(status.reason).toMatch(/^The model "Broken" is not a Resume Studio model or is damaged: /);
    await expect(engine!.predictTexts([{ text: 'Registered nurse', name: null }])).rejects.toThrow(/The model "Broken" is not a Resume Studio model/);
  });

  it('a missing model file is a sentence naming the file', () => {
    expect(() => fileModelSource(path.join(temp.dir, 'nope.json'))).toThrow(/nope\.json: cannot read the model: it does not exist\./);
  });
});
