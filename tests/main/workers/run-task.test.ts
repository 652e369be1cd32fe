// The task runner with real worker threads (test-only entry tests/workers/task-worker.ts).
import { describe, expect, it } from 'vitest';
import { runWorkerTask, WorkerTaskError, type RunTaskOptions } from '../../../main/workers/run-task';
import { testWorkerEntry } from '../../workers/misbehaviour';
import type { TaskWorkerApi, TaskWorkerInput } from '../../workers/task-worker';

const entry = testWorkerEntry('task-worker.ts');
const run = (input: TaskWorkerInput, options: Partial<RunTaskOptions<number>> = {}) =>
  runWorkerTask<TaskWorkerApi, 'run'>(entry, 'run', input, { taskName: 'The test task', ...options });
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runWorkerTask', () => {
  it('says when the worker has started, delivers progress in order, then the result', async () => {
    const seen: (number | 'started')[] = [];
    expect(await run({ mode: 'count', upTo: 50 }, { onStarted: () => seen.push('started'), onProgress: (p) => seen.push(p) })).toBe(1275);
    expect(seen).toEqual(['started', ...Array.from({ length: 50 }, (_, i) => i + 1)]);
  });

  it('abort terminates a worker stuck in a synchronous loop', async () => {
    const controller = new AbortController();
    let sawProgress!: () => void;
    const started = new Promise<void>((resolve) => (sawProgress = resolve));
    const running = settle(run({ mode: 'spin' }, { signal: controller.signal, onProgress: () => sawProgress() }));
    await started;
    controller.abort();
    // The loop never yields, so only terminate() can end it: settling at all is the proof.
    expect(await running).toMatchObject({ error: { name: 'AbortError', message: 'The test task was cancelled.' } });
  });

  it('after abort the worker really is gone: its heartbeat stops', async () => {
    const beats = new SharedArrayBuffer(4);
    const counter = new Int32Array(beats);
    const controller = new AbortController();
    let progressCount = 0;
    const running = settle(run({ mode: 'heartbeat' }, { signal: controller.signal, workerData: { beats }, onProgress: () => progressCount++ }));
    while (Atomics.load(counter, 0) < 3) await sleep(10);
    controller.abort();
    expect(((await running) as { error: Error }).error.name).toBe('AbortError');
    const beatsAtAbort = Atomics.load(counter, 0);
    const progressAtAbort = progressCount;
    await sleep(300);
    expect(Atomics.load(counter, 0)).toBe(beatsAtAbort);
    expect(progressCount).toBe(progressAtAbort);
  });

  it('with a stop grace, abort first asks the task to stop and settles as soon as it has', async () => {
    const beats = new SharedArrayBuffer(4);
    const counter = new Int32Array(beats);
    const controller = new AbortController();
    // A grace longer than the test's own timeout: settling proves the task stopped on request,
    // not that the grace ran out.
    const running = settle(run({ mode: 'heartbeat' }, { signal: controller.signal, workerData: { beats }, stopGraceMs: 3_600_000 }));
    while (Atomics.load(counter, 0) < 3) await sleep(10);
    controller.abort();
    expect(((await running) as { error: Error }).error.name).toBe('AbortError');
  });

  it('with a stop grace, a task that ignores the request is terminated when the grace ends', async () => {
    const controller = new AbortController();
    let sawProgress!: () => void;
    const started = new Promise<void>((resolve) => (sawProgress = resolve));
    const running = settle(run({ mode: 'spin' }, { signal: controller.signal, stopGraceMs: 300, onProgress: () => sawProgress() }));
    await started;
    const abortedAtMs = performance.now();
    controller.abort();
    // The spinning task never reads its signal: only the end of the grace can settle the run.
    expect(((await running) as { error: Error }).error.name).toBe('AbortError');
    // A lower bound only: a timer never fires early, however busy the machine.
    expect(performance.now() - abortedAtMs).toBeGreaterThanOrEqual(290);
  });

  it('a worker that exceeds its memory limit becomes a sentence', async () => {
    const outcome = await settle(run({ mode: 'misbehave', hook: 'outOfMemory' }, { maxOldGenerationSizeMb: 32, outOfMemoryAdvice: 'Nothing was changed.' }));
    expect((outcome as { error: Error }).error).toBeInstanceOf(WorkerTaskError);
    expect((outcome as { error: WorkerTaskError }).error).toMatchObject({
      kind: 'out_of_memory',
      message: 'The test task ran out of memory (limit 32 MB) and was stopped. Nothing was changed.',
    });
  });

  it.each([
    ['exit' as const, /^The test task stopped unexpectedly \(exit code 7\); try again/],
    ['throwUncaught' as const, /^The test task failed unexpectedly \(test hook: uncaught error\); try again/],
  ])('a crashed worker (%s) rejects with a sentence and the caller carries on', async (hook, message) => {
    const outcome = await settle(run({ mode: 'misbehave', hook }));
    expect((outcome as { error: WorkerTaskError }).error).toMatchObject({ kind: 'crashed', message: expect.stringMatching(message) });
    expect(await run({ mode: 'count', upTo: 3 })).toBe(6);
  });

  it("a task's own error is a failure naming the task", async () => {
    await expect(run({ mode: 'fail' })).rejects.toMatchObject({ kind: 'failed', message: 'The test task failed: the input has no usable text' });
  });

  it('a deadline stops the worker with a sentence', async () => {
    await expect(run({ mode: 'spin' }, { timeoutMs: 300 })).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/^The test task took longer than 0.3 seconds and was stopped/),
    });
  });

  it('an already aborted signal rejects without starting a worker', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(run({ mode: 'count', upTo: 1 }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
