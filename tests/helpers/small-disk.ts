/**
 * A tiny tmpfs for tests of a full or read-only disk. Mounting needs root (tests run as root here
 * and in CI); where it is refused, `mountSmallDisk` prints one line and returns null, and the test
 * fakes the file-system error at the write instead.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A mounted tmpfs of `sizeBytes` (read-only when asked), or null when this machine refuses to mount one. */
export function mountSmallDisk(
  parent: string,
  name: string,
  options: { sizeBytes?: number; readOnly?: boolean } = {},
): { dir: string; unmount(): void } | null {
  const dir = path.join(parent, name);
  fs.mkdirSync(dir, { recursive: true });
  const mountOptions = [`size=${options.sizeBytes ?? 64 * 1024}`, ...(options.readOnly ? ['ro'] : [])].join(',');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', mountOptions, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    console.log(`tmpfs not mounted (${(error as Error).message.split('\n')[0]}): the disk error is faked at the write instead`);
    return null;
  }
  return { dir, unmount: () => execFileSync('umount', [dir], { stdio: 'pipe' }) };
}

/** An Error shaped like the file system's (code, errno message), for the fallback fakes. */
export function fsError(code: 'ENOSPC' | 'EROFS'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${code === 'ENOSPC' ? 'no space left on device' : 'read-only file system'}, write`), { code });
}
