/**
 * Who a process is, beyond its id: ids are reused, so a lock that names only a pid cannot tell its
 * owner from an unrelated program that got the same number later. The start time can. Plain Node.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** A process as a lock records it. */
export interface ProcessIdentity {
  pid: number;
  /** An opaque start stamp from the OS (clock ticks since boot on Linux); null where unknown. */
  startTime: string | null;
}

/** The start stamp of `pid`, or null when the process does not exist or the OS will not say. */
export function processStartTime(pid: number): string | null {
  if (process.platform === 'linux') {
    try {
      // Field 22 of /proc/PID/stat; the command name (field 2) may hold spaces and ")", so count
      // fields after its last ")".
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return fields[19] ?? null;
    } catch {
      return null;
    }
  }
  if (process.platform === 'win32') return null;
  try {
    // macOS and the BSDs have no /proc; ps prints the start date to the second.
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2_000 });
    return out.trim() || null;
  } catch {
    return null;
  }
}

/** True when a process with this id exists (ours or someone else's). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let self: ProcessIdentity | undefined;

/** This process's identity (computed once). */
export function currentProcess(): ProcessIdentity {
  self ??= { pid: process.pid, startTime: processStartTime(process.pid) };
  return self;
}

/**
 * Whether the process a lock names still runs: alive with the same start stamp. A pid that is
 * alive with another start stamp is an unrelated program that reused the id.
 */
export function lockHolderState(holder: ProcessIdentity): 'running' | 'gone' | 'pid_reused' {
  if (!isProcessAlive(holder.pid)) return 'gone';
  if (holder.startTime === null) return 'running';
  const now = processStartTime(holder.pid);
  // Unknown now (e.g. no permission to read it): trust the pid, as before start stamps.
  if (now === null) return 'running';
  return now === holder.startTime ? 'running' : 'pid_reused';
}
