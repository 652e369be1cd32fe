// `serve --data-dir` (the CLI's prediction over a data directory) follows the model another
// process activates, as the app's own prediction thread does: two real connections to one SQLite
// file, real prediction threads, no event shared between them.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrediction, type OpenedPrediction } from '../../../main/cli/open-prediction';
import { createCore, type Core } from '../../../main/core/core';
import { eventually } from '../../helpers/eventually';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleModelJson } from '../../fixtures/sample-model';
import { tinyModelJson } from '../../helpers/tiny-model';

let temp: ReturnType<typeof makeTempDir>;
let app: Core;
let serve: OpenedPrediction;

beforeAll(async () => {
  temp = makeTempDir();
  app = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli' });
});
afterAll(async () => {
  await serve?.close();
  await app?.close();
  temp.cleanup();
});

describe('prediction over a data directory, with another process activating models', () => {
  it('starts without a model, then swaps to each model the other process activates', async () => {
    serve = await openPrediction({ dataDir: path.join(temp.dir, 'data'), pollMs: 50 });
    expect(serve.engine.status().model).toBeNull();
    const first = await app.call('models.import', { fileName: 'first.json', json: sampleModelJson() });
    const second = await app.call('models.import', { fileName: 'second.json', json: tinyModelJson() });
    for (const model of [first, second, first]) {
      await app.call('models.activate', { id: model.id });
      await eventually(() => expect(serve.engine.status().model?.id).toBe(String(model.id)));
      const [answer] = await serve.engine.predictTexts([{ text: 'registered nurse on a hospital ward, patient care', name: null }]);
      expect(answer?.ok && answer.prediction.model.id).toBe(String(model.id));
    }
  });
});
