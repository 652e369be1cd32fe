/**
 * `npm run bench:import -- <folder|file> [--json] [--pool N] [--batch N] [--no-pdftotext]`: imports
 * into a fresh temporary data directory through the real core (walk, worker pool, SQLite) and
 * prints files, per-status counts, files/s, peak RSS and the main thread's maximum event-loop lag.
 * In the same run, right before the import, it times Debian's `pdftotext` over the same PDFs with
 * one process per core (at the parse workers' priority) and prints the ratio of the two rates, so
 * the figure means the same on a fast laptop and on a loaded 2-core box. The parse workers are
 * bundled as the app runs them (tests/setup/worker-bundles.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../../main/core/core';
import { walkImportRoot } from '../../main/import/walk';
import { defaultPoolSize } from '../../main/parsing/parse-pool';
import { workerNice } from '../../main/workers/thread-priority';
import { useBundledWorkers } from '../setup/worker-bundles';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    pool: { type: 'string' },
    batch: { type: 'string' },
    'no-pdftotext': { type: 'boolean', default: false },
  },
});
if (positionals.length !== 1) {
  console.error('usage: npm run bench:import -- <folder|file.csv|file.jsonl> [--json] [--pool N] [--batch N] [--no-pdftotext]');
  process.exit(2);
}
const target = path.resolve(positionals[0]!);
const cores = os.availableParallelism();

/** The PDFs the import will read (pdftotext reads nothing else). */
async function pdfsOf(root: string): Promise<string[]> {
  if (!fs.statSync(root).isDirectory()) return root.toLowerCase().endsWith('.pdf') ? [root] : [];
  const walked = await walkImportRoot(root);
  return walked.files.filter((file) => file.fileName.toLowerCase().endsWith('.pdf')).map((file) => file.absolutePath);
}

type PdftotextResult = { files_per_s: number; seconds: number; files: number; failures: number } | { missing: string };

/** Times pdftotext over `pdfs`, one process per core, in a child process at the parse workers' priority. */
function timePdftotext(pdfs: string[]): PdftotextResult {
  if (spawnSync('pdftotext', ['-v']).error)
    return { missing: "pdftotext was not found: install Debian's poppler-utils (sudo apt-get install poppler-utils) to compare with it" };
  const helper = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdftotext-pool.mjs');
  const run = spawnSync(process.execPath, [helper, String(cores), String(workerNice())], { input: pdfs.join('\n'), encoding: 'utf8' });
  if (run.status !== 0) return { missing: `the pdftotext run failed: ${run.stderr.trim()}` };
  const timed = JSON.parse(run.stdout.trim()) as { seconds: number; files: number; failures: number };
  return { ...timed, files_per_s: timed.files / timed.seconds };
}

const pdfs = await pdfsOf(target);
// Both sides read from a warm page cache: whichever ran first would otherwise pay for the disk.
for (const file of pdfs) fs.readFileSync(file);
const pdftotext: PdftotextResult | null = values['no-pdftotext'] || pdfs.length === 0 ? null : timePdftotext(pdfs);

const workers = await useBundledWorkers();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-bench-'));
const poolSize = values.pool ? Number(values.pool) : undefined;
const core = await createCore({ dataDir, transport: 'cli', importOptions: { poolSize, batchSize: values.batch ? Number(values.batch) : undefined } });

// The same lag over 3 idle seconds first: on a loaded machine the OS alone delays the main thread.
const idle = monitorEventLoopDelay({ resolution: 10 });
idle.enable();
await new Promise((resolve) => setTimeout(resolve, 3000));
idle.disable();

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
const cpuBefore = process.cpuUsage();
await core.call('import.start', { path: target });
const job = (await core.imports.waitForIdle())!;
const elapsedS = (performance.now() - startMs) / 1000;
// Every thread of this process (main, parse workers): what the import cost, less sensitive than its rate to what else runs.
const cpu = process.cpuUsage(cpuBefore);
histogram.disable();
clearInterval(ticker);
await core.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const filesPerS = job.totalFiles / elapsedS;
const counted = Object.values(job.counts).reduce((sum, n) => sum + (n ?? 0), 0);
const timed = pdftotext && 'files_per_s' in pdftotext ? pdftotext : null;
const result = {
  files: job.totalFiles,
  imported: job.counts.imported ?? 0,
  statuses: job.counts,
  state: job.state,
  /** Every file has a status (imported or a reason). */
  all_accounted_for: counted === job.totalFiles,
  seconds: Number(elapsedS.toFixed(2)),
  files_per_s: Number(filesPerS.toFixed(1)),
  cpu_ms_per_file: Number(((cpu.user + cpu.system) / 1000 / job.totalFiles).toFixed(2)),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  max_event_loop_lag_ms: Number(Math.max(histogram.max / 1e6 - 10, tickerMaxLagMs).toFixed(1)),
  idle_lag_ms: Number((idle.max / 1e6 - 10).toFixed(1)),
  pool_size: poolSize ?? defaultPoolSize(),
  cores,
  pdftotext_files_per_s: timed ? Number(timed.files_per_s.toFixed(1)) : null,
  pdftotext_failures: timed ? timed.failures : null,
  ratio_to_pdftotext: timed ? Number((filesPerS / timed.files_per_s).toFixed(2)) : null,
  load_avg_1m: Number(os.loadavg()[0]!.toFixed(1)),
};
if (values.json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`import benchmark: ${target} (${cores} cores, load average ${result.load_avg_1m}; ${workers})`);
  console.log(`  files                 ${result.files} (${result.state}; every file accounted for: ${result.all_accounted_for ? 'yes' : 'NO'})`);
  console.log(`  imported              ${result.imported}`);
  for (const [status, n] of Object.entries(result.statuses)) console.log(`    ${status.padEnd(20)}${n}`);
  console.log(`  time                  ${result.seconds} s with ${result.pool_size} parse worker(s)`);
  console.log(`  files/s               ${result.files_per_s}`);
  console.log(`  CPU per file          ${result.cpu_ms_per_file} ms (every thread of the process)`);
  console.log(`  peak RSS              ${result.peak_rss_mb} MB`);
  console.log(`  max event-loop lag    ${result.max_event_loop_lag_ms} ms (${result.idle_lag_ms} ms over 3 idle seconds before: the machine's own)`);
  if (timed)
    console.log(
      `  pdftotext             ${result.pdftotext_files_per_s} files/s over the ${pdfs.length} PDFs (${cores} processes, ${timed.failures} failed); ratio ${result.ratio_to_pdftotext}`,
    );
  else if (pdftotext && 'missing' in pdftotext) console.log(`  pdftotext             not timed: ${pdftotext.missing}`);
}
