/**
 * Test-only task worker for the worker group's tests: counts with progress, or misbehaves on request
 * (spins, beats forever, exhausts its heap, exits, throws outside the handler, fails, refuses with an
 * AppError). Started through main/workers/spawn.ts.
 */
import { workerData } from 'node:worker_threads';
import { AppError } from '../../main/rpc/app-error';
import { serveWorker } from '../../main/workers/serve-worker';
import { misbehave, testHookNames } from './misbehaviour';

/** What a test asks the worker to do. */
export type TaskWorkerInput =
  { mode: 'count'; upTo: number } | { mode: 'spin' | 'heartbeat' | 'fail' | 'refuse' } | { mode: 'misbehave'; hook: keyof typeof testHookNames };

/** The test worker's interface: one request kind. */
export type TaskWorkerApi = { run: { input: TaskWorkerInput; result: number; progress: number } };

/** Shared with the test: the worker adds one per heartbeat, so the test can see it stop. */
const beats = (workerData as { beats?: SharedArrayBuffer } | undefined)?.beats;

serveWorker<TaskWorkerApi>({
  async run(input, { progress, signal }) {
    switch (input.mode) {
      case 'count': {
        let sum = 0;
        for (let i = 1; i <= input.upTo; i++) {
          sum += i;
          progress(i);
        }
        // After the answer is posted (this timer runs once the handler's result has gone), tell a test
        // whose thread is blocked and cannot see messages that one is waiting for it.
        if (beats) setTimeout(() => Atomics.add(new Int32Array(beats), 0, 1), 0);
        return sum;
      }
      case 'spin':
        progress(0);
        for (;;);
      case 'heartbeat':
        for (let i = 0; !signal.aborted; i++) {
          if (beats) Atomics.add(new Int32Array(beats), 0, 1);
          progress(i);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return -1;
      case 'fail':
        throw new Error('the input has no usable text');
      case 'refuse':
        throw new AppError('bad_input', 'The resume has no usable text once personal data is masked.');
      case 'misbehave':
        misbehave(testHookNames[input.hook]);
        // The uncaught throw happens on the next turn; stay busy until it does.
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        return -1;
    }
  },
});
