/**
 * The machine's own main-thread stalls: `npm run bench:stalls -- [--seconds 30] [--json]`.
 *
 * An idle event loop (a 10 ms timer and nothing else) is watched three ways: alone; while another
 * process's two threads allocate, touch and drop 512 MB arrays, as training's threads do; and
 * while two worker threads of this process do the same. Each prints the stalls over 20 ms and the
 * longest, with what the main thread did during it (Linux schedstat): ran, waited for a core, or
 * neither (blocked in the kernel). A training or import lag figure is read against these: a stall
 * the idle loop also has is the machine's, not the app's work. Nothing of the app is loaded.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { mainThreadSchedule } from './stage-memory';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '30' }, json: { type: 'boolean', default: false }, churn: { type: 'boolean', default: false } },
});

/** Two niced threads allocating, touching and dropping 512 MB arrays for ever (a worker's code as a string: nothing to bundle). */
const churnSource = `
  const os = require('node:os');
  try { os.setPriority(0, 10); } catch {}
  for (;;) { const a = new Float64Array(64 * 1024 * 1024); for (let i = 0; i < a.length; i += 512) a[i] = i; }
`;
const startChurn = () => Array.from({ length: 2 }, () => new Worker(churnSource, { eval: true }));

interface Stall {
  ms: number;
  ran_ms: number | null;
  waited_ms: number | null;
}

/** Watches this process's idle event loop for `seconds`; resolves with its stalls over 20 ms, longest first. */
function watchIdleLoop(seconds: number): Promise<Stall[]> {
  return new Promise((resolve) => {
    const stalls: Stall[] = [];
    let last = mainThreadSchedule();
    let expected = performance.now() + 10;
    const timer = setInterval(() => {
      const now = performance.now();
      const next = mainThreadSchedule();
      if (now - expected > 20)
        stalls.push({
          ms: Number((now - expected).toFixed(1)),
          ran_ms: next && last ? Number(((next[0] - last[0]) / 1e6).toFixed(1)) : null,
          waited_ms: next && last ? Number(((next[1] - last[1]) / 1e6).toFixed(1)) : null,
        });
      last = next;
      expected = now + 10;
    }, 10);
    setTimeout(() => {
      clearInterval(timer);
      resolve(stalls.sort((a, b) => b.ms - a.ms));
    }, seconds * 1000);
  });
}

async function main() {
  if (values.churn) {
    // The other process of the second phase: churn until the parent kills it.
    startChurn();
    return;
  }
  const seconds = Number(values.seconds);
  const rows: { phase: string; stalls_over_20ms: number; longest: Stall | null }[] = [];
  const record = (phase: string, stalls: Stall[]) => rows.push({ phase, stalls_over_20ms: stalls.length, longest: stalls[0] ?? null });

  record('idle loop alone', await watchIdleLoop(seconds));
  const other = fork(process.argv[1]!, ['--churn'], { execArgv: process.execArgv });
  record('another process churning memory', await watchIdleLoop(seconds));
  other.kill();
  const workers = startChurn();
  record('two threads of this process churning memory', await watchIdleLoop(seconds));
  await Promise.all(workers.map((w) => w.terminate()));

  if (values.json) {
    for (const row of rows) console.log(JSON.stringify({ ...row, seconds, cores: os.cpus().length, load_avg_1m: os.loadavg()[0] }));
    return;
  }
  console.log(`bench:stalls: an idle event loop watched ${seconds} s per phase; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
  console.log('phase                                         stalls>20ms  longest ms  (ran / waited for a core; the rest blocked)');
  for (const { phase, stalls_over_20ms, longest } of rows)
    console.log(
      `${phase.padEnd(45)} ${String(stalls_over_20ms).padStart(11)}  ${(longest ? longest.ms.toFixed(1) : '-').padStart(10)}  ${longest && longest.ran_ms !== null ? `(${longest.ran_ms} / ${longest.waited_ms})` : ''}`,
    );
}

await main();
