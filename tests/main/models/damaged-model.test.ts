// Issue 22 items 1–2 at the surfaces: a damaged model (infinite idf, huge weights, a vocabulary and
// idf cut short together, garbage sections, a file too large) is refused by models.import, by
// `serve`/`predict --model` (the prediction engine: no model, /v1/health not ok) and by the CLI's
// model reader, each with the one sentence naming the file; a probability that is not a finite
// number never becomes an answer. Real SQLite file, real prediction worker; generated models.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { readModelFile } from '../../../main/datasets/model-file';
import { fileModelSource } from '../../../main/predict/model-source';
import { NON_FINITE_OUTPUT, predictText } from '../../../main/predict/predict';
import { createPredictionEngine } from '../../../main/predict/prediction-engine';
import { assemblePipeline } from '../../../ml/models/pipeline';
import { LinearSvmClassifier } from '../../../ml/models/svm-classifier';
import { deserializeModel, MAX_MODEL_JSON_BYTES } from '../../../ml/serialize/model-json';
import { makeTempDir } from '../../helpers/temp-dir';
import { tinyModelJson } from '../../helpers/tiny-model';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let temp: ReturnType<typeof makeTempDir>;
let core: Core;
const resume = 'Registered nurse with ten years of ICU and emergency ward experience, patient care and triage.';

/** Damaged copies of a real model, by what the fault probe changed. */
function damagedModels(): Record<string, string> {
  const good = tinyModelJson();
  const doc = (): Doc => JSON.parse(good);
  const huge = doc();
  huge.model.weights = huge.model.weights.map(() => 1e308);
  const short = doc();
  short.vocabulary = short.vocabulary.slice(0, 18);
  short.idf = short.idf.slice(0, 18);
  const metrics = doc();
  metrics.metrics = { macro: 'none' };
  const training = doc();
  training.training.docs = { n: 1 };
  const nullWeight = doc();
  nullWeight.model.weights[0] = null;
  return {
    'infinite-idf.json': good.replace(/"idf":\[[^,\]]+/, '"idf":[1e999'),
    'huge-weights.json': JSON.stringify(huge),
    'short-vocabulary.json': JSON.stringify(short),
    'garbage-metrics.json': JSON.stringify(metrics),
    'garbage-training.json': JSON.stringify(training),
    'null-weight.json': JSON.stringify(nullWeight),
    'string-version.json': JSON.stringify({ ...doc(), version: '2' }),
  };
}
const oneSentence = (name: string) => new RegExp(`^${name.replace('.', '\\.')} is not a Resume Studio model or is damaged: its (?:(?!\\. [A-Z]).)+\\.$`);

beforeAll(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: path.join(temp.dir, 'studio'), transport: 'cli', sampleDir: null });
});
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('a damaged model is refused with one sentence wherever it is loaded', () => {
  it('models.import stores nothing', async () => {
    for (const [name, json] of Object.entries(damagedModels())) {
      await expect(core.call('models.import', { fileName: name, json }), name).rejects.toThrow(oneSentence(name));
    }
    expect(await core.call('models.list', {})).toEqual([]);
  });

  it('serve / predict --model: no model is loaded, health is not ok, the reason is the sentence', async () => {
    for (const [name, json] of Object.entries(damagedModels()).slice(0, 3)) {
      const file = path.join(temp.dir, name);
      fs.writeFileSync(file, json);
      const engine = createPredictionEngine({ source: fileModelSource(file) });
      try {
        const status = await engine.ready();
        expect(status.model, name).toBeNull();
        expect(status.reason).toMatch(/is not a Resume Studio model or is damaged: its /);
        await expect(engine.predictTexts([{ text: resume, name: null }])).rejects.toThrow(/is damaged/);
      } finally {
        await engine.close();
      }
      expect(() => readModelFile(file)).toThrow(`${file} is not a Resume Studio model or is damaged: its `);
    }
  });

  it('a model file over the size limit says it is too large, before reading it', () => {
    const file = path.join(temp.dir, 'large.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_MODEL_JSON_BYTES + 28 * 1024 * 1024);
    const tooLarge =
      /large\.json is too large to load \(92 MB; this version loads models up to 64 MB\), so it was not loaded: train it again with fewer features\.$/;
    expect(() => fileModelSource(file)).toThrow(tooLarge);
    expect(() => readModelFile(file)).toThrow(tooLarge);
  });

  it('models.import of a text over the size limit says it is too large', async () => {
    const json = `${tinyModelJson().slice(0, -1)},"padding":"${' '.repeat(MAX_MODEL_JSON_BYTES)}"}`;
    await expect(core.call('models.import', { fileName: 'big.json', json })).rejects.toThrow(/^big\.json is too large to load \(64\.\d MB;/);
  });

  it('a probability that is not finite is refused, never answered as the first category', () => {
    // Past the load checks on purpose: a pipeline built in memory with overflowing weights.
    const { pipeline } = deserializeModel(tinyModelJson());
    const json = pipeline.model.toJSON() as Doc;
    const overflowing = LinearSvmClassifier.fromJSON({ ...json, weights: json.weights.map(() => 1e308) });
    const broken = assemblePipeline(pipeline.params, pipeline.vectorizer, overflowing, pipeline.broad, pipeline.classes, pipeline.training!);
    expect(() => predictText(broken, resume)).toThrow(NON_FINITE_OUTPUT);
    expect(predictText(pipeline, resume).probability).toBeGreaterThan(0);
  });
});
