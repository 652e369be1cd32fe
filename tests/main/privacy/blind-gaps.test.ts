/**
 * Blind mode where the views' redactors do not reach: the public API and the CLI echo a file name
 * the client chose; the resume search ran over the stored text, so a hidden name still found its
 * resume; the CLI export wrote every name, e-mail and phone. Generated resumes, the real core,
 * real SQLite, the real prediction threads. Each check runs with blind mode off first, where it
 * must find the name, so it can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../../../main/api/api-app';
import { createCore, type Core } from '../../../main/core/core';
import { fileModelSource } from '../../../main/predict/model-source';
import { createPredictionEngine, type PredictionEngine } from '../../../main/predict/prediction-engine';
import { writeEncryptedPdf } from '../../fixtures/resume-files';
import { sampleModelJson, sampleResumes } from '../../fixtures/sample-model';
import { httpRequest, multipartFile } from '../../helpers/http-request';
import { makeTempDir } from '../../helpers/temp-dir';
import { seedDocuments } from '../curation/seed';
import { runCliText } from '../../helpers/run-cli';

const fileName = 'zelda-quimby.txt';
const leaksName = (value: unknown) => /zelda|quimby/i.test(typeof value === 'string' ? value : JSON.stringify(value));
const personalText = (body: string) => `Zelda Quimby\nzelda.quimby@example.com · +1 555 014 2345\n${body}`;

let temp: ReturnType<typeof makeTempDir>;
let engine: PredictionEngine;
let core: Core;
const run = runCliText;

beforeAll(async () => {
  temp = makeTempDir('blind-gaps-');
  const modelFile = path.join(temp.dir, 'model.json');
  fs.writeFileSync(modelFile, sampleModelJson());
  engine = createPredictionEngine({ source: fileModelSource(modelFile) });
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli' });
  seedDocuments(core.db, [
    { text: personalText('Registered nurse, ward rounds and patient care.'), category: 'Nurse', fileName },
    { text: 'Accountant: ledgers, audits and tax returns.', category: 'Accountant', fileName: 'cv-2.txt' },
  ]);
}, 180_000);
afterAll(async () => {
  await core?.close();
  await engine?.close();
  temp?.cleanup();
});

describe('blind mode in the public API', () => {
  it('masks the file name in answers and in the 422 that quotes it', async () => {
    const text = sampleResumes(1)[0]!.text;
    const encrypted = fs.readFileSync(await writeEncryptedPdf(temp.dir));
    for (const isBlind of [false, true]) {
      const api = await createApiApp({ engine, token: () => 'test-token-0123456789', version: 'test', isBlind: () => isBlind });
      const url = await api.listen(0);
      try {
        const headers = { authorization: 'Bearer test-token-0123456789', 'content-type': 'application/json' };
        const one = await httpRequest(url, { method: 'POST', path: '/v1/predict', headers, body: JSON.stringify({ text, name: fileName }) });
        const batch = await httpRequest(url, {
          method: 'POST',
          path: '/v1/predict/batch',
          headers,
          body: JSON.stringify({
            items: [
              { text, name: fileName },
              { text: '123 456', name: fileName },
            ],
          }),
        });
        const upload = multipartFile('zelda-quimby.pdf', encrypted, 'application/pdf');
        const refused = await httpRequest(url, {
          method: 'POST',
          path: '/v1/predict',
          headers: { authorization: headers.authorization, 'content-type': upload.contentType },
          body: upload.body,
        });
        expect([one.status, batch.status, refused.status]).toEqual([200, 200, 422]);
        for (const answer of [one.json, batch.json, refused.json]) expect(leaksName(answer), `${isBlind} ${JSON.stringify(answer)}`).toBe(!isBlind);
      } finally {
        await api.close();
      }
    }
  });
});

describe('blind mode in the resume search', () => {
  it('finds nothing by a hidden name or e-mail, still finds by the words shown, and acts only on what it finds', async () => {
    const total = async (q: string) => (await core.call('documents.list', { filter: { q } })).total;
    for (const isBlind of [false, true]) {
      await core.call('settings.set', { blindMode: isBlind });
      expect(await total('zelda'), `blind ${isBlind}`).toBe(isBlind ? 0 : 1);
      expect(await total('quim*'), `blind ${isBlind}`).toBe(isBlind ? 0 : 1);
      expect(await total('"zelda.quimby"'), `blind ${isBlind}`).toBe(isBlind ? 0 : 1);
      expect(await total('nurse'), `blind ${isBlind}`).toBe(1);
      expect(await total('nurse zelda'), `blind ${isBlind}`).toBe(isBlind ? 0 : 1);
      expect(await total('NOT zelda'), `blind ${isBlind}`).toBe(isBlind ? 2 : 1);
      const rule = await core.call('documents.setCategory', { filter: { q: 'zelda' }, category: 'Found', dryRun: true });
      expect(rule.matched, `blind ${isBlind}`).toBe(isBlind ? 0 : 1);
    }
    await core.call('settings.set', { blindMode: false });
  });
});

describe('blind mode in the CLI', () => {
  it('masks the export unless --unmasked is given, and says which it wrote', async () => {
    const dataDir = path.join(temp.dir, 'data');
    await core.call('settings.set', { blindMode: true });
    try {
      const masked = await run(['export', '--data-dir', dataDir, '--format', 'csv', '--out', path.join(temp.dir, 'masked.csv')]);
      expect(masked.code, masked.err).toBe(0);
      expect(masked.out).toMatch(/Masked: names, e-mail addresses, phone numbers/);
      const maskedCsv = fs.readFileSync(path.join(temp.dir, 'masked.csv'), 'utf8');
      expect(leaksName(maskedCsv)).toBe(false);
      expect(maskedCsv).not.toMatch(/@example\.com|555 014 2345/);
      expect(maskedCsv).toMatch(/Registered nurse/);
      const unmasked = await run(['export', '--data-dir', dataDir, '--format', 'jsonl', '--unmasked', '--out', path.join(temp.dir, 'plain.jsonl')]);
      expect(unmasked.code, unmasked.err).toBe(0);
      expect(unmasked.err).toMatch(/--unmasked: blind mode is on, but this export holds the resumes as stored/);
      expect(leaksName(fs.readFileSync(path.join(temp.dir, 'plain.jsonl'), 'utf8'))).toBe(true);
    } finally {
      await core.call('settings.set', { blindMode: false });
    }
  });

  it('masks the file names `predict` prints with a data directory in blind mode', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const model = await core.call('models.import', { fileName: 'sample.json', json: sampleModelJson() });
    await core.call('models.activate', { id: model.id });
    const file = path.join(temp.dir, fileName);
    fs.writeFileSync(file, personalText(sampleResumes(1)[0]!.text));
    const empty = path.join(temp.dir, 'zelda-quimby-empty.txt');
    fs.writeFileSync(empty, '');
    for (const isBlind of [false, true]) {
      await core.call('settings.set', { blindMode: isBlind });
      for (const extra of [[], ['--json']]) {
        const printed = await run(['predict', '--data-dir', dataDir, file, empty, ...extra]);
        expect(printed.code, printed.err).toBe(1);
        expect(leaksName(printed.out + printed.err), `blind ${isBlind} ${extra.join(' ')}: ${printed.out} ${printed.err}`).toBe(!isBlind);
      }
    }
    await core.call('settings.set', { blindMode: false });
  });
});
