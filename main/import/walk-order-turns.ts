/**
 * Turns in walk order for work the import lanes do out of order. Several lanes read files at once,
 * and under load a later file's bytes can be read first; a step that must happen in walk order (who
 * is the first of two identical files) waits for its turn. A turn's `after` resolves once every
 * earlier turn is released, and releasing never waits, so a lane that finished its ordered step goes
 * on parsing while later files wait only for that step. Plain Node; used by the import runner.
 */

/** One unit's place in the order. */
export interface Turn {
  /** Resolves when every earlier turn has been released. */
  after: Promise<void>;
  /** Ends this turn's ordered step; safe to call more than once, and before `after` resolves. */
  release(): void;
}

/** Hands out turns in the order `next` is called. */
export function createTurns(): { next(): Turn } {
  let previous: Promise<void> = Promise.resolve();
  return {
    next() {
      const after = previous;
      let release!: () => void;
      const own = new Promise<void>((resolve) => (release = resolve));
      previous = after.then(() => own);
      return { after, release };
    },
  };
}
