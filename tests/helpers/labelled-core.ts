/** A core on a fresh data folder holding generated labelled resumes, and the training task a run on it would get: for tests of the training worker's tasks. */
import { createCore, type Core } from '../../main/core/core';
import type { TrainTaskInput } from '../../main/training/train-task';
import { writeLabelledFolder } from './labelled-folder';
import { makeTempDir } from './temp-dir';

/** Imports `perClass` generated resumes of `categories` categories; `close` closes the core and removes the folder. */
export async function openLabelledCore(options: { perClass: number; categories: number; memoryLimitMb?: number }) {
  const temp = makeTempDir();
  const core: Core = await createCore({ dataDir: `${temp.dir}/data`, transport: 'cli' });
  await core.call('import.start', { path: writeLabelledFolder(temp.dir, options) });
  await core.imports.waitForIdle();
  const { defaults } = await core.call('training.plan', {});
  const params = options.memoryLimitMb ? { ...defaults, memoryLimitMb: options.memoryLimitMb } : defaults;
  const input: TrainTaskInput = { databasePath: core.databasePath, params, minDocumentsPerCategory: 5 };
  return {
    core,
    input,
    async close() {
      await core.close();
      temp.cleanup();
    },
  };
}
