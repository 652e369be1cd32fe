/**
 * The one message protocol between the main thread and a task worker, a discriminated union with
 * a sequence number so a late answer is never taken for the current one. Plain data only (it
 * crosses postMessage). Imported by the runner, the worker-side helper and the parse pool.
 */

/** An error as it crosses a thread: its class name and message, never a stack a user sees. */
export interface WorkerErrorData {
  name: string;
  message: string;
}

/** Main thread → worker: run a task, or stop the one with this sequence number. */
export type ToWorker<Input> = { type: 'request'; seq: number; input: Input } | { type: 'cancel'; seq: number };

/** Worker → main thread: ready once loaded, then progress and exactly one result or error per request. */
export type FromWorker<Result, Progress = never> =
  | { type: 'ready' }
  | { type: 'progress'; seq: number; progress: Progress }
  | { type: 'result'; seq: number; result: Result }
  | { type: 'error'; seq: number; error: WorkerErrorData };

/** Anything thrown, as data that can cross a thread. */
export function toWorkerErrorData(error: unknown): WorkerErrorData {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
