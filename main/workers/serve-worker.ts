/**
 * The worker side of the protocol: `serveWorker(handlers)` turns a module into a worker serving
 * one handler per request kind of its `WorkerApi`, so a worker entry is a few lines over functions
 * that do the work. Requests run one after another once `prepare` has finished; each gets
 * progress, an AbortSignal (a `cancel` message) and exactly one reply. A thrown AppError keeps its
 * code across the thread. Outside a worker thread it does nothing, so its module can be imported
 * for types.
 */
import { parentPort } from 'node:worker_threads';
import { toWorkerErrorData, type FromWorker, type ToWorker, type WorkerApi } from './protocol';

/** What a handler gets besides its input. */
export interface TaskContext<Progress> {
  /** Sends a progress message for this request. */
  progress(progress: Progress): void;
  /** Aborted when the caller cancels this request. */
  signal: AbortSignal;
}

/** The handlers of a worker: one per request kind, input → result, reporting progress. */
export type WorkerHandlers<Api extends WorkerApi> = {
  [K in keyof Api]: (input: Api[K]['input'], context: TaskContext<Api[K]['progress']>) => Promise<Api[K]['result']> | Api[K]['result'];
};

/** Options of a served worker. */
export interface ServeOptions {
  /** Loads what every request needs (e.g. parsers) before `ready` is sent and any request runs. */
  prepare?: () => Promise<unknown>;
}

/** Serves `handlers` on this worker thread's parent port. */
export function serveWorker<Api extends WorkerApi>(handlers: WorkerHandlers<Api>, options: ServeOptions = {}): void {
  const port = parentPort;
  if (!port) return;
  const post = (message: FromWorker<Api>) => port.postMessage(message);
  const controllers = new Map<number, AbortController>();
  // A failed prepare still answers `ready`: each request then fails on its own with a sentence.
  const ready = (options.prepare?.() ?? Promise.resolve()).catch(() => undefined).then(() => post({ type: 'ready' }));
  let queue: Promise<unknown> = ready;
  port.on('message', (message: ToWorker<Api>) => {
    if (message.type === 'cancel') {
      controllers.get(message.seq)?.abort();
      return;
    }
    const { seq, kind, input } = message;
    const controller = new AbortController();
    controllers.set(seq, controller);
    queue = queue.then(async () => {
      try {
        const handler = handlers[kind];
        if (!handler) throw new Error(`This worker has no "${String(kind)}" request.`);
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
