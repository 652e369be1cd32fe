// CLI parity over a real data directory: `train --data-dir` stores a run like the button, `runs` lists it, `eval --data-dir`
// recomputes the same metrics the UI shows (training.run), `export-model` writes a file `predict` reads, `model-card` writes both forms.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import { createDocumentsRepo, iterateLabelledDocuments } from '../../../main/store/documents-repo';
import { generateResumeSample } from '../../../ml/index';
import { makeTextPdfBytes, writeDocx } from '../../fixtures/resume-files';
import { writeLabelledFolder } from '../../helpers/labelled-folder';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCliLines } from '../../helpers/run-cli';

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;

const cli = (...argv: string[]) => runCliLines(argv);

beforeAll(async () => {
  temp = makeTempDir();
  dataDir = path.join(temp.dir, 'data');
  const folder = writeLabelledFolder(temp.dir, { perClass: 10, categories: 3 });
  expect((await cli('import', folder, '--data-dir', dataDir)).code).toBe(0);
}, 120_000);
afterAll(() => temp.cleanup());

describe('CLI over the studio database', () => {
  it('train --data-dir stores a run, activates its model, and eval --data-dir recomputes the metrics the UI shows', async () => {
    const trained = await cli('train', '--data-dir', dataDir, '--json');
    expect(trained.code).toBe(0);
    const run = JSON.parse(trained.out[0]!) as { id: number; state: string; isActiveModel: boolean; holdout: unknown };
    expect(run).toMatchObject({ state: 'finished', isActiveModel: true });

    // What the Evaluate page reads for this run:
    const core = await createCore({ dataDir, transport: 'cli' });
    const shown = await core.call('training.run', { runId: run.id });
    await core.close();
    const evaluated = await cli('eval', '--data-dir', dataDir, '--run', String(run.id), '--json');
    expect(evaluated.code).toBe(0);
    expect(JSON.parse(evaluated.out[0]!)).toEqual(shown.holdout);

    const listed = await cli('runs', '--data-dir', dataDir);
    expect(listed.out.some((l) => l.startsWith(`*${String(run.id).padStart(4)}  finished`))).toBe(true);
  }, 120_000);

  it('export-model writes the versioned JSON that predict reads; model-card writes Markdown and JSON', async () => {
    const modelFile = path.join(temp.dir, 'model.json');
    expect((await cli('export-model', '--data-dir', dataDir, '--out', modelFile)).code).toBe(0);
    const resume = path.join(temp.dir, 'one.txt');
    fs.writeFileSync(resume, 'Senior accountant: general ledger, reconciliations, audits, tax returns and payroll.');
    const predicted = await cli('predict', '--model', modelFile, resume, '--json');
    expect(predicted.code).toBe(0);
    expect(JSON.parse(predicted.out[0]!)).toHaveProperty('label');

    const cardStem = path.join(temp.dir, 'card');
    expect((await cli('model-card', '--data-dir', dataDir, '--out', cardStem)).code).toBe(0);
    expect(fs.readFileSync(`${cardStem}.md`, 'utf8')).toMatch(/## Confusion matrix/);
    expect(JSON.parse(fs.readFileSync(`${cardStem}.json`, 'utf8'))).toMatchObject({ format: 'resume-studio.model-card', knownLimits: expect.any(Array) });
  });

  it('eval --data-dir refuses, in a sentence, when the data changed since the run', async () => {
    const core = await createCore({ dataDir, transport: 'cli' });
    const runId = (await core.call('training.runs', {}))[0]!.id;
    const [first] = [...iterateLabelledDocuments(core.db)];
    createDocumentsRepo(core.db).setExcluded([first!.id], true);
    await core.close();
    const evaluated = await cli('eval', '--data-dir', dataDir, '--run', String(runId));
    expect(evaluated.code).toBe(1);
    expect(evaluated.err.join('\n')).toMatch(/the labelled documents changed since run \d+/);
  });
});

describe('train --data FOLDER through the importer', () => {
  it('trains from a folder of PDF and DOCX resumes (no .txt at all)', async () => {
    const root = path.join(temp.dir, 'binary-resumes');
    const rows = generateResumeSample({ seed: 4, perClass: 3 });
    for (const category of ['ACCOUNTANT', 'CHEF', 'TEACHER']) {
      const dir = path.join(root, category);
      fs.mkdirSync(dir, { recursive: true });
      // Distinct page counts give distinct texts, so the importer keeps every PDF.
      for (let pages = 1; pages <= 3; pages++) fs.writeFileSync(path.join(dir, `cv-${pages}.pdf`), await makeTextPdfBytes({ category, pages }));
      for (const [i, row] of rows.slice(0, 3).entries()) await writeDocx(dir, `cv-${i}.docx`, [`${category} resume ${i}`, ...row.text.split('\n')]);
    }
    const out = path.join(temp.dir, 'binary-model.json');
    const trained = await cli('train', '--data', root, '--out', out, '--json');
    expect(trained.err.join('\n')).not.toMatch(/error/);
    expect(trained.code).toBe(0);
    expect(JSON.parse(trained.out[0]!)).toMatchObject({ documents: 18, classes: 3 });
  }, 120_000);
});
