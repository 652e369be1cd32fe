/**
 * Lowers the calling worker thread's CPU priority so the main thread (IPC, database, progress) wins
 * whenever both want a core. Linux only: there the nice value is per thread and pid 0 means the
 * calling thread; on macOS and Windows the same call would lower the whole app. Plain Node.
 */
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** The nice value CPU-heavy workers run at: below normal on Linux, unchanged (0) elsewhere. */
export const workerNice = (): number => (process.platform === 'linux' ? os.constants.priority.PRIORITY_BELOW_NORMAL : 0);

/** Call once at the top of a CPU-heavy worker; does nothing on the main thread or off Linux. */
export function yieldCpuToMainThread(): void {
  if (isMainThread || workerNice() === 0) return;
  try {
    os.setPriority(0, workerNice());
  } catch {
    // Not permitted in some sandboxes; the work is the same, only less polite.
  }
}
