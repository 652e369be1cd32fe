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
    while (performance.timeOrigin + performance.now() < atMs) {
      // Busy-wait: a timer would wake each process at a slightly different moment.
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
