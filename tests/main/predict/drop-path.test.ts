/**
 * A dropped file's path through the backend, counted: the browser sends its bytes as binary over the
 * real bridge (application/octet-stream, preload/binary-input.ts), and the file is parsed and
 * predicted in ONE request to a prediction thread (one message there, one back), then stored and
 * answered from the row the insert wrote. Real core, real bridge socket, real prediction worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBridge, type Bridge } from '../../../main/bridge/server';
import { createCore, type Core } from '../../../main/core/core';
import { fileModelSource } from '../../../main/predict/model-source';
import { binaryContentType, binaryInputHeader, fromBinaryRequest, toBinaryRequest } from '../../../preload/binary-input';
import type { PredictedItem, RpcResult } from '../../../preload/contract';
import { makeTextPdfBytes } from '../../fixtures/resume-files';
import { sampleModelJson, sampleResumes } from '../../fixtures/sample-model';
import { httpRequest } from '../../helpers/http-request';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let bridge: Bridge;
let base: URL;
let token: string;
beforeAll(async () => {
  temp = makeTempDir('drop-path-');
  const modelFile = path.join(temp.dir, 'model.json');
  fs.writeFileSync(modelFile, sampleModelJson());
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'http', modelSource: fileModelSource(modelFile) });
  await core.prediction.ready();
  bridge = createBridge({ dispatcher: core.dispatcher, events: core.events });
  const url = new URL(await bridge.listen(0));
  base = new URL(url.origin);
  token = url.searchParams.get('token')!;
});
afterAll(async () => {
  await bridge.close();
  await core.close();
  temp.cleanup();
});

/** Drops `bytes` as `name` the way the browser transport does: the bytes as the body. */
async function drop(name: string, bytes: Uint8Array): Promise<PredictedItem> {
  const binary = toBinaryRequest({ name, bytes })!;
  const answer = await httpRequest(base.href, {
    method: 'POST',
    path: '/rpc/predict.file',
    headers: { host: base.host, 'x-studio-token': token, 'content-type': binaryContentType, [binaryInputHeader]: binary.header },
    body: binary.body,
  });
  const result = answer.json as RpcResult<PredictedItem>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('a dropped file', () => {
  it('round-trips through the binary form: the other fields in the header, the bytes as the body', () => {
    const bytes = Uint8Array.from([0, 255, 37, 80, 68, 70]);
    const binary = toBinaryRequest({ name: 'ÉLÉONORE résumé.pdf', bytes, batchId: 3 })!;
    expect(binary.header).toMatch(/^[\x21-\x7e]+$/);
    expect(fromBinaryRequest(binary.header, binary.body)).toEqual({ name: 'ÉLÉONORE résumé.pdf', batchId: 3, bytes });
    expect(toBinaryRequest({ name: 'x', bytes: 'AAAA' })).toBeNull();
    expect(fromBinaryRequest('%5B1%5D', bytes)).toBeNull();
  });

  it('reaches its card through one request to a prediction thread, sent as binary, answered from the insert', async () => {
    const [resume] = sampleResumes(1);
    const pdf = await makeTextPdfBytes({ pages: 2, lines: resume!.text.split('\n') });
    // The first drop starts the thread and loads the model; the path is counted on a warm app.
    expect(await drop('warm-up.pdf', pdf)).toMatchObject({ status: 'predicted' });
    // Spies that call through: every message to a thread, and every one a thread sends back.
    const toThreads = vi.spyOn(Worker.prototype, 'postMessage');
    const emitted = vi.spyOn(Worker.prototype, 'emit');
    const fromThreads = () => emitted.mock.calls.filter(([event]) => event === 'message').map(([, message]) => message as { type: string });
    try {
      const item = await drop('two-pages.pdf', pdf);
      expect(item).toMatchObject({ status: 'predicted', name: 'two-pages.pdf', prediction: { label: resume!.category } });
      expect(toThreads.mock.calls.map(([message]) => (message as { type: string; kind?: string }).kind)).toEqual(['file']);
      expect(fromThreads().map((message) => message.type)).toEqual(['result']);
      // What was answered is what was stored.
      expect(await core.call('predict.get', { id: (item as { id: number }).id })).toEqual({ ...item, text: expect.any(String) });
    } finally {
      toThreads.mockRestore();
      emitted.mockRestore();
    }
  });
});
