// The queue never waits for a refresh: while the labelling model refits (held back here at its
// start, so it is certainly still running), the queue answers from the model it has, and the next
// model takes over once the refresh finishes. Real core, real refresh thread, real SQLite file.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { LABELLING_MIN_PER_CATEGORY } from '../../../main/labelling/labelling-service';
import { eventually } from '../../helpers/eventually';
import { makeTempDir } from '../../helpers/temp-dir';
import { writeUnlabelledFolder } from '../../helpers/unlabelled-folder';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let truth: Map<string, string>;
/** While set, a refresh waits for it before it starts its real work. */
let gate: Promise<void> | null = null;

beforeAll(async () => {
  temp = makeTempDir();
  const pile = writeUnlabelledFolder(temp.dir, { perClass: 8, categories: 3, seed: 4 });
  truth = pile.truth;
  core = await createCore({
    dataDir: path.join(temp.dir, 'data'),
    transport: 'cli',
    wrapLabellingRefresher: (real) => ({
      ...real,
      refresh: async (input, signal) => {
        await gate;
        return real.refresh(input, signal);
      },
    }),
  });
  await core.call('import.start', { path: pile.root });
  await core.imports.waitForIdle();
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

it('answers from the current model while a refresh runs', async () => {
  const { rows } = await core.call('documents.list', { filter: { unlabelled: true }, limit: 100 });
  const perCategory = new Map<string, number>();
  for (const row of rows) {
    const category = truth.get(row.fileName)!;
    if ((perCategory.get(category) ?? 0) >= LABELLING_MIN_PER_CATEGORY) continue;
    perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
    await core.call('documents.setCategory', { ids: [row.id], category });
  }
  // Only the very first model is waited for.
  const first = await core.call('labelling.next', { limit: 2 });
  expect(first.status.model?.version).toBe(1);

  let release!: () => void;
  gate = new Promise((resolve) => (release = resolve));
  const refreshed = core.call('labelling.refresh', {});
  await eventually(async () => expect((await core.call('labelling.status', {})).isRefreshing).toBe(true));
  const during = await core.call('labelling.next', { limit: 2 });
  expect(during.items).toHaveLength(2);
  expect(during.items.map((i) => i.modelVersion)).toEqual([1, 1]);
  expect(during.status).toMatchObject({ isRefreshing: true, model: { version: 1 } });
  const item = during.items[0]!;
  await core.call('labelling.answer', { documentId: item.documentId, category: truth.get(item.fileName)! });

  gate = null;
  release();
  expect((await refreshed).model?.version).toBe(2);
  const after = await core.call('labelling.next', { limit: 1 });
  expect(after.items[0]!.modelVersion).toBe(2);
});
