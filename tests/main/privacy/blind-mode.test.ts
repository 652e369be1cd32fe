/**
 * Blind mode end to end in the backend, on the bundled sample dataset (real parsers, real SQLite
 * file, the real training and prediction workers): the answers every view reads carry no name,
 * e-mail, phone number or URL of the sample; a model trained blind holds none in its vocabulary
 * or its exported JSON, and says so in its card and in the API's GET /v1/model. Each check is
 * first run with blind mode off, where it must find them, so it can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp, type ApiServer } from '../../../main/api/api-app';
import { createCore, type Core } from '../../../main/core/core';
import type { ImportItem } from '../../../preload/contract';
import { firstNames, lastNames } from '../../../bin/sample-resumes/content';
import { httpRequest } from '../../helpers/http-request';
import { makeTempDir } from '../../helpers/temp-dir';

const sampleNames = [...new Set([...firstNames, ...lastNames])];
/** Any name of the sample, an e-mail address, a phone number or a URL (the sample's are all of these shapes). */
const personal = new RegExp(`(?<![\\p{L}])(?:${sampleNames.join('|')})(?![\\p{L}])|@|example\\.com|https?:|555[ .-]?01\\d\\d`, 'iu');
const leaks = (value: unknown) => JSON.stringify(value).match(personal)?.[0] ?? null;

let core: Core;
let temp: ReturnType<typeof makeTempDir>;
let items: ImportItem[];

beforeAll(async () => {
  temp = makeTempDir('blind-');
  core = await createCore({ dataDir: temp.dir, transport: 'cli' });
  const started = await core.call('import.startSample', {});
  await core.imports.waitForIdle();
  items = (await core.call('import.report', { jobId: started.id, limit: 1000 })).items;
}, 180_000);

afterAll(async () => {
  await core?.close();
  temp?.cleanup();
});

/**
 * Trains with the current settings and returns the finished run. Every term seen in 2+ resumes is
 * kept (no chi² cut), so a name the cleaner let through would be in the vocabulary.
 */
// Cross-validated, so the likely-mislabelled view has every resume's out-of-fold prediction to rank
// (the held-out side of one split need not hold the sample's misfiled resume).
async function train() {
  const { runId } = await core.call('training.start', { maxFeatures: 200_000, folds: 3 });
  await core.training.waitForIdle();
  const run = await core.call('training.run', { runId });
  expect(run.state).toBe('finished');
  return run;
}

/** Every term of a model's vocabulary, split into its words ("h:jane", "jane doe" → jane, doe). */
function vocabularyWords(modelJson: string): string[] {
  const doc = JSON.parse(modelJson) as { vocabulary: string[] };
  return doc.vocabulary.flatMap((term) => term.replace(/^h:/, '').split(' '));
}

/** What the views read, for one document and one sample file, through the dispatcher like the UI. */
async function viewAnswers(runId: number) {
  const txt = items.find((i) => i.status === 'imported' && i.format === 'txt')!;
  const pdf = items.find((i) => i.status === 'imported' && i.format === 'pdf')!;
  const cell = (await core.call('training.run', { runId })).holdout!;
  const cellDocs = await core.call('evaluation.cell', { runId, trueCategory: cell.classes[0]!, predictedCategory: cell.classes[0]! });
  const bytes = fs.readFileSync(path.join(core.sampleDir!, pdf.relPath)).toString('base64');
  return {
    document: await core.call('documents.get', { id: txt.documentId! }),
    cleaning: await core.call('documents.cleaning', { id: pdf.documentId! }),
    list: await core.call('documents.list', { limit: 1000 }),
    duplicates: await core.call('documents.duplicateGroups', {}),
    report: await core.call('import.report', { jobId: 1, limit: 1000 }),
    cell: cellDocs,
    explain: await core.call('evaluation.explain', { runId, documentId: cellDocs[0]!.documentId }),
    mislabelled: await core.call('evaluation.mislabelled', { runId }),
    predicted: await core.call('predict.file', { name: path.basename(pdf.relPath), bytes }),
  };
}

describe('blind mode', () => {
  it('is off by default; then views show the sample names and the model learns them', async () => {
    expect((await core.call('settings.get', {})).blindMode).toBe(false);
    const run = await train();
    const answers = await viewAnswers(run.id);
    for (const [view, answer] of Object.entries(answers)) expect(leaks(answer), view).not.toBeNull();
    const words = vocabularyWords((await core.call('models.export', { id: run.modelId! })).json);
    expect(words.filter((w) => sampleNames.some((n) => n.toLowerCase() === w)).length).toBeGreaterThan(0);
    expect(JSON.parse((await core.call('models.card', { id: run.modelId! })).json)).toMatchObject({ privacy: { trainedBlind: false } });
  }, 240_000);

  it('on: no view answer carries a name, e-mail, phone number or URL of the sample', async () => {
    await core.call('settings.set', { blindMode: true });
    const runs = await core.call('training.runs', {});
    const answers = await viewAnswers(runs[0]!.id);
    for (const [view, answer] of Object.entries(answers)) expect(leaks(answer), view).toBeNull();
    // Highlights still land on words: the explanation's spans point at the term in the masked text.
    const { explain, predicted } = answers;
    for (const term of explain.terms)
      for (const [start, end] of term.spans) expect(explain.text.slice(start, end).toLowerCase()).toContain(term.term.split(' ')[0]);
    expect(predicted.status).toBe('predicted');
    if (predicted.status === 'predicted')
      for (const e of predicted.prediction.evidence)
        for (const s of e.spans) expect(predicted.text!.slice(s.start, s.end).toLowerCase()).toContain(e.term.replace(/^h:/, '').split(' ')[0]);
  }, 240_000);

  it('on: training removes them, so neither the stored vocabulary nor the exported model holds one', async () => {
    const run = await train();
    expect(run.params.blind).toBe(true);
    const stored = core.db.prepare<[number], { model_json: string }>('SELECT model_json FROM models WHERE id = ?').get(run.modelId!)!.model_json;
    const exported = (await core.call('models.export', { id: run.modelId! })).json;
    for (const json of [stored, exported]) {
      expect(vocabularyWords(json).filter((w) => personal.test(w))).toEqual([]);
      expect(json.match(personal)?.[0] ?? null).toBeNull();
      expect(JSON.parse(json)).toMatchObject({ blind: true, vectorizer: { normalize: { maskNames: true, maskAddresses: true } } });
    }
    const card = await core.call('models.card', { id: run.modelId! });
    expect(JSON.parse(card.json)).toMatchObject({ privacy: { trainedBlind: true } });
    expect(card.markdown).toMatch(/Privacy: Trained blind/);
  }, 240_000);

  it("on: the public API's GET /v1/model says the model was trained blind", async () => {
    await core.prediction.refresh();
    const token = 'blind-test-token-0123456789';
    const api: ApiServer = await createApiApp({ engine: core.prediction, token: () => token, version: '0.0.0-test' });
    try {
      const baseUrl = await api.listen(0);
      const answer = await httpRequest(baseUrl, { path: '/v1/model', headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ trainedBlind: true });
    } finally {
      await api.close();
    }
  });
});
