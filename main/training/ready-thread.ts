/**
 * A training thread started before the Train button is pressed. Loading the training worker (its
 * bundle, SQLite's native binding, then opening the database) took 0.19–0.28 s of a 2.4k-resume run
 * of ~3.5 s, every press, before the first resume was read. The Train page asks for the plan when it
 * opens and after every run; the service then readies a thread here, and the next press takes it.
 * A thread is started with its heap limit, so one readied under another limit is not taken (and a
 * new plan replaces it). Unused for `idleMs`, it is let go; once loaded and idle, it never keeps the
 * process alive (worker-group.ts unrefs a loaded thread with no request). Plain Node.
 */
import { createTaskGroup, type RunTaskOptions } from '../workers/run-task';
import type { WorkerGroup } from '../workers/worker-group';
import type { TrainingWorkerApi } from './training-worker';
import { trainingWorkerEntry } from './worker-entry';

/** The options of a training thread under a heap limit: the same for a readied thread and one started on the press. */
export const trainingTaskOptions = (memoryLimitMb: number): RunTaskOptions<unknown> => ({
  taskName: 'Training',
  maxOldGenerationSizeMb: memoryLimitMb,
  outOfMemoryAdvice: 'Raise the memory limit under Advanced, or exclude some documents.',
});

/** Ten minutes: long enough to read a plan and press Train, short enough not to hold ~35 MB for a session that has moved on. */
export const READY_THREAD_IDLE_MS = 10 * 60_000;

/** Holds at most one readied training thread; see the file header. */
export function createReadyTrainingThread(idleMs = READY_THREAD_IDLE_MS) {
  let ready: { group: WorkerGroup<TrainingWorkerApi>; memoryLimitMb: number; timer: NodeJS.Timeout; loaded: Promise<void> } | null = null;

  const release = (): Promise<void> => {
    if (!ready) return Promise.resolve();
    const { group, timer } = ready;
    ready = null;
    clearTimeout(timer);
    return group.close();
  };

  return {
    /** Starts a thread under this heap limit unless one is ready under it (replacing one under another limit). */
    prepare(memoryLimitMb: number): void {
      if (ready?.memoryLimitMb === memoryLimitMb) return;
      void release();
      const group = createTaskGroup<TrainingWorkerApi>(trainingWorkerEntry, trainingTaskOptions(memoryLimitMb));
      const loaded = group.warm();
      const timer = setTimeout(() => void release(), idleMs);
      timer.unref();
      ready = { group, memoryLimitMb, timer, loaded };
    },
    /** Resolves once the readied thread has loaded (or failed to: the run then says why); at once when none is readied. */
    loaded: (): Promise<void> => ready?.loaded ?? Promise.resolve(),
    /** The readied thread if it was started under this heap limit (it is then the caller's to close), else null. */
    take(memoryLimitMb: number): WorkerGroup<TrainingWorkerApi> | null {
      if (ready?.memoryLimitMb !== memoryLimitMb) return null;
      const { group, timer } = ready;
      ready = null;
      clearTimeout(timer);
      return group;
    },
    /** True while a thread is readied and not yet taken. */
    isHolding: (): boolean => ready !== null,
    /** Lets the readied thread go. */
    close: release,
  };
}
