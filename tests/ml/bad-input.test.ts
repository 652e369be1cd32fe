import { describe, expect, it } from 'vitest';
import { explainPrediction } from '../../ml/explain/explain';
import { capAnalysedText, MAX_ANALYSED_CHARS, usableText } from '../../ml/features/usable-text';
import { TextClassifier } from '../../ml/models/pipeline';
import { createRng } from '../../ml/random';
import { generateResumeSample } from '../../ml/sample/generate';
import { deserializeModel, MODEL_FORMAT_VERSION, ModelFormatError, serializeModel } from '../../ml/serialize/model-json';

const sample = generateResumeSample({ seed: 21, perClass: 12 });
const texts = sample.map((s) => s.text);
const labels = sample.map((s) => s.category);

/** Seeded random bytes decoded as text the way a careless reader would. */
function randomText(bytes: number, seed: number, encoding: 'latin1' | 'utf8' | 'utf16le'): string {
  const rng = createRng(seed);
  const data = Uint8Array.from({ length: bytes }, () => rng.int(256));
  return new TextDecoder(encoding === 'latin1' ? 'windows-1252' : encoding === 'utf8' ? 'utf-8' : 'utf-16le').decode(data);
}

describe('usableText: enough real words to classify', () => {
  it('refuses random bytes in any decoding with "no usable text"', () => {
    for (const encoding of ['latin1', 'utf8', 'utf16le'] as const) {
      for (const size of [64, 2000, 50_000]) {
        const verdict = usableText(randomText(size, size, encoding));
        expect(verdict.usable, `${encoding} ${size} bytes`).toBe(false);
        expect(verdict.reason).toMatch(/^no usable text: /);
      }
    }
  });
  it('names the reason: blank, too few words, too little of the text in words', () => {
    expect(usableText('  \n\t ').reason).toBe('no usable text: it is empty or blank');
    expect(usableText('Registered nurse ICU').reason).toBe('no usable text: only 3 real words (at least 5 are needed)');
    expect(usableText('%%%% 1234 ####').reason).toBe('no usable text: no real words (at least 5 are needed)');
    const garbage = `Nurse with ICU and ER experience ${randomText(3000, 9, 'latin1')}`;
    expect(usableText(garbage).reason).toMatch(/^no usable text: only \d+% of its characters form words/);
  });
  it('accepts resumes, short real descriptions and non-Latin text', () => {
    for (const text of texts.slice(0, 20)) expect(usableText(text).usable).toBe(true);
    expect(usableText('Java developer with Spring and AWS experience').usable).toBe(true);
    expect(usableText('Résumé — café manager, Zürich; 2010–2015 barista').usable).toBe(true);
    expect(usableText('Инженер-программист с опытом разработки на Java и Python').usable).toBe(true);
  });
});

describe('capAnalysedText: a bounded analysed length', () => {
  const huge = 'nurse patient care ward '.repeat(Math.ceil(20_000_000 / 24));
  it('keeps at most MAX_ANALYSED_CHARS characters, cut at a blank', () => {
    const { text, truncated } = capAnalysedText(huge);
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(text.length).toBeGreaterThan(MAX_ANALYSED_CHARS - 1000);
    expect(huge.startsWith(text)).toBe(true);
    expect(capAnalysedText('short').text).toBe('short');
  });
  it('a 20 MB text is vectorized and explained as its first MAX_ANALYSED_CHARS characters', () => {
    const p = new TextClassifier({ seed: 1, tune: false }).fit(texts, labels);
    const capped = capAnalysedText(huge).text;
    const a = p.transform([huge]);
    const b = p.transform([capped]);
    expect(Array.from(a.focused.values)).toEqual(Array.from(b.focused.values));
    expect(Array.from(a.broad!.values)).toEqual(Array.from(b.broad!.values));
    expect(a.broadShares).toEqual(b.broadShares);
    const ex = explainPrediction(p, huge, { top: 5 });
    expect(ex.truncated).toBe(true);
    for (const c of ex.toward) for (const s of c.spans) expect(s.end).toBeLessThanOrEqual(capped.length);
    expect(explainPrediction(p, texts[0]!).truncated).toBe(false);
  });
});

describe('model files that are not models, or are damaged, get one sentence', () => {
  const json = serializeModel(new TextClassifier({ seed: 3, tune: false }).fit(texts, labels));
  const doc = JSON.parse(json);
  const load = (input: unknown) => () => deserializeModel(input, 'model.json');
  const damaged = (reason: string) => `model.json is not a Resume Studio model or is damaged: ${reason}.`;

  it('truncated, empty or non-JSON text', () => {
    expect(load(json.slice(0, json.length / 2))).toThrow(damaged('its JSON is cut short or malformed'));
    expect(load('')).toThrow(damaged('it is empty'));
    expect(load('[1, 2, 3]')).toThrow(damaged('it has no "format": "resume-studio.text-classifier" field'));
  });
  it('an engine field that does not match the weights', () => {
    expect(load({ ...doc, engine: 'mljs' })).toThrow(damaged('it says engine "mljs" but holds "fast" weights'));
    expect(load({ ...doc, engine: 'turbo' })).toThrow(damaged('its engine "turbo" is not one this version knows ("fast" or "mljs")'));
    const mljsShaped = { engine: 'fast', nClasses: doc.model.nClasses, nFeatures: doc.model.nFeatures, notClassWeights: [[0]] };
    expect(load({ ...doc, model: mljsShaped })).toThrow(damaged('its "fast" weights come from an unknown solver (null)'));
    expect(load({ ...doc, model: { ...doc.model, weights: doc.model.weights.slice(3) } })).toThrow(
      /its "fast" weights hold \d+ numbers, not \d+ classes × \d+ features\.$/,
    );
  });
  it('a model from an older or newer format version', () => {
    expect(load({ ...doc, version: 1 })).toThrow(
      `model.json was saved by an older Resume Studio (model format 1); this version reads formats 2 to ${MODEL_FORMAT_VERSION}: train the model again.`,
    );
    expect(load({ ...doc, version: 99 })).toThrow(/^model\.json was saved by a newer Resume Studio \(model format 99\)/);
  });
  it('never a raw TypeError or parser message: every truncation and every emptied field is a ModelFormatError', () => {
    const rng = createRng(8);
    const failures: string[] = [];
    const check = (input: unknown) => {
      try {
        deserializeModel(input, 'model.json');
      } catch (error) {
        if (!(error instanceof ModelFormatError) || !/^model\.json (is not a Resume Studio model or is damaged|was saved by)/.test(error.message))
          failures.push(`${(error as Error).name}: ${(error as Error).message}`);
      }
    };
    for (let i = 0; i < 200; i++) check(json.slice(0, rng.int(json.length)));
    const paths = [[], ['model'], ['training'], ['params'], ['vectorizer'], ['training', 'calibration']];
    for (const path of paths)
      for (const key of Object.keys(path.reduce((o: Record<string, unknown>, k) => o[k] as Record<string, unknown>, doc)))
        for (const value of [null, 7, 'x', [], {}]) {
          const copy = JSON.parse(json);
          const parent = path.reduce((o: Record<string, unknown>, k) => o[k] as Record<string, unknown>, copy);
          parent[key] = value;
          check(copy);
        }
    expect(failures).toEqual([]);
  });
});
