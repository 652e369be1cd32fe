import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalCommand } from '../../../main/cli/commands/eval';
import { predictCommand } from '../../../main/cli/commands/predict';
import { trainCommand } from '../../../main/cli/commands/train';
import type { Command } from '../../../main/cli/command';
import { generateResumeSample, MODEL_FORMAT_VERSION } from '../../../ml/index';
import { makeTempDir } from '../../helpers/temp-dir';

const run = async (command: Command, argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let model: string;
const sample = generateResumeSample({ seed: 21, perClass: 15, classes: ['Nurse', 'Accountant', 'Software Engineer'] });

beforeAll(() => {
  temp = makeTempDir();
  dataDir = path.join(temp.dir, 'data');
  sample.forEach((s, i) => {
    fs.mkdirSync(path.join(dataDir, s.category), { recursive: true });
    fs.writeFileSync(path.join(dataDir, s.category, `${i}.txt`), s.text);
  });
  model = path.join(temp.dir, 'model.json');
});
afterAll(() => temp.cleanup());

describe('train → predict → eval', () => {
  it('train saves a versioned model and prints the holdout report', async () => {
    const r = await run(trainCommand, ['--data', dataDir, '--out', model, '--cv', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/saved .*model\.json \(fast engine, 3 classes/);
    expect(r.out).toMatch(/accuracy \d\.\d{3} +macro-F1/);
    expect(r.out).toMatch(/3-fold CV/);
    expect(JSON.parse(fs.readFileSync(model, 'utf8'))).toMatchObject({
      format: 'resume-studio.text-classifier',
      version: MODEL_FORMAT_VERSION,
      classes: ['Accountant', 'Nurse', 'Software Engineer'],
    });
  });
  it('predict labels files, with --json evidence whose spans point into the file', async () => {
    const file = path.join(temp.dir, 'nurse.txt');
    const text = generateResumeSample({ seed: 99, perClass: 1, classes: ['Nurse'] })[0]!.text;
    fs.writeFileSync(file, text);
    const plain = await run(predictCommand, ['--model', model, file]);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/nurse\.txt: Nurse \(\d+\.\d%\)/);
    const json = await run(predictCommand, ['--model', model, '--json', file, path.join(temp.dir, 'missing.txt')]);
    expect(json.code).toBe(1);
    const [ok, missing] = json.out.split('\n').map((l) => JSON.parse(l));
    expect(ok).toMatchObject({ name: 'nurse.txt', label: 'Nurse', needsReview: expect.any(Boolean), model: { name: 'model.json' } });
    for (const e of ok.evidence) for (const s of e.spans) expect(s.end).toBeGreaterThan(s.start);
    expect(missing).toMatchObject({
      name: 'missing.txt',
      error: { code: 'unreadable', status: 'io_error', message: expect.stringMatching(/moved or deleted/) },
    });
  });
  it('predict names title terms and measured features as the app does ("nurse (in the title)"), never by internal names ("h:nurse")', async () => {
    // Short, so its title words rank among the evidence.
    const file = path.join(temp.dir, 'titled-nurse.txt');
    fs.writeFileSync(file, 'Charge Nurse ICU\nWorked with patients.');
    const json = JSON.parse((await run(predictCommand, ['--model', model, '--json', file])).out) as { evidence: { term: string }[] };
    const titleTerm = json.evidence.find((e) => e.term.startsWith('h:'))?.term;
    expect(titleTerm, 'the model weighs a title word for this resume').toBeDefined();
    const plain = await run(predictCommand, ['--model', model, file]);
    expect(plain.out).toContain(`${titleTerm!.slice(2)} (in the title)`);
    expect(plain.out).not.toMatch(/\b(h|eng):/);
  });
  it('train of the same folder gives the same model, whichever file the importer finished first', async () => {
    const again = path.join(temp.dir, 'again.json');
    expect((await run(trainCommand, ['--data', dataDir, '--out', again, '--cv', '3'])).code).toBe(0);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(model, 'utf8'));
  });
  it('eval scores a dataset and refuses labels the model does not know', async () => {
    const r = await run(evalCommand, ['--data', dataDir, '--model', model, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).accuracy).toBeGreaterThan(0.9);
    const other = path.join(temp.dir, 'other.jsonl');
    fs.writeFileSync(other, `${JSON.stringify({ text: 'x', category: 'Chef' })}\n`);
    await expect(run(evalCommand, ['--data', other, '--model', model])).rejects.toThrow(/label\(s\) the model does not know: Chef/);
  });
  it('usage errors exit 2; a bad model file is named', async () => {
    expect((await run(trainCommand, ['--data', dataDir])).code).toBe(2);
    expect((await run(trainCommand, ['--data', dataDir, '--out', model, '--engine', 'svm'])).code).toBe(2);
    const bad = path.join(temp.dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'resume-studio.text-classifier', version: 99 }));
    await expect(run(predictCommand, ['--model', bad, 'x.txt'])).rejects.toThrow(
      /The model "bad\.json" was saved by a newer Resume Studio \(model format 99\)/,
    );
  });
  it('one class only is refused with a clear message', async () => {
    const single = path.join(temp.dir, 'single.csv');
    fs.writeFileSync(single, 'text,category\na,X\nb,X\n');
    await expect(run(trainCommand, ['--data', single, '--out', model])).rejects.toThrow(/only one class \("X"\)/);
  });
  it('a FIFO named like a dataset is refused with a sentence, never opened (train --data, eval --data)', async () => {
    const fifoCsv = path.join(temp.dir, 'pipe.csv');
    const fifoJsonl = path.join(temp.dir, 'pipe.jsonl');
    execFileSync('mkfifo', [fifoCsv]);
    execFileSync('mkfifo', [fifoJsonl]);
    await expect(run(trainCommand, ['--data', fifoCsv, '--out', model])).rejects.toThrow(
      `${fifoCsv}: it is a named pipe (FIFO), not a regular file or folder, so it was not opened`,
    );
    await expect(run(evalCommand, ['--data', fifoJsonl, '--model', model])).rejects.toThrow(/pipe\.jsonl: it is a named pipe \(FIFO\)/);
  });
});
