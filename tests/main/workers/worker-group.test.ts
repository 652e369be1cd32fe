// The one worker driver with real threads (test-only entry tests/workers/task-worker.ts), used the
// way the prediction threads use it: resident threads answering many requests, restarted on death.
import { afterEach, describe, expect, it } from 'vitest';
import { toRpcError } from '../../../main/rpc/app-error';
import { WorkerTaskError } from '../../../main/workers/worker-failure';
import { createWorkerGroup, type WorkerGroup, type WorkerGroupOptions } from '../../../main/workers/worker-group';
import { testWorkerEntry } from '../../workers/misbehaviour';
import type { TaskWorkerApi, TaskWorkerInput } from '../../workers/task-worker';

const entry = testWorkerEntry('task-worker.ts');
let group: WorkerGroup<TaskWorkerApi> | null = null;
const make = (options: Partial<WorkerGroupOptions<TaskWorkerApi>> = {}) => {
  const made = createWorkerGroup<TaskWorkerApi>(entry, { taskName: 'The test task', afterDeath: 'restarted', prefixTaskErrors: false, ...options });
  group = made;
  return {
    request: (input: TaskWorkerInput, requestOptions: { signal?: AbortSignal } = {}) => made.request('run', input, requestOptions),
    broadcast: (input: TaskWorkerInput) => made.broadcast('run', input),
    warm: () => made.warm(),
    threadsStarted: () => made.stats().threadsStarted,
    close: () => made.close(),
  };
};
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );

afterEach(async () => {
  await group?.close();
  group = null;
});

describe('createWorkerGroup', () => {
  it('answers many requests from one thread, each with its own result', async () => {
    const worker = make();
    const answers = await Promise.all([1, 2, 3, 10].map((upTo) => worker.request({ mode: 'count', upTo })));
    expect(answers).toEqual([1, 3, 6, 55]);
    expect(worker.threadsStarted()).toBe(1);
  });

  it('runs the setup on each new thread before its first request', async () => {
    let preludes = 0;
    const worker = make({
      setup: () => {
        preludes++;
        return [{ kind: 'run', input: { mode: 'count', upTo: 4 } }];
      },
    });
    expect(await worker.broadcast({ mode: 'count', upTo: 4 })).toEqual([10]);
    expect(preludes).toBe(1);
    expect(await worker.request({ mode: 'count', upTo: 2 })).toBe(3);
    expect(await worker.broadcast({ mode: 'count', upTo: 3 })).toEqual([6]);
    expect(preludes).toBe(1);
  });

  it('warm starts one thread ahead of the first request, which then runs on it', async () => {
    const worker = make();
    worker.warm();
    worker.warm();
    expect(worker.threadsStarted()).toBe(1);
    expect(await worker.request({ mode: 'count', upTo: 4 })).toBe(10);
    expect(worker.threadsStarted()).toBe(1);
  });

  it('warm resolves once its thread has loaded: the next request starts on it at once', async () => {
    const worker = make();
    await worker.warm();
    let started = false;
    const answer = group!.request('run', { mode: 'count', upTo: 3 }, { onStarted: () => (started = true) });
    // Called while sending, not on a later message: the thread had already said it was ready.
    expect(started).toBe(true);
    expect(await answer).toBe(6);
    expect(worker.threadsStarted()).toBe(1);
  });

  it('warm of a thread that dies loading resolves; the first request then fails with the reason', async () => {
    const missing = createWorkerGroup<TaskWorkerApi>(testWorkerEntry('no-such-worker.ts'), { taskName: 'The test task' });
    group = missing;
    await missing.warm();
    await expect(missing.request('run', { mode: 'count', upTo: 1 })).rejects.toThrow(
      /^The test task failed unexpectedly \(Cannot find module .*no-such-worker/,
    );
  });

  it('a failing request rejects with its message and the thread keeps serving', async () => {
    const worker = make();
    const failed = await settle(worker.request({ mode: 'fail' }));
    expect(failed).toMatchObject({ error: { message: 'the input has no usable text' } });
    expect(await worker.request({ mode: 'count', upTo: 3 })).toBe(6);
    expect(worker.threadsStarted()).toBe(1);
  });

  it('a thread that exits is reported with a sentence and replaced on the next request', async () => {
    const worker = make();
    const outcome = await settle(worker.request({ mode: 'misbehave', hook: 'exit' }));
    expect(outcome).toMatchObject({
      error: { message: 'The test task stopped unexpectedly (exit code 7) and was restarted; try again, and report this problem if it keeps happening.' },
    });
    expect((outcome as { error: Error }).error).toBeInstanceOf(WorkerTaskError);
    expect(await worker.request({ mode: 'count', upTo: 3 })).toBe(6);
    expect(worker.threadsStarted()).toBe(2);
  });

  it('a thread out of memory is reported as such', async () => {
    const worker = make({ maxOldGenerationSizeMb: 32 });
    const outcome = await settle(worker.request({ mode: 'misbehave', hook: 'outOfMemory' }));
    expect(outcome).toMatchObject({ error: { kind: 'out_of_memory', message: expect.stringMatching(/^The test task ran out of memory \(limit 32 MB\)/) } });
  });

  it('a request over its deadline stops the thread', async () => {
    const worker = make({ requestTimeoutMs: 300 });
    const outcome = await settle(worker.request({ mode: 'spin' }));
    expect(outcome).toMatchObject({ error: { kind: 'timeout', message: expect.stringMatching(/took longer than 0\.3 seconds/) } });
    expect(await worker.request({ mode: 'count', upTo: 1 })).toBe(1);
  });

  it('a deadline passed while this thread was busy still takes the ready and the answer already waiting', async () => {
    // A training thread reads for minutes without turning its event loop; its second thread starts
    // and answers meanwhile. Both deadlines below fall inside the blocked stretch.
    const beats = new SharedArrayBuffer(4);
    const counter = new Int32Array(beats);
    const worker = make({ startupAllowanceMs: 100, requestTimeoutMs: 100, workerData: { beats } });
    const blockUntilAnswered = (answers: number) => {
      const started = performance.now();
      // The answer is posted before the counter moves; the extra 300 ms put both deadlines behind us.
      while (Atomics.load(counter, 0) < answers) {
        if (performance.now() - started > 120_000) throw new Error('The worker never answered.');
        Atomics.wait(counter, 0, Atomics.load(counter, 0), 100);
      }
      const answeredAt = performance.now();
      while (performance.now() - answeredAt < 300);
    };
    const first = settle(worker.request({ mode: 'count', upTo: 3 }));
    blockUntilAnswered(1);
    expect(await first).toEqual({ value: 6 });
    const second = settle(worker.request({ mode: 'count', upTo: 4 }));
    blockUntilAnswered(2);
    expect(await second).toEqual({ value: 10 });
    expect(worker.threadsStarted()).toBe(1);
  });

  it('an aborted request rejects at once and stops in the thread, which serves the next one; close rejects the rest', async () => {
    const worker = make();
    const controller = new AbortController();
    const aborted = settle(worker.request({ mode: 'heartbeat' }, { signal: controller.signal }));
    controller.abort();
    expect(await aborted).toMatchObject({ error: { name: 'AbortError' } });
    // The heartbeat runs until its signal aborts: an answer here proves the cancel reached the thread.
    expect(await worker.request({ mode: 'count', upTo: 2 })).toBe(3);
    expect(worker.threadsStarted()).toBe(1);
    const pending = settle(worker.request({ mode: 'spin' }));
    await worker.close();
    expect(await pending).toMatchObject({ error: { name: 'AbortError', message: 'The test task has stopped.' } });
    expect(await settle(worker.request({ mode: 'count', upTo: 1 }))).toMatchObject({ error: { name: 'AbortError' } });
  });

  it("keeps an AppError's code across the thread: a refusal stays a refusal, not a failure", async () => {
    const worker = make();
    const refused = (await settle(worker.request({ mode: 'refuse' }))) as { error: Error };
    expect(refused.error).toBeInstanceOf(WorkerTaskError);
    expect(toRpcError(refused.error)).toEqual({ code: 'bad_input', message: 'The resume has no usable text once personal data is masked.' });
    // A plain error is still a failure.
    expect(toRpcError(((await settle(worker.request({ mode: 'fail' }))) as { error: Error }).error)).toMatchObject({ code: 'failed' });
  });

  it('with one request per thread, queues the rest and gives each a thread of its own', async () => {
    const worker = make({ size: 2, requestsPerThread: 1 });
    const answers = await Promise.all([1, 2, 3, 4, 5].map((upTo) => worker.request({ mode: 'count', upTo })));
    expect(answers).toEqual([1, 3, 6, 10, 15]);
    expect(worker.threadsStarted()).toBe(2);
  });
});
