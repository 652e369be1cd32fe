// A separate process contending for the import lock (tests/main/import-job/import-lock.test.ts).
// Lines on stdin: "acquire <epoch ms>" | "release" | "exit"; answers on stdout: "ready", "won", "lost …", "released".
// Every contender spins until the same instant before trying, so the attempts really overlap.
import readline from 'node:readline';
import { createImportLock } from '../../../main/import/import-lock';
import { openDatabase } from '../../../main/store/database';

const db = await openDatabase(process.argv[2]!);
const lock = createImportLock(db);
const say = (line: string) => process.stdout.write(`${line}\n`);
say('ready');
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line.startsWith('acquire ')) {
    const atMs = Number(line.slice('acquire '.length));
    // Sleep to just before the instant, then busy-wait the last milliseconds: a timer alone would
    // wake each process at a slightly different moment, and spinning the whole way would keep
    // eight processes on the CPU for nothing.
    const sleepMs = atMs - (performance.timeOrigin + performance.now()) - 3;
    if (sleepMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, sleepMs);
    while (performance.timeOrigin + performance.now() < atMs) {
      // Busy-wait the last few milliseconds.
    }
    try {
      lock.acquire();
      say('won');
    } catch (error) {
      say(`lost ${(error as Error).message}`);
    }
  } else if (line === 'release') {
    lock.release();
    say('released');
  } else if (line === 'exit') {
    break;
  }
}
db.close();
