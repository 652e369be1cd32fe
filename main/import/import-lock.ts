/**
 * One importing process per data folder. The app, the browser bridge and the CLI can all open the
 * same folder; the lock file (holding the importer's pid) keeps a second process from resuming,
 * or marking as interrupted, a job that another live process is still running. Plain Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/app-error';

/** The lock's interface, so the service can be built without one in tests. */
export interface ImportLock {
  /** Takes the lock or throws a conflict naming the process that holds it. */
  acquire(): void;
  release(): void;
  /** True when another live process holds the lock. */
  isHeldByOther(): boolean;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Creates the lock for `dataDir` (file `import.lock`). */
export function createImportLock(dataDir: string): ImportLock {
  const file = path.join(dataDir, 'import.lock');
  const holder = (): number | null => {
    try {
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  };
  const heldByOther = () => {
    const pid = holder();
    return pid !== null && pid !== process.pid && isAlive(pid);
  };
  return {
    isHeldByOther: heldByOther,
    acquire() {
      if (heldByOther()) {
        throw new AppError(
          'conflict',
          `Another Resume Studio process (pid ${holder()}) is importing into this data folder; wait for it to finish or cancel it there.`,
        );
      }
      // A lock left by a crashed process is stale and simply replaced.
      fs.writeFileSync(file, String(process.pid));
    },
    release() {
      if (holder() === process.pid) fs.rmSync(file, { force: true });
    },
  };
}
