/**
 * The one message protocol between the main thread and a worker: a discriminated union with a
 * sequence number, so a late answer is never taken for the current one. A worker's interface is a
 * `WorkerApi`: one entry per request kind with its input, result and progress, so each request's
 * answer is typed by its kind on both sides (Signal Desktop's SQL worker has the same shape). Plain
 * data only (it crosses postMessage). Imported by the worker group, the worker-side helper and the
 * worker entries' task modules.
 */
import type { RpcError } from '../../preload/contract';

/** A worker's interface: for each request kind, what it takes, answers and reports while it runs. */
export type WorkerApi = Record<string, { input: unknown; result: unknown; progress: unknown }>;

/** One request to a worker of `Api`: its kind and that kind's input. */
export type WorkerRequest<Api extends WorkerApi> = { [K in keyof Api & string]: { kind: K; input: Api[K]['input'] } }[keyof Api & string];

/**
 * An error as it crosses a thread: its class name, message and, when it is an expected failure with
 * a code (an AppError), that code, so a refusal stays a refusal on the other side. Never a stack.
 */
export interface WorkerErrorData {
  name: string;
  message: string;
  code?: RpcError['code'];
}

/** Main thread → worker: run a request, or stop the one with this sequence number. */
export type ToWorker<Api extends WorkerApi> = ({ type: 'request'; seq: number } & WorkerRequest<Api>) | { type: 'cancel'; seq: number };

/** Worker → main thread: ready once loaded, then progress and exactly one result or error per request. */
export type FromWorker<Api extends WorkerApi> =
  | { type: 'ready' }
  | { type: 'progress'; seq: number; progress: Api[keyof Api]['progress'] }
  | { type: 'result'; seq: number; result: Api[keyof Api]['result'] }
  | { type: 'error'; seq: number; error: WorkerErrorData };

const rpcCodes: ReadonlySet<string> = new Set<RpcError['code']>(['bad_input', 'unknown_method', 'not_found', 'conflict', 'failed', 'cancelled', 'forbidden']);

/** Anything thrown, as data that can cross a thread (an AppError's code included). */
export function toWorkerErrorData(error: unknown): WorkerErrorData {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && rpcCodes.has(code)
    ? { name: error.name, message: error.message, code: code as RpcError['code'] }
    : { name: error.name, message: error.message };
}
