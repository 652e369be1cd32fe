// Issue 22 items 1–2: damaged model documents that used to load (huge or infinite numbers, sections
// whose dimensions disagree, garbage sections, a null weight, a version written as a string, a file
// too large to load) are refused on load with one sentence naming the file. Generated models only.
import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../ml/models/pipeline';
import { generateResumeSample } from '../../ml/sample/generate';
import { deserializeModel, MAX_MODEL_JSON_BYTES, ModelFormatError, serializeModel } from '../../ml/serialize/model-json';
import { warmUpModelSchema } from '../../ml/serialize/model-schema';

const sample = generateResumeSample({ seed: 5, perClass: 10 });
const fit = (engine: 'fast' | 'mljs') =>
  serializeModel(
    new TextClassifier({ engine, seed: 2, tune: false, ...(engine === 'mljs' ? { mljs: { numSteps: 5 } } : {}) }).fit(
      sample.map((s) => s.text),
      sample.map((s) => s.category),
    ),
  );
const fastJson = fit('fast');
const mljsJson = fit('mljs');
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const copy = (json = fastJson): Doc => JSON.parse(json);
const damaged = (reason: string) => `model.json is not a Resume Studio model or is damaged: ${reason}.`;

/** The error a load throws: always a ModelFormatError with one sentence naming the file. */
function refusal(input: unknown): string {
  try {
    deserializeModel(input, 'model.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFormatError);
    const message = (error as Error).message;
    expect(message).toMatch(/^model\.json /);
    expect(message.trim().split(/\.\s+[A-Z]/).length, message).toBe(1);
    return message;
  }
  throw new Error('the damaged model loaded');
}

describe('item 1: huge or infinite numbers are refused on load', () => {
  it('an idf of 1e999 (Infinity once parsed)', () => {
    const text = fastJson.replace(/"idf":\[([^,\]]+)/, '"idf":[1e999');
    expect(JSON.parse(text).idf[0]).toBe(Infinity);
    expect(refusal(text)).toBe(damaged('its "idf[0]" is Infinity, not a number from 0 to 1000'));
  });
  it('a weight or a bias of 1e308, in either engine', () => {
    const fast = copy();
    fast.model.weights[7] = 1e308;
    expect(refusal(fast)).toMatch(/its "model\.weights\[7\]" is 1e\+308, not a number from -1000000 to 1000000\.$/);
    const bias = copy();
    bias.model.bias[0] = -1e308;
    expect(refusal(bias)).toMatch(/its "model\.bias\[0\]" is -1e\+308/);
    const mljs = copy(mljsJson);
    mljs.model.notClassWeights[1][3] = 1e308;
    expect(refusal(mljs)).toMatch(/its "model\.notClassWeights\[1\]\[3\]" is 1e\+308/);
  });
  it("a weight or an idf of 1e308 in the fast engine's broad view", () => {
    const weight = copy();
    expect(weight.broad, 'the fast engine writes a broad view').toBeTruthy();
    weight.broad.values[0] = 1e308;
    expect(refusal(weight)).toMatch(/its "broad\.values\[0\]" is 1e\+308, not a number from -1000000 to 1000000\.$/);
    const idf = copy();
    idf.broad.idf[1] = 1e308;
    expect(refusal(idf)).toMatch(/its "broad\.idf\[1\]" is 1e\+308/);
  });
  it('a title (headline) weight, an engineered weight or a calibration temperature out of range', () => {
    const headline = copy();
    headline.vectorizer.headlineWeight = 1e308;
    expect(refusal(headline)).toBe(damaged('its "vectorizer.headlineWeight" is not a number from 0 to 1000'));
    const requested = copy();
    requested.params.vectorizer.headlineWeight = 1e308;
    expect(refusal(requested)).toMatch(/its "params\.vectorizer\.headlineWeight" is not a number/);
    const engineered = copy();
    engineered.params.engineered = { weight: 1e300 };
    expect(refusal(engineered)).toMatch(/its "params\.engineered\.weight" is not a number/);
    const cold = copy();
    cold.training.calibration = { method: 'temperature', temperature: 1e-300, source: 'x', rows: 3, logLossBefore: 1, logLossAfter: 1 };
    expect(refusal(cold)).toMatch(/its "training\.calibration\.temperature" is not a number from 0\.0001 to 10000\.$/);
  });
  it('a null weight is not read as 0', () => {
    const doc = copy();
    doc.model.weights[2] = null;
    expect(refusal(doc)).toMatch(/its "model\.weights\[2\]" is null, not a number/);
    const idf = copy();
    idf.idf[4] = null;
    expect(refusal(idf)).toMatch(/its "idf\[4\]" is null/);
  });
});

describe('item 2: the whole shape is checked on load', () => {
  it('a vocabulary and idf shortened together (the weights keep their width)', () => {
    const doc = copy();
    doc.vocabulary = doc.vocabulary.slice(0, 18);
    doc.idf = doc.idf.slice(0, 18);
    expect(refusal(doc)).toMatch(/its weights are for \d+ features but its vocabulary and engineered features make 2\d\.$/);
  });
  it('garbage metrics or training sections', () => {
    const metrics = copy();
    metrics.metrics = { accuracy: 'high' };
    expect(refusal(metrics)).toMatch(/^model\.json is not a Resume Studio model or is damaged: its "metrics\./);
    const training = copy();
    training.training = { ...training.training, docs: { many: true } };
    expect(refusal(training)).toBe(damaged('its "training.docs" is not a whole number'));
    const hash = copy();
    hash.training.dataHash = 42;
    expect(refusal(hash)).toMatch(/its "training\.dataHash" is not valid/);
  });
  it('a version written as a string is damage, not "a newer format 2"', () => {
    expect(refusal({ ...copy(), version: '2' })).toBe(damaged('its "version" "2" is not a whole number'));
  });
  it('a text larger than a prediction thread can load says the file is too large', () => {
    const padded = `${fastJson.slice(0, -1)},"padding":"${'x'.repeat(MAX_MODEL_JSON_BYTES)}"}`;
    expect(refusal(padded)).toMatch(/^model\.json is too large to load \(64\.\d MB; this version loads models up to 64 MB\), so it was not loaded: /);
  });
  it('the warm-up documents a prediction thread checks before it is ready pass the schema', () => {
    expect(warmUpModelSchema()).toBe(true);
  });
  it('every model a fit writes still loads, and predicts finite probabilities', () => {
    for (const json of [fastJson, mljsJson]) {
      const { pipeline } = deserializeModel(json, 'model.json');
      const proba = pipeline.predictProba(sample.slice(0, 5).map((s) => s.text));
      expect(Array.from(proba).every(Number.isFinite)).toBe(true);
    }
  });
  it('a damaged copy never loads with a raw error, whatever number is changed', () => {
    const failures: string[] = [];
    for (const value of [Infinity, -Infinity, 1e308, null, '3', true, [], {}]) {
      for (const path of [
        ['idf', 3],
        ['model', 'weights', 11],
        ['model', 'bias', 1],
        ['vectorizer', 'headlineWeight'],
        ['vectorizer', 'maxDf'],
        ['training', 'features'],
        ['training', 'docs'],
        ['broad', 'values', 2],
        ['broad', 'idf', 4],
        ['broad', 'scale'],
      ]) {
        const doc = copy();
        const parent = path.slice(0, -1).reduce((o: Doc, k) => o[k as string], doc);
        parent[path.at(-1) as string] = value;
        try {
          deserializeModel(JSON.parse(JSON.stringify(doc)), 'model.json');
          failures.push(`${path.join('.')} = ${JSON.stringify(value)} loaded`);
        } catch (error) {
          if (!(error instanceof ModelFormatError)) failures.push(`${path.join('.')}: ${(error as Error).name}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
