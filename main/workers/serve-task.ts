/**
 * The worker side of the protocol: `serveTask(handler)` turns a module into a task worker, so a
 * worker entry is a few lines over a function that does the work. Requests run one after another
 * once `prepare` has finished; each gets progress, an AbortSignal (a `cancel` message) and exactly
 * one reply. Outside a worker thread it does nothing, so its module can be imported for types.
 */
import { parentPort } from 'node:worker_threads';
import { toWorkerErrorData, type FromWorker, type ToWorker } from './protocol';

/** What a task handler gets besides its input. */
export interface TaskContext<Progress> {
  /** Sends a progress message for this request. */
  progress(progress: Progress): void;
  /** Aborted when the caller cancels this request. */
  signal: AbortSignal;
}

/** A task: input → result, reporting progress, stopping when its signal aborts. */
export type TaskHandler<Input, Result, Progress = never> = (input: Input, context: TaskContext<Progress>) => Promise<Result> | Result;

/** Options of a served task. */
export interface ServeOptions {
  /** Loads what every request needs (e.g. parsers) before `ready` is sent and any request runs. */
  prepare?: () => Promise<unknown>;
}

/** Serves `handler` on this worker thread's parent port. */
export function serveTask<Input, Result, Progress = never>(handler: TaskHandler<Input, Result, Progress>, options: ServeOptions = {}): void {
  const port = parentPort;
  if (!port) return;
  const post = (message: FromWorker<Result, Progress>) => port.postMessage(message);
  const controllers = new Map<number, AbortController>();
  // A failed prepare still answers `ready`: each request then fails on its own with a sentence.
  const ready = (options.prepare?.() ?? Promise.resolve()).catch(() => undefined).then(() => post({ type: 'ready' }));
  let queue: Promise<unknown> = ready;
  port.on('message', (message: ToWorker<Input>) => {
    if (message.type === 'cancel') {
      controllers.get(message.seq)?.abort();
      return;
    }
    const { seq, input } = message;
    const controller = new AbortController();
    controllers.set(seq, controller);
    queue = queue.then(async () => {
      try {
        const result = await handler(input, { progress: (progress) => post({ type: 'progress', seq, progress }), signal: controller.signal });
        post({ type: 'result', seq, result });
      } catch (error) {
        post({ type: 'error', seq, error: toWorkerErrorData(error) });
      } finally {
        controllers.delete(seq);
      }
    });
  });
}
