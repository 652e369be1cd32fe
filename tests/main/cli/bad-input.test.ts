// Bad input gets a sentence, not a confident answer: legacy encodings read right, text without real
// words refused by predict / eval / train, an oversized resume analysed only up to the cap, and a
// damaged model file named in one sentence. Every fixture is generated here.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalCommand } from '../../../main/cli/commands/eval';
import { predictCommand } from '../../../main/cli/commands/predict';
import { trainCommand } from '../../../main/cli/commands/train';
import type { Command } from '../../../main/cli/command';
import { loadLabelledDataset, readTextFile } from '../../../main/datasets/index';
import { createRng, generateResumeSample, MAX_ANALYSED_CHARS, TextVectorizer } from '../../../ml/index';
import { makeTempDir } from '../../helpers/temp-dir';

const run = async (command: Command, argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
};

const CAFE = 'Résumé… café manager: espresso bar, baristas, café opening and closing, latte art, pâtisserie orders';
/** Printable garbage without real words: mixed-case consonant runs and symbols, as a mis-decoded binary looks. */
function garbage(chars: number, seed: number): string {
  const rng = createRng(seed);
  const alphabet = 'bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ0123456789#%&*+=<>~^|{}[]';
  return Array.from({ length: chars }, (_, i) => (i % 7 === 6 ? ' ' : alphabet[rng.int(alphabet.length)])).join('');
}

let temp: ReturnType<typeof makeTempDir>;
let model: string;
let csv: string;
const sample = generateResumeSample({ seed: 31, perClass: 15, classes: ['Nurse', 'Accountant', 'Software Engineer'] });

beforeAll(async () => {
  temp = makeTempDir();
  // A cp1252 CSV (written as Windows Excel saves it): two garbage rows among real resumes, and a
  // Barista class whose telling word is "café".
  const rows = [
    ...sample.map((s) => [s.text, s.category]),
    ...Array.from({ length: 12 }, (_, i) => [`${CAFE}. Shift ${i} at the café on Main Street, customer service and cash handling.`, 'Barista']),
    [garbage(400, 1), 'Nurse'],
    ['%%% ###', 'Accountant'],
  ];
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  csv = path.join(temp.dir, 'cp1252.csv');
  fs.writeFileSync(csv, iconv.encode(['text,category', ...rows.map((r) => r.map(quote).join(','))].join('\r\n'), 'windows-1252'));
  model = path.join(temp.dir, 'model.json');
  const trained = await run(trainCommand, ['--data', csv, '--out', model, '--seed', '3']);
  expect(trained.code).toBe(0);
}, 120_000);
afterAll(() => temp.cleanup());

describe('legacy encodings are decoded as the importer decodes them', () => {
  it('a cp1252 .txt reads "Résumé… café", and its terms are résumé and café (not r, sum, caf)', () => {
    const file = path.join(temp.dir, 'cafe.txt');
    fs.writeFileSync(file, iconv.encode(CAFE, 'windows-1252'));
    const text = readTextFile(file);
    expect(text).toBe(CAFE);
    const { body } = new TextVectorizer().analyze(text);
    expect(body).toEqual(expect.arrayContaining(['résumé', 'café']));
    expect(body).not.toContain('caf');
  });
  it('a cp1252 CSV trains a model that knows "café"', () => {
    const dataset = loadLabelledDataset(csv);
    expect(dataset.texts.filter((t) => t.includes('café'))).toHaveLength(12);
    const doc = JSON.parse(fs.readFileSync(model, 'utf8'));
    expect(doc.vocabulary).toContain('café');
    expect(doc.vocabulary.some((t: string) => t.replace(/^h:/, '').split(' ').includes('caf'))).toBe(false);
  });
});

describe('"no usable text" is refused by train, eval and predict', () => {
  it('train leaves out, and names, the rows without real words', async () => {
    const r = await run(trainCommand, ['--data', csv, '--out', path.join(temp.dir, 'm2.json'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out.join('\n'));
    expect(json.documents).toBe(sample.length + 12);
    expect(json.unusable).toEqual([
      {
        origin: `${csv} record ${sample.length + 13}`,
        reason: expect.stringMatching(/^no usable text: (no real words|only \d+% of its characters form words)/),
      },
      { origin: `${csv} record ${sample.length + 14}`, reason: 'no usable text: no real words (at least 5 are needed)' },
    ]);
    expect(r.err).toContain(`warning: ${csv} record ${sample.length + 14}: no usable text: no real words (at least 5 are needed) (left out)`);
  });
  it('eval leaves them out with the same sentence', async () => {
    const r = await run(evalCommand, ['--data', csv, '--model', model, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.join('\n')).testRows).toBe(sample.length + 12);
    expect(r.err).toContain(`warning: ${csv} record ${sample.length + 14}: no usable text: no real words (at least 5 are needed) (left out)`);
  });
  it('predict refuses random bytes and printable garbage, exit 1, and still answers for a real resume', async () => {
    const binary = path.join(temp.dir, 'random.txt');
    const rng = createRng(4);
    fs.writeFileSync(
      binary,
      Uint8Array.from({ length: 4096 }, () => rng.int(256)),
    );
    const noise = path.join(temp.dir, 'noise.txt');
    fs.writeFileSync(noise, garbage(3000, 2));
    const real = path.join(temp.dir, 'nurse.txt');
    fs.writeFileSync(real, sample[0]!.text);
    const text = await run(predictCommand, ['--model', model, binary, noise, real]);
    expect(text.code).toBe(1);
    expect(text.err).toEqual([
      `${binary}: The file is named like a text file but its bytes are binary data, not text; check that it is really a resume.`,
      expect.stringMatching(new RegExp(`^${noise.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: No usable text: `)),
    ]);
    expect(text.out[0]).toMatch(new RegExp(`^${real.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ${sample[0]!.category} \\(`));
    const json = await run(predictCommand, ['--model', model, '--json', noise]);
    // The same shape as a failed item of the API's batch answer.
    expect(JSON.parse(json.out[0]!)).toEqual({
      name: 'noise.txt',
      error: { code: 'unreadable', status: 'no_text', message: expect.stringMatching(/^No usable text: /) },
    });
  });
});

describe('a 20 MB resume is analysed only up to the cap', () => {
  it('predict answers and says only the first characters were analysed', async () => {
    const big = path.join(temp.dir, 'big.txt');
    const text = `${sample[0]!.text}\n`;
    fs.writeFileSync(big, text.repeat(Math.ceil(20_000_000 / text.length)));
    const r = await run(predictCommand, ['--model', model, '--json', big]);
    expect(r.code).toBe(0);
    const prediction = JSON.parse(r.out[0]!);
    expect(prediction.truncated).toBe(true);
    for (const e of prediction.evidence) for (const s of e.spans) expect(s.end).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    const plain = await run(predictCommand, ['--model', model, big]);
    expect(plain.out[0]).toMatch(/ — only the first 100,000 characters were analysed$/);
  });
});

describe('a model file that is not a model, or is damaged, is named in one sentence', () => {
  it('truncated JSON, an engine field that does not match its weights, an old format version', async () => {
    const json = fs.readFileSync(model, 'utf8');
    const truncated = path.join(temp.dir, 'truncated.json');
    fs.writeFileSync(truncated, json.slice(0, 5000));
    const resume = path.join(temp.dir, 'resume.txt');
    fs.writeFileSync(resume, sample[1]!.text);
    await expect(run(predictCommand, ['--model', truncated, resume])).rejects.toThrow(
      'The model "truncated.json" is not a Resume Studio model or is damaged: its JSON is cut short or malformed.',
    );
    await expect(run(evalCommand, ['--model', truncated, '--data', csv])).rejects.toThrow(`${truncated} is not a Resume Studio model or is damaged`);
    const mismatched = path.join(temp.dir, 'mismatched.json');
    fs.writeFileSync(mismatched, JSON.stringify({ ...JSON.parse(json), engine: 'mljs' }));
    await expect(run(predictCommand, ['--model', mismatched, resume])).rejects.toThrow(
      'The model "mismatched.json" is not a Resume Studio model or is damaged: it says engine "mljs" but holds "fast" weights.',
    );
    const old = path.join(temp.dir, 'old.json');
    fs.writeFileSync(old, JSON.stringify({ ...JSON.parse(json), version: 1 }));
    await expect(run(evalCommand, ['--model', old, '--data', csv])).rejects.toThrow(`${old} was saved by an older Resume Studio (model format 1)`);
  });
});
