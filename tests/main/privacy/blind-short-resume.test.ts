/**
 * Blind mode on a resume that is mostly contact details: usable as written, too short once masked.
 * It must be that item's own "no usable text" outcome, in an app batch (predict.file, as the UI
 * sends a batch) and in an API batch, never a failure of the whole request. Real core, real
 * prediction worker, real HTTP socket.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp, type ApiServer } from '../../../main/api/api-app';
import { createCore, type Core } from '../../../main/core/core';
import { fileModelSource } from '../../../main/predict/model-source';
import { checkPredictableText } from '../../../main/predict/predict-document';
import { sampleModelJson, sampleResumes } from '../../fixtures/sample-model';
import { httpRequest } from '../../helpers/http-request';
import { makeTempDir } from '../../helpers/temp-dir';

/** Invented contact details and one line of work: five real words as written, one once masked. */
const mostlyContact = [
  'Jordan Example',
  'jordan.example@example.com',
  '+1 555 0100',
  'https://example.com/in/jordan-example',
  '12 Example Street, Springfield',
  'Nurse',
].join('\n');
const fileName = 'jordan-example.txt';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
beforeAll(async () => {
  temp = makeTempDir('blind-short-');
  const modelFile = path.join(temp.dir, 'model.json');
  fs.writeFileSync(modelFile, sampleModelJson());
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli', modelSource: fileModelSource(modelFile) });
  await core.call('settings.set', { blindMode: true });
  await core.prediction.ready();
});
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('blind mode, a resume that masking leaves too short', () => {
  it('is usable as written (so only the masking refuses it)', () => {
    expect(checkPredictableText(mostlyContact)).toEqual({ ok: true });
  });

  it('is its own "no usable text" in an app batch; the batch goes on', async () => {
    const [resume] = sampleResumes(1);
    const batch = await core.call('predict.batchStart', { total: 2 });
    const short = await core.call('predict.file', { name: fileName, bytes: Buffer.from(mostlyContact).toString('base64'), batchId: batch.id });
    const normal = await core.call('predict.file', { name: 'other.txt', bytes: Buffer.from(resume!.text).toString('base64'), batchId: batch.id });
    expect(short).toMatchObject({ status: 'no_text', reason: expect.stringMatching(/^Once its personal data is masked \(blind mode\), no usable text/) });
    expect(normal).toMatchObject({ status: 'predicted', prediction: { label: resume!.category } });
  });

  it('is its own "no usable text" in an API batch answered 200', async () => {
    const [resume] = sampleResumes(1);
    const token = 'blind-short-token-0123456789';
    const api: ApiServer = await createApiApp({ engine: core.prediction, token: () => token, version: '0.0.0-test' });
    try {
      const baseUrl = await api.listen(0);
      const answer = await httpRequest(baseUrl, {
        method: 'POST',
        path: '/v1/predict/batch',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          items: [
            { text: mostlyContact, name: fileName },
            { text: resume!.text, name: 'other' },
          ],
        }),
      });
      expect(answer.status).toBe(200);
      const { predictions } = answer.json as { predictions: { label?: string; error?: { status: string; message: string } }[] };
      expect(predictions[0]).toMatchObject({ error: { status: 'no_text', message: expect.stringMatching(/personal data is masked/) } });
      expect(predictions[1]).toMatchObject({ label: resume!.category });
    } finally {
      await api.close();
    }
  });
});
