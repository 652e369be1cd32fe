/**
 * One turn at a time for the main thread's writes to the studio database. A labelling action on a
 * worker's connection (the curation thread) holds SQLite's write lock for as long as it runs; a
 * write started on the main thread meanwhile would wait for that lock inside SQLite, synchronously,
 * freezing the event loop (and fail after the busy timeout). Writes queued here wait their turn as
 * promises instead. Plain Node; shared by curation, labelling, import and training through the core.
 */

/** Runs writes one after another, each once the previous has settled (a failure does not stop the queue). */
export interface WriteQueue {
  run<T>(work: () => T | Promise<T>): Promise<T>;
  /** Resolves once every write queued so far has settled. */
  idle(): Promise<void>;
}

/** Creates an empty queue. */
export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(work) {
      const turn = tail.then(work);
      tail = turn.catch(() => undefined);
      return turn;
    },
    idle() {
      return tail.then(() => undefined);
    },
  };
}
