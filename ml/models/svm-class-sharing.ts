/**
 * A one-vs-rest solve shared with a second thread. The classes of a fit are independent problems
 * (each depends only on X, y, the scale and its own seed: linear-svm.ts), so two threads can take
 * them in turn from a board in shared memory and the weights are the same numbers, byte for byte,
 * as one thread solving them in order. On a two-core machine the SVM fits of a training run (the
 * inner cross-validation's, the holdout model's, the final model's) take about half the time.
 *
 * The fitting thread copies X, y and the scale into SharedArrayBuffers, offers the job to a helper
 * (main/ posts it to another worker thread) and takes classes itself. The helper may start late,
 * never, or die: when no class has finished for a while, the fitting thread stops the helper's
 * work and solves what is left itself, so a fit never waits on it for long. Pure TypeScript:
 * SharedArrayBuffer and Atomics, nothing of Node's.
 */
import type { CsrMatrix } from '../features/csr';
import { throwIfAborted } from './estimator';
import {
  classScratch,
  solveClass,
  svmProblem,
  type ClassScratch,
  type SvmProblem,
  type SvmSolution,
  type SvmSolveOptions,
  type SvmSolverParams,
} from './linear-svm';

/** A fit as it crosses to the helper thread: every array on shared memory (postMessage shares, not copies, them). */
export interface SharedSvmJob {
  /** The fit's problem, its X, y and scale copied to shared memory. */
  problem: SvmProblem;
  /** Feature-major weights, column k written by whichever thread solved class k. */
  weights: Float64Array;
  bias: Float64Array;
  epochs: Int32Array;
  losses: Float64Array;
  /** [next class to take, classes finished, stop flag, then one state per class: 0 free, 1 taken, 2 done]. */
  board: Int32Array;
}

/** Another thread that can take classes of a fit. */
export interface ClassHelper {
  /** Hands `job` to the other thread; false when it cannot take one (the fit then runs on this thread alone). */
  offer(job: SharedSvmJob): boolean;
  /** Called when the other thread finished no class for the stall limit: offer no more work to it. */
  giveUp(): void;
}

const NEXT = 0;
const FINISHED = 1;
const STOP = 2;
const STATE = 3;
const FREE = 0;
const TAKEN = 1;
const DONE = 2;

/** How long no class may finish, at least, before the fitting thread solves the helper's classes itself. */
export const HELPER_STALL_MS = 2000;

function sharedCopy<T extends Int32Array | Float32Array | Float64Array>(source: T): T {
  const Kind = source.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
  const copy = new Kind(new SharedArrayBuffer(source.length * Kind.BYTES_PER_ELEMENT));
  copy.set(source as never);
  return copy;
}

const sharedFloat64 = (length: number) => new Float64Array(new SharedArrayBuffer(length * 8));

/** The job of a fit: its inputs copied to shared memory and empty shared outputs. */
export function sharedJobOf(problem: SvmProblem): SharedSvmJob {
  const { X, nClasses: K } = problem;
  return {
    problem: {
      ...problem,
      X: { rows: X.rows, cols: X.cols, indptr: sharedCopy(X.indptr), indices: sharedCopy(X.indices), values: sharedCopy(X.values) },
      y: sharedCopy(problem.y),
      featureScale: problem.featureScale ? sharedCopy(problem.featureScale) : null,
    },
    weights: sharedFloat64(X.cols * K),
    bias: sharedFloat64(K),
    epochs: new Int32Array(new SharedArrayBuffer(K * 4)),
    losses: sharedFloat64(K),
    board: new Int32Array(new SharedArrayBuffer((STATE + K) * 4)),
  };
}

/** Takes the next free class, or returns -1 when every class has been taken. */
function takeClass(job: SharedSvmJob): number {
  for (;;) {
    const k = Atomics.add(job.board, NEXT, 1);
    if (k >= job.problem.nClasses) return -1;
    // Free unless the fitting thread, taking over from a stalled helper, already solved it.
    if (Atomics.compareExchange(job.board, STATE + k, FREE, TAKEN) === FREE) return k;
  }
}

/**
 * Solves class k of the job and marks it done: the weights are written before the mark, and a
 * thread reads them only after seeing it. A class solved twice (a takeover racing a late helper)
 * is written twice with the same numbers and counted once.
 */
function solveInto(job: SharedSvmJob, k: number, scratch: ClassScratch, shouldStop?: () => boolean): boolean {
  const outcome = solveClass(job.problem, k, scratch, job.weights, shouldStop);
  if (!outcome) return false;
  job.bias[k] = outcome.bias;
  job.epochs[k] = outcome.epochs;
  job.losses[k] = outcome.meanSquaredHinge;
  if (Atomics.exchange(job.board, STATE + k, DONE) !== DONE) {
    Atomics.add(job.board, FINISHED, 1);
    Atomics.notify(job.board, FINISHED);
  }
  return true;
}

/** The helper's side: takes classes until none is left or the fitting thread says stop; returns how many it solved. */
export function helpWithClasses(job: SharedSvmJob): number {
  const stopped = () => Atomics.load(job.board, STOP) === 1;
  let scratch: ClassScratch | null = null;
  let solved = 0;
  while (!stopped()) {
    const k = takeClass(job);
    if (k < 0) break;
    scratch ??= classScratch(job.problem);
    if (solveInto(job, k, scratch, stopped)) solved++;
  }
  return solved;
}

/**
 * fitOneVsRestSvm with a helper thread taking classes: the same solution, or null when the helper
 * declines the job (the caller then solves alone). Progress (`onClass`) is reported in class order.
 */
export function fitSharingClasses(
  X: CsrMatrix,
  y: Int32Array,
  nClasses: number,
  params: SvmSolverParams,
  options: SvmSolveOptions & { helper: ClassHelper; stallMs?: number },
): SvmSolution | null {
  const problem = svmProblem(X, y, nClasses, params, options);
  const job = sharedJobOf(problem);
  if (!options.helper.offer(job)) return null;
  const K = nClasses;
  const scratch = classScratch(job.problem);
  let reported = 0;
  const reportFinished = () => {
    for (; reported < K && Atomics.load(job.board, STATE + reported) === DONE; reported++) options.onClass?.(reported, job.losses[reported]!);
  };
  let slowestMs = 0;
  try {
    for (;;) {
      throwIfAborted(options.signal);
      const k = takeClass(job);
      if (k < 0) break;
      const started = Date.now();
      solveInto(job, k, scratch);
      slowestMs = Math.max(slowestMs, Date.now() - started);
      reportFinished();
    }
    // Wait for the helper's classes; if none finishes for the stall limit, solve the rest here.
    const stallMs = Math.max(options.stallMs ?? HELPER_STALL_MS, 4 * slowestMs);
    let finished = Atomics.load(job.board, FINISHED);
    let since = Date.now();
    while (finished < K) {
      Atomics.wait(job.board, FINISHED, finished, 20);
      reportFinished();
      const now = Atomics.load(job.board, FINISHED);
      if (now !== finished) {
        finished = now;
        since = Date.now();
      } else if (Date.now() - since > stallMs) {
        Atomics.store(job.board, STOP, 1);
        options.helper.giveUp();
        for (let k = 0; k < K; k++) {
          throwIfAborted(options.signal);
          if (Atomics.load(job.board, STATE + k) !== DONE) solveInto(job, k, scratch);
          reportFinished();
        }
        break;
      }
    }
    reportFinished();
  } finally {
    Atomics.store(job.board, STOP, 1);
  }
  let epochs = 0;
  for (let k = 0; k < K; k++) epochs += job.epochs[k]!;
  // Plain copies: the model keeps no shared memory.
  return { weights: Float64Array.from(job.weights), bias: Float64Array.from(job.bias), nFeatures: X.cols, nClasses: K, epochs };
}
