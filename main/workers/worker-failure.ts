/**
 * How a worker request can fail, as data (`WorkerFailure`), and the error it rejects with
 * (`WorkerTaskError`, an AppError: an expected failure the UI shows as a sentence). Each use of the
 * worker group words failures its own way (a parse pool turns them into file statuses); the
 * default wording is here. Plain Node.
 */
import { AppError } from '../rpc/app-error';
import type { WorkerErrorData } from './protocol';

/** What went wrong with a request. */
export type WorkerFailure =
  /** The request overran its deadline (counted from the thread's `ready`) and the thread was stopped. */
  | { kind: 'timeout'; timeoutMs: number }
  /** The thread exceeded its heap limit (`beforeReady` when it did so while loading). */
  | { kind: 'out_of_memory'; limitMb: number | null; beforeReady: boolean }
  /** The thread died: `detail` is its error's message, or "exit code N"; `beforeReady` when it never finished loading. */
  | { kind: 'crashed'; detail: string; beforeReady: boolean }
  /** The thread could not be created, or did not finish loading within its allowance. */
  | { kind: 'start_failed'; detail: string; allowanceMs: number | null }
  /** The request's own code threw (a code, when it was an AppError). */
  | { kind: 'failed'; error: WorkerErrorData };

/** A request that did not produce its result; the message is written for the user. */
export class WorkerTaskError extends AppError {
  override name = 'WorkerTaskError';
  constructor(
    readonly failure: WorkerFailure,
    message: string,
  ) {
    // A refusal the task made on purpose keeps its code (bad_input stays bad_input); the rest failed.
    super(failure.kind === 'failed' ? (failure.error.code ?? 'failed') : 'failed', message);
  }

  /** The failure's kind, for callers that react differently (e.g. offer less data after out_of_memory). */
  get kind(): WorkerFailure['kind'] {
    return this.failure.kind;
  }
}

/** How the default wording ends a sentence about a dead thread, and what it advises. */
export interface FailureWording {
  /** Names the work, e.g. "Training". */
  taskName: string;
  /** What happened to the thread: a one-shot task's was stopped, a resident one's restarted. */
  afterDeath?: 'stopped' | 'restarted';
  /** Appended to the out-of-memory sentence: what the user can do about it. */
  outOfMemoryAdvice?: string;
  /** For a task's own error without a code: prefix it with "<task> failed: " (default) or pass it as is. */
  prefixTaskErrors?: boolean;
}

const retryAdvice = 'try again, and report this problem if it keeps happening.';

/** The default sentence for `failure`. */
export function describeFailure(failure: WorkerFailure, wording: FailureWording): string {
  const { taskName } = wording;
  const restarted = wording.afterDeath === 'restarted';
  switch (failure.kind) {
    case 'timeout':
      return `${taskName} took longer than ${Math.round(failure.timeoutMs / 100) / 10} seconds and was stopped; ${retryAdvice}`;
    case 'out_of_memory': {
      const limit = failure.limitMb ? ` (limit ${failure.limitMb} MB)` : '';
      if (restarted) return `${taskName} ran out of memory${limit} and was restarted; ${retryAdvice}`;
      return `${taskName} ran out of memory${limit} and was stopped. ${wording.outOfMemoryAdvice ?? 'Try again with less data.'}`;
    }
    case 'crashed': {
      const isExit = failure.detail.startsWith('exit code ');
      const what = isExit ? `stopped unexpectedly (${failure.detail})` : `failed unexpectedly (${failure.detail})`;
      return `${taskName} ${what}${restarted ? ' and was restarted' : ''}; ${retryAdvice}`;
    }
    case 'start_failed':
      return failure.allowanceMs === null
        ? `${taskName} could not start (${failure.detail}); reinstall the app or report this problem.`
        : `${taskName} could not start within ${failure.allowanceMs / 1000} seconds; ${retryAdvice}`;
    case 'failed':
      // An AppError's message is already a sentence for the user.
      if (failure.error.code || wording.prefixTaskErrors === false) return failure.error.message;
      return `${taskName} failed: ${failure.error.message}`;
  }
}

/** The error an aborted request (or one pending when its group closes) rejects with. */
export function abortError(message: string): Error {
  return Object.assign(new Error(message), { name: 'AbortError' });
}
