/**
 * A training run's second thread. While the run's thread reads the words of every resume, a thread
 * on the training worker's own entry screens the snapshot and groups duplicates (screen-task.ts); then,
 * for the rest of the run, a fresh thread takes classes of every SVM fit (ml's
 * svm-class-sharing.ts), so on a two-core machine the fits take about half the time. Fresh, because
 * the screening thread's heap is full of what it no longer needs, and the helper's own entry is
 * small (class-helper-worker.ts); it loads while the run builds its first matrices. Both are closed
 * when the run ends. Plain Node.
 */
import type { ClassHelper } from '../../ml/index';
import { createWorkerGroup } from '../workers/worker-group';
import type { PrecomputedInputs } from './run-training';
import type { ClassHelperWorkerApi } from './class-helper-worker';
import type { ScreenTaskInput, ScreenTaskResult, ScreenWorkerApi } from './screen-task';
import type { TrainTaskInput } from './train-task';
import { classHelperWorkerEntry, trainingWorkerEntry } from './worker-entry';

/** What the screening task reads: the snapshot as this run reads it. */
export const screenInputOf = (input: TrainTaskInput): ScreenTaskInput => ({
  databasePath: input.databasePath,
  minDocumentsPerCategory: input.minDocumentsPerCategory,
  blind: input.params.blind === true,
});

/** A run's second thread: its screening answer, then a helper for the run's SVM fits while it lasts. */
export interface SecondThread {
  /** Its answer with the hash of what it read, or null when it failed (a cancel is passed on). */
  screening: Promise<ScreenTaskResult | null>;
  /** Takes classes of the run's SVM fits once screening has answered; declines every job after a failure. */
  classHelper: ClassHelper;
  /** How many classes it solved, counted as its answers arrive (all of them once close has resolved). */
  classesSolved(): number;
  /** Resolves once the helper has answered every job offered so far (each answers within one pass after its fit ends). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** What a second thread skips: the screening when it is known already (a read-ahead's), the helper when no fit follows (the read-ahead itself). */
export interface SecondThreadOptions {
  screened?: ScreenTaskResult;
  helper?: boolean;
}

/**
 * Starts the screening thread now (none when `options.screened` is given) and the helper once screening has answered. The fits post their jobs from a
 * synchronous run (postMessage needs no turn of this thread's event loop); the helper's answers,
 * and any failure, are only read once the run is over, which is why a fit never waits on the helper
 * for long (see ml's svm-class-sharing.ts).
 */
export function startSecondThread(input: TrainTaskInput, signal?: AbortSignal, options: SecondThreadOptions = {}): SecondThread {
  const maxOldGenerationSizeMb = input.params.memoryLimitMb;
  const screener = createWorkerGroup<ScreenWorkerApi>(trainingWorkerEntry, { taskName: 'Screening the resumes', maxOldGenerationSizeMb });
  const helper = createWorkerGroup<ClassHelperWorkerApi>(classHelperWorkerEntry, { taskName: 'The helper training thread', maxOldGenerationSizeMb });
  let isHelping = false;
  let solved = 0;
  const help = options.helper !== false;
  const screened = options.screened ? Promise.resolve(options.screened) : screener.request('screen', screenInputOf(input), { signal, onAbort: 'terminate' });
  const screening = screened.then(
    (result) => {
      void screener.close();
      if (help) void helper.warm();
      isHelping = help;
      return result;
    },
    (error: unknown) => {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      return null;
    },
  );
  // A run that fails before it awaits the screening must not leave its rejection unhandled.
  screening.catch(() => undefined);
  const answers: Promise<unknown>[] = [];
  const classHelper: ClassHelper = {
    offer(job) {
      if (!isHelping) return false;
      answers.push(
        helper.request('solveClasses', job).then(
          (count) => (solved += count),
          () => (isHelping = false),
        ),
      );
      return true;
    },
    giveUp: () => (isHelping = false),
  };
  const settled = async () => void (await Promise.all(answers));
  return {
    screening,
    classHelper,
    classesSolved: () => solved,
    settled,
    async close() {
      isHelping = false;
      // Every job is stopped by now; the helper answers each within one pass over its rows (the count of
      // classes it solved). A helper that never answers is not waited for past a second.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([settled(), new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
      clearTimeout(timer);
      await Promise.all([screener.close(), helper.close()]);
    },
  };
}

/**
 * Screening and duplicate groups from a second worker thread (see screen-task.ts), or none when it
 * read other data or failed: runTraining then does that work itself. A cancel is passed on.
 */
export async function screenInSecondThread(input: TrainTaskInput, snapshotHash: string, signal?: AbortSignal): Promise<PrecomputedInputs> {
  const second = startSecondThread(input, signal);
  try {
    const result = await second.screening;
    return result?.hash === snapshotHash ? { screened: result.screened, groups: result.groups } : {};
  } finally {
    await second.close();
  }
}
