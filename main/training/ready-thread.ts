/**
 * A training thread started before the Train button is pressed. Loading the training worker (its
 * bundle, SQLite's native binding, then opening the database) took 0.19–0.28 s of a 2.4k-resume run
 * of ~3.5 s, every press, before the first resume was read; reading the words of every resume took
 * 1.3–1.7 s more. The Train page asks for the plan when it opens and after every run; the service
 * then readies a thread here, which also reads the next run's words ahead (read-ahead.ts) once the
 * plan has stopped changing for READ_AHEAD_DELAY_MS, and the next press takes it.
 * A thread is started with its heap limit, so one readied under another limit is not taken (and a
 * new plan replaces it). Unused for `idleMs`, it is let go; once loaded and idle, it never keeps the
 * process alive (worker-group.ts unrefs a loaded thread with no request). Plain Node.
 */
import { createTaskGroup, type RunTaskOptions } from '../workers/run-task';
import type { WorkerGroup } from '../workers/worker-group';
import type { TrainTaskInput } from './train-task';
import type { TrainingWorkerApi } from './training-worker';
import { trainingWorkerEntry } from './worker-entry';

/** The options of a training thread under a heap limit: the same for a readied thread and one started on the press. */
export const trainingTaskOptions = (memoryLimitMb: number): RunTaskOptions<unknown> => ({
  taskName: 'Training',
  maxOldGenerationSizeMb: memoryLimitMb,
  outOfMemoryAdvice: 'Raise the memory limit under Advanced, or exclude some documents.',
});

/** Ten minutes: long enough to read a plan and press Train, short enough not to hold a thread (and the words it read) for a session that has moved on. */
export const READY_THREAD_IDLE_MS = 10 * 60_000;

/**
 * Above this many usable documents the plan does not read ahead: the words of 20k resumes are about
 * 160 MB held while the page is open, and past that a run's own reading is a small part of its time.
 */
export const READ_AHEAD_MAX_DOCUMENTS = 20_000;

/**
 * A plan refreshes on every change of the data (an import announces each batch): the words are read
 * once it has been still this long, not once per batch.
 */
export const READ_AHEAD_DELAY_MS = 1000;

interface ReadyThread {
  group: WorkerGroup<TrainingWorkerApi>;
  memoryLimitMb: number;
  idleTimer: NodeJS.Timeout;
  loaded: Promise<void>;
  /** The read-ahead asked for and not started yet (its delay is running, or one is in flight). */
  wanted: TrainTaskInput | null;
  delayTimer: NodeJS.Timeout | null;
  inFlight: Promise<void> | null;
  /** Called whenever a read-ahead starts or ends, or the thread is taken or let go (what `loaded` waits on). */
  wakers: (() => void)[];
}

/** Holds at most one readied training thread; see the file header. */
export function createReadyTrainingThread(idleMs = READY_THREAD_IDLE_MS, readAheadDelayMs = READ_AHEAD_DELAY_MS) {
  let ready: ReadyThread | null = null;
  let readAheadsSent = 0;

  const wake = (r: ReadyThread) => r.wakers.splice(0).forEach((resolve) => resolve());

  /** Sends the wanted read-ahead unless one is in flight (it is sent once that one ends). */
  const startReadAhead = (r: ReadyThread) => {
    r.delayTimer = null;
    if (r.inFlight || !r.wanted) return wake(r);
    const input = r.wanted;
    r.wanted = null;
    readAheadsSent++;
    // A read-ahead that fails (the thread died, the data folder went away) leaves the run to read everything itself.
    r.inFlight = r.group.request('readAhead', input).then(
      () => undefined,
      () => undefined,
    );
    void r.inFlight.then(() => {
      r.inFlight = null;
      if (r.wanted && !r.delayTimer) startReadAhead(r);
      else wake(r);
    });
    wake(r);
  };

  /** Stops holding the readied thread (taken or let go): its timers and any read-ahead not yet sent are dropped. */
  const detach = (r: ReadyThread): WorkerGroup<TrainingWorkerApi> => {
    ready = null;
    clearTimeout(r.idleTimer);
    if (r.delayTimer) clearTimeout(r.delayTimer);
    r.delayTimer = null;
    r.wanted = null;
    wake(r);
    return r.group;
  };

  const release = (): Promise<void> => (ready ? detach(ready).close() : Promise.resolve());

  return {
    /**
     * Starts a thread under this heap limit unless one is ready under it (replacing one under another
     * limit); with `readAhead`, that thread reads the words of the run it describes once the plan has been still for a moment.
     */
    prepare(memoryLimitMb: number, readAhead: TrainTaskInput | null = null): void {
      if (ready?.memoryLimitMb !== memoryLimitMb) {
        void release();
        const group = createTaskGroup<TrainingWorkerApi>(trainingWorkerEntry, trainingTaskOptions(memoryLimitMb));
        const idleTimer = setTimeout(() => void release(), idleMs);
        idleTimer.unref();
        ready = { group, memoryLimitMb, idleTimer, loaded: group.warm(), wanted: null, delayTimer: null, inFlight: null, wakers: [] };
      }
      const r = ready!;
      if (!readAhead) return;
      r.wanted = readAhead;
      if (r.delayTimer) clearTimeout(r.delayTimer);
      r.delayTimer = setTimeout(() => startReadAhead(r), readAheadDelayMs);
    },
    /**
     * Resolves once the readied thread has loaded (or failed to: the run then says why) and has read
     * ahead what was asked; at once when none is readied.
     */
    async loaded(): Promise<void> {
      const r = ready;
      if (!r) return;
      await r.loaded;
      while (ready === r && (r.delayTimer || r.inFlight)) await new Promise<void>((resolve) => r.wakers.push(resolve));
    },
    /**
     * The readied thread if it was started under this heap limit (it is then the caller's to close),
     * else null. A read-ahead still waiting for its delay is dropped (the run reads the words itself);
     * one in flight is finished first by the thread, and the run takes what it read.
     */
    take(memoryLimitMb: number): WorkerGroup<TrainingWorkerApi> | null {
      return ready?.memoryLimitMb === memoryLimitMb ? detach(ready) : null;
    },
    /** How many read-aheads were sent to readied threads (a burst of plans sends one). */
    readAheadsSent: (): number => readAheadsSent,
    /** True while a thread is readied and not yet taken. */
    isHolding: (): boolean => ready !== null,
    /** Lets the readied thread go. */
    close: release,
  };
}
