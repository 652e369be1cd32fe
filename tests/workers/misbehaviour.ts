/** Ways a test worker misbehaves on purpose, chosen by a name prefix; shared by the test-only worker entries. */
import path from 'node:path';
import type { WorkerEntry } from '../../main/workers/spawn';

/** Names that trigger a misbehaviour. */
export const testHookNames = { hang: '__test_hang__', outOfMemory: '__test_oom__', exit: '__test_exit__', throwUncaught: '__test_throw__' } as const;

/** Hangs, exits (code 7), throws outside any handler, or exhausts the heap when `name` starts with a hook name. */
export function misbehave(name: string): void {
  if (name.startsWith(testHookNames.hang)) for (;;);
  if (name.startsWith(testHookNames.exit)) process.exit(7);
  if (name.startsWith(testHookNames.throwUncaught))
    setImmediate(() => {
      throw new Error('test hook: uncaught error');
    });
  if (name.startsWith(testHookNames.outOfMemory)) {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, index) => index * 1.5));
  }
}

/** A test worker entry by file name in tests/workers/ (never part of the app: bundled only by the unit tests' setup). */
export function testWorkerEntry(fileName: string): WorkerEntry {
  return { bundledName: path.basename(fileName, '.ts'), sourcePath: path.join(import.meta.dirname, fileName) };
}
