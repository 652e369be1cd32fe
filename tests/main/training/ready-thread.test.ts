// The training thread readied before the Train button is pressed: the real training worker, taken
// only under the heap limit it was started with, replaced by a plan under another, let go when idle;
// it reads the next run's words once the plans stop coming, on a real SQLite file.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createReadyTrainingThread, READY_THREAD_IDLE_MS, trainingTaskOptions } from '../../../main/training/ready-thread';
import type { TrainTaskInput } from '../../../main/training/train-task';
import type { TrainingWorkerApi } from '../../../main/training/training-worker';
import { trainingWorkerEntry } from '../../../main/training/worker-entry';
import { runWorkerTask } from '../../../main/workers/run-task';
import { eventually } from '../../helpers/eventually';
import { openLabelledCore } from '../../helpers/labelled-core';

let holder: ReturnType<typeof createReadyTrainingThread> | null = null;
afterEach(async () => {
  await holder?.close();
  holder = null;
});

describe('the readied training thread', () => {
  it('loads ahead of the run and is taken once, under the heap limit it was started with', async () => {
    holder = createReadyTrainingThread();
    holder.prepare(512);
    holder.prepare(512); // a second plan under the same limit keeps the thread
    await holder.loaded();
    expect(holder.take(1024)).toBeNull();
    const group = holder.take(512)!;
    try {
      expect(group.stats()).toMatchObject({ threadsStarted: 1, threadsRunning: 1 });
      expect(holder.take(512)).toBeNull();
      expect(holder.isHolding()).toBe(false);
    } finally {
      await group.close();
    }
  });

  it('a plan under another heap limit replaces the thread', async () => {
    holder = createReadyTrainingThread();
    holder.prepare(512);
    holder.prepare(1024);
    expect(holder.take(512)).toBeNull();
    const group = holder.take(1024)!;
    await group.close();
    expect(group.stats().threadsStarted).toBe(1);
  });

  it('is let go after its idle time', async () => {
    holder = createReadyTrainingThread(100);
    holder.prepare(512);
    expect(holder.isHolding()).toBe(true);
    await eventually(() => expect(holder!.isHolding()).toBe(false));
    expect(holder.take(512)).toBeNull();
  });
});

describe('the readied thread reads the words ahead', () => {
  let labelled: Awaited<ReturnType<typeof openLabelledCore>>;
  let input: TrainTaskInput;
  beforeAll(async () => {
    labelled = await openLabelledCore({ perClass: 8, categories: 3, memoryLimitMb: 512 });
    input = labelled.input;
  }, 120_000);
  afterAll(() => labelled.close());

  /** Takes the readied thread (under 512 MB) for a run, as the service's start does. */
  const pressTrain = () => runWorkerTask<TrainingWorkerApi, 'train'>(trainingWorkerEntry, 'train', input, trainingTaskOptions(512), holder!.take(512)!);

  it('once a burst of plans has stopped, and the press takes what it read', async () => {
    holder = createReadyTrainingThread(READY_THREAD_IDLE_MS, 50);
    for (let i = 0; i < 5; i++) holder.prepare(512, input); // an import announcing batch after batch
    await holder.loaded();
    expect(holder.readAheadsSent()).toBe(1);
    const result = await pressTrain();
    expect(result.wordsReadAhead).toBe(true);
  }, 120_000);

  it('a press while the read-ahead runs waits for it and takes what it read', async () => {
    holder = createReadyTrainingThread(READY_THREAD_IDLE_MS, 1);
    holder.prepare(512, input);
    await eventually(() => expect(holder!.readAheadsSent()).toBe(1));
    const result = await pressTrain();
    expect(result.wordsReadAhead).toBe(true);
  }, 120_000);

  it('a press before the read-ahead has started drops it: the run reads the words itself', async () => {
    holder = createReadyTrainingThread(READY_THREAD_IDLE_MS, 60_000);
    holder.prepare(512, input);
    const result = await pressTrain();
    expect(result.wordsReadAhead).toBe(false);
    expect(holder.readAheadsSent()).toBe(0);
  }, 120_000);
});
