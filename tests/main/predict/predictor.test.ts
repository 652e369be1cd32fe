// The predictor's threads: a batch is shared out over them and answered in order, exactly as one
// thread (and the in-process code) answers it; serve's default thread count.
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { loadModel, predictDocument, type ModelSourceEntry } from '../../../main/predict/predict-document';
import { createPredictor, defaultServeThreads, maxDefaultServeThreads, minTextsPerThread, splitBatch, type Predictor } from '../../../main/predict/predictor';
import { sampleModelJson, sampleResumes } from '../../fixtures/sample-model';
import { testHookNames, testWorkerEntry } from '../../workers/misbehaviour';

const entry: ModelSourceEntry = { id: 'm', name: 'Sample', trainedAt: null, json: sampleModelJson() };
let predictor: Predictor | null = null;
afterEach(async () => {
  await predictor?.close();
  predictor = null;
});

describe('splitBatch', () => {
  it('cuts a batch into contiguous, near-equal parts, one per thread, none under the minimum', () => {
    expect(splitBatch(100, 2)).toEqual([
      [0, 50],
      [50, 100],
    ]);
    expect(splitBatch(10, 3)).toEqual([[0, 10]]);
    expect(splitBatch(2 * minTextsPerThread, 4)).toEqual([
      [0, minTextsPerThread],
      [minTextsPerThread, 2 * minTextsPerThread],
    ]);
    expect(splitBatch(1, 4)).toEqual([[0, 1]]);
    expect(splitBatch(1000, 1)).toEqual([[0, 1000]]);
    for (const [count, threads] of [
      [1000, 4],
      [37, 3],
      [999, 4],
    ] as const) {
      const parts = splitBatch(count, threads);
      expect(parts).toHaveLength(Math.min(threads, Math.floor(count / minTextsPerThread)));
      expect(parts[0]![0]).toBe(0);
      expect(parts.at(-1)![1]).toBe(count);
      parts.forEach(([start, end], i) => {
        if (i > 0) expect(start).toBe(parts[i - 1]![1]);
        expect(end - start).toBeGreaterThanOrEqual(minTextsPerThread);
      });
    }
  });
});

describe('serve default threads', () => {
  it('one per core, at most the cap', () => {
    expect(defaultServeThreads()).toBe(Math.min(maxDefaultServeThreads, os.availableParallelism()));
  });
});

describe('a batch over two threads', () => {
  it('uses both threads and answers each text in order, exactly as the in-process code does', async () => {
    const local = loadModel(entry);
    const resumes = sampleResumes(6, 41).map((r) => r.text);
    // Usable and refused texts mixed, so a part boundary falls between both kinds.
    const texts = resumes.flatMap((text, i) => (i % 4 === 0 ? [text, 'ICU nurse', '#### 2019 ####'] : [text]));
    const items = texts.map((text, i) => ({ text, name: `r${i}.txt` }));
    expect(splitBatch(items.length, 2)).toHaveLength(2);
    const options = { reviewThreshold: 0.6 };
    predictor = createPredictor({ threads: 2 });
    await predictor.setModel(entry);
    expect(predictor.threadsRunning()).toBe(1);
    const outcomes = await predictor.predict(items, options);
    expect(predictor.threadsRunning()).toBe(2);
    expect(outcomes).toEqual(items.map((item) => predictDocument(local, item.text, item.name, options)));
    expect(outcomes.filter((o) => !o.ok)).toHaveLength(2 * Math.ceil(resumes.length / 4));
    // Blind mode too: each thread masks its own part.
    const blind = { reviewThreshold: 0.6, blind: true };
    expect(await predictor.predict(items, blind)).toEqual(items.map((item) => predictDocument(local, item.text, item.name, blind)));
  });
});

describe('predictor recovery (a worker that misbehaves on cue: tests/workers/misbehaving-prediction-worker.ts)', () => {
  const workerEntry = testWorkerEntry('misbehaving-prediction-worker.ts');
  const options = { reviewThreshold: 0.5 };
  const [resume] = sampleResumes(1);
  const settleError = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: Error) => error,
    );

  it.each([
    ['exit' as const, /^Prediction stopped unexpectedly \(exit code 7\) and was restarted; try again/],
    ['throwUncaught' as const, /^Prediction failed unexpectedly \(test hook: uncaught error\) and was restarted; try again/],
  ])('a thread that dies (%s) is a sentence; the next request gets a new thread that has reloaded the model', async (hook, sentence) => {
    predictor = createPredictor({ workerEntry });
    await predictor.setModel(entry);
    const error = await settleError(predictor.predict([{ text: testHookNames[hook], name: null }], options));
    expect(error).toMatchObject({ name: 'WorkerTaskError', message: expect.stringMatching(sentence) });
    const [outcome] = await predictor.predict([{ text: resume!.text, name: null }], options);
    expect(outcome).toMatchObject({ ok: true, prediction: { label: resume!.category } });
  });

  it('a thread out of memory, and one over its deadline, are sentences too', async () => {
    // Filling 64 MB takes a while on a loaded machine: a deadline it cannot reach first.
    predictor = createPredictor({ workerEntry, maxOldGenerationSizeMb: 64, requestTimeoutMs: 600_000 });
    await predictor.setModel(entry);
    expect(await settleError(predictor.predict([{ text: testHookNames.outOfMemory, name: null }], options))).toMatchObject({
      message: expect.stringMatching(/^Prediction ran out of memory \(limit 64 MB\) and was restarted; try again/),
    });
    await predictor.close();
    predictor = createPredictor({ workerEntry, requestTimeoutMs: 500 });
    await predictor.setModel(entry);
    expect(await settleError(predictor.predict([{ text: testHookNames.hang, name: null }], options))).toMatchObject({
      message: expect.stringMatching(/^Prediction took longer than 0\.5 seconds and was stopped; try again/),
    });
    const [outcome] = await predictor.predict([{ text: resume!.text, name: null }], options);
    expect(outcome).toMatchObject({ ok: true, prediction: { label: resume!.category } });
  });
});
