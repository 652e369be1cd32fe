// The second thread of a training run: screening and duplicate groups computed in a real worker
// thread on its own read-only connection equal what runTraining computes itself; an answer about
// other data is not used, and the run trained with it equals the run trained without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import { createImportRepo } from '../../../main/store/import-repo';
import { reevaluateRun } from '../../../main/training/reevaluate';
import { screenAndGroup } from '../../../main/training/screen-task';
import { openSnapshot, readSnapshot } from '../../../main/training/snapshot';
import { screenInSecondThread } from '../../../main/training/second-thread';
import { runTrainTask } from '../../../main/training/train-from-database';
import { trainOnSnapshot } from '../../../main/training/train-task';
import { runPipelineParams } from '../../../main/training/run-training';
import { hashString, TextClassifier } from '../../../ml/index';
import { writeLabelledFolder } from '../../helpers/labelled-folder';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
const params = {
  engine: 'fast' as const,
  seed: 4,
  testFraction: 0.25,
  folds: 0,
  memoryLimitMb: 1024,
  blind: false,
  ngramMax: 2 as const,
  maxFeatures: null,
  regularization: null,
};

beforeAll(async () => {
  temp = makeTempDir();
  const folder = writeLabelledFolder(temp.dir, { perClass: 10, categories: 3 });
  core = await createCore({ dataDir: `${temp.dir}/data`, transport: 'cli' });
  await core.call('import.start', { path: folder });
  await core.imports.waitForIdle();
  // The importer refuses both, so they are stored directly: one document with no usable text and one
  // exact duplicate of another (case and blanks aside), so both results have content.
  const documents = createDocumentsRepo(core.db);
  const jobId = createImportRepo(core.db, documents).createJob('/generated', 'files', {});
  const [first] = readSnapshot(core.databasePath, 5).texts;
  const category = readSnapshot(core.databasePath, 5).labels[0]!;
  const store = (name: string, text: string) =>
    documents.insert({
      importJobId: jobId,
      sourcePath: `/generated/${name}`,
      fileName: name,
      format: 'txt',
      sizeBytes: text.length,
      contentHash: null,
      textHash: name,
      text,
      category,
    });
  store('unusable.txt', '#### ---- 1234 5678 ####');
  store('again.txt', `  ${first!.toUpperCase()}\n\n`);
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('screening in a second thread', () => {
  const input = () => ({ databasePath: core.databasePath, params, minDocumentsPerCategory: 5 });

  it('answers what the run would compute itself, from its own read of the database', async () => {
    const snapshot = readSnapshot(core.databasePath, 5);
    const inThread = await screenInSecondThread(input(), snapshot.hash);
    const here = screenAndGroup(snapshot.texts);
    expect(inThread.screened).toEqual(here.screened);
    expect(inThread.groups).toEqual(here.groups);
    expect(here.screened.unusable).toHaveLength(1);
    expect(here.groups.exactDuplicates).toBe(1);
  });

  it('is not used when it read other data than the run', async () => {
    expect(await screenInSecondThread(input(), 'another snapshot')).toEqual({});
  });

  it('the run trained with it stores what a run without it stores', async () => {
    const withThread = await runTrainTask(input(), () => {});
    const snapshot = readSnapshot(core.databasePath, 5);
    const prepared = new TextClassifier(runPipelineParams(params)).prepare(snapshot.texts, snapshot.labels);
    const alone = trainOnSnapshot(snapshot, params, () => {}, {}, { prepared });
    const plain = trainOnSnapshot(snapshot, params, () => {});
    for (const other of [alone, plain]) {
      expect(withThread.modelJson).toBe(other.modelJson);
      expect(withThread.holdout).toEqual(other.holdout);
      expect(withThread.predictions).toEqual(other.predictions);
    }
  }, 120_000);
});

describe('the streamed snapshot a run reads', () => {
  it('gives the same documents, texts and hash as reading it whole, and its hash only once read to the end', () => {
    // One document labelled by a model (not confirmed), so the hash's mark for those is checked too.
    const marked = readSnapshot(core.databasePath, 5).ids[1]!;
    core.db.prepare('UPDATE documents SET model_labelled = 1 WHERE id = ?').run(marked);
    const whole = readSnapshot(core.databasePath, 5);
    const stream = openSnapshot(core.databasePath, 5);
    try {
      expect(whole.trainOnly.filter(Boolean)).toHaveLength(1);
      expect(stream.ids).toEqual(whole.ids);
      expect(stream.labels).toEqual(whole.labels);
      expect(() => stream.hash()).toThrow(/once every text/);
      let index = 0;
      for (const text of stream.texts()) expect(text).toBe(whole.texts[index++]);
      expect(index).toBe(whole.texts.length);
      expect(stream.hash()).toBe(whole.hash);
      // The definition: each (label, model-labelled mark, text) chained onto the hash so far.
      let chained = '';
      whole.texts.forEach((text, i) => (chained = hashString(`${chained}\u0000${whole.labels[i]}${whole.trainOnly[i] ? '\u0000model' : ''}\u0000${text}`)));
      expect(whole.hash).toBe(chained);
    } finally {
      stream.close();
      core.db.prepare('UPDATE documents SET model_labelled = 0 WHERE id = ?').run(marked);
    }
  });
});

describe('evaluating the run again from the database', () => {
  it('leaves out the document with no usable text as the run did, so it recomputes the holdout the run stored', async () => {
    const { runId } = await core.call('training.start', { seed: 4, testFraction: 0.25 });
    await core.training.waitForIdle();
    const detail = await core.call('training.run', { runId });
    expect(detail.state).toBe('finished');
    expect(JSON.parse(JSON.stringify(reevaluateRun(core.databasePath, detail)))).toEqual(JSON.parse(JSON.stringify(detail.holdout)));
  }, 120_000);
});
