/**
 * One importing process per data folder. The app, the browser bridge and the CLI can all open the
 * same folder; the lock keeps a second process from resuming, or marking as interrupted, a job that
 * another live process is still running. It is a row claimed in a SQLite write transaction (atomic
 * across processes, unlike a check-then-write file) naming the owner's pid and start time, so a
 * crashed owner's lock, or one whose pid now belongs to an unrelated program, is taken over.
 * Plain Node.
 */
import os from 'node:os';
import { AppError } from '../rpc/app-error';
import type { Db } from '../store/database';
import { createImportLockRepo, type LockHolder } from '../store/import-lock-repo';
import { currentProcess, lockHolderState } from './process-identity';

/** The lock's interface, so the service can be built without one in tests. */
export interface ImportLock {
  /**
   * Takes the lock or throws a conflict naming the process that holds it. Returns a sentence when
   * it replaced a stale lock (its owner gone, or its pid reused by another program), else null.
   */
  acquire(): string | null;
  release(): void;
  /** True when another live process holds the lock. */
  isHeldByOther(): boolean;
}

type HolderState = 'free' | 'mine' | 'running' | 'gone' | 'pid_reused' | 'other_host';

/** Creates the lock for the data folder whose database is `db`. */
export function createImportLock(db: Db): ImportLock {
  const repo = createImportLockRepo(db);
  const me = { ...currentProcess(), hostName: os.hostname() };
  const stateOf = (holder: LockHolder | null): HolderState => {
    if (!holder) return 'free';
    // A process on another machine (a data folder on a shared drive) cannot be checked from here.
    if (holder.hostName !== me.hostName) return 'other_host';
    if (holder.pid === me.pid && holder.startTime === me.startTime) return 'mine';
    return lockHolderState(holder);
  };
  const isBlocking = (state: HolderState) => state === 'running' || state === 'other_host';
  return {
    isHeldByOther: () => isBlocking(stateOf(repo.holder())),
    acquire() {
      let previousState = 'free' as HolderState;
      const { taken, previous } = repo.claim(me, (current) => {
        previousState = stateOf(current);
        return !isBlocking(previousState);
      });
      if (!taken) {
        const where = previousState === 'other_host' ? ` on ${previous!.hostName}` : '';
        throw new AppError(
          'conflict',
          `Another Resume Studio process (pid ${previous!.pid}${where}, since ${previous!.acquiredAt}) is importing into this data folder; wait for it to finish or cancel it there.`,
        );
      }
      if (previousState === 'gone') return `The import lock of process ${previous!.pid}, which is no longer running, was taken over.`;
      if (previousState === 'pid_reused') {
        return `The import lock named process ${previous!.pid}, but that id now belongs to another program started later, so the lock was stale and was taken over.`;
      }
      return null;
    },
    release() {
      repo.release(me);
    },
  };
}
