/**
 * `npm run bench:import -- <folder|file> [--json] [--pool N] [--batch N]`: imports into a fresh temporary data
 * directory through the real core (walk, worker pool, SQLite) and prints files, per-status counts,
 * files/s, peak RSS and the main thread's maximum event-loop lag during the import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createCore } from '../../main/core/core';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, pool: { type: 'string' }, batch: { type: 'string' } },
});
if (positionals.length !== 1) {
  console.error('usage: npm run bench:import -- <folder|file.csv|file.jsonl> [--json] [--pool N] [--batch N]');
  process.exit(2);
}
const target = path.resolve(positionals[0]!);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-bench-'));
const poolSize = values.pool ? Number(values.pool) : undefined;
const core = await createCore({ dataDir, transport: 'cli', importOptions: { poolSize, batchSize: values.batch ? Number(values.batch) : undefined } });

// Event-loop lag: the histogram catches long tasks; a 10 ms ticker double-checks its maximum.
const histogram = monitorEventLoopDelay({ resolution: 10 });
let tickerMaxLagMs = 0;
let expectedTickMs = performance.now() + 10;
const ticker = setInterval(() => {
  const now = performance.now();
  tickerMaxLagMs = Math.max(tickerMaxLagMs, now - expectedTickMs);
  expectedTickMs = now + 10;
}, 10);
histogram.enable();
const startMs = performance.now();
await core.call('import.start', { path: target });
const job = (await core.imports.waitForIdle())!;
const elapsedS = (performance.now() - startMs) / 1000;
histogram.disable();
clearInterval(ticker);
await core.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const result = {
  files: job.totalFiles,
  imported: job.counts.imported ?? 0,
  statuses: job.counts,
  state: job.state,
  seconds: Number(elapsedS.toFixed(2)),
  files_per_s: Number((job.totalFiles / elapsedS).toFixed(1)),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  max_event_loop_lag_ms: Number(Math.max(histogram.max / 1e6 - 10, tickerMaxLagMs).toFixed(1)),
  pool_size: poolSize ?? Math.max(1, os.availableParallelism() - 1),
};
if (values.json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`import benchmark: ${target}`);
  console.log(`  files                 ${result.files} (${result.state})`);
  console.log(`  imported              ${result.imported}`);
  for (const [status, n] of Object.entries(result.statuses)) console.log(`    ${status.padEnd(20)}${n}`);
  console.log(`  time                  ${result.seconds} s with ${result.pool_size} parse worker(s)`);
  console.log(`  files/s               ${result.files_per_s}`);
  console.log(`  peak RSS              ${result.peak_rss_mb} MB`);
  console.log(`  max event-loop lag    ${result.max_event_loop_lag_ms} ms`);
}
