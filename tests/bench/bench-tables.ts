/**
 * `npm run bench:tables -- [--size-mb 200] [--wal-limit-mb 64[,0…]] [--json] [--keep FILE]`: generates a
 * CSV of synthetic resumes (about --size-mb megabytes, ~2 KB per row, every row distinct), then
 * previews and imports it through the real core into a fresh data directory and prints, per phase,
 * the time, the main thread's maximum event-loop lag, the peak RSS and the peak size of the
 * database's -wal file. Phases: preview; import (until the last row is written); after-import
 * (near-duplicate search in its worker, flags written, until import.finished). Each --wal-limit-mb
 * (0: unbounded, the behaviour before issue 22) imports the same CSV into its own fresh folder, so
 * an A/B comparison shares one run and one load.
 * An idle phase first measures the noise floor (what the scheduler alone costs on a busy machine).
 * The target: lag under 50 ms in preview and import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createCore } from '../../main/core/core';
import { createRng } from '../../ml/random';
import { CATEGORY_SPECS, SHARED_TERMS } from '../../ml/sample/vocabulary';

const { values } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '200' },
    'wal-limit-mb': { type: 'string', default: '64' },
    json: { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});
const walLimitsMb = values['wal-limit-mb'].split(',').map(Number);
const targetBytes = Number(values['size-mb']) * 1024 * 1024;
if (!(targetBytes > 0) || walLimitsMb.some((mb) => !(mb >= 0))) {
  console.error('usage: npm run bench:tables -- [--size-mb N] [--wal-limit-mb N[,N…]] [--json] [--keep FILE]');
  process.exit(2);
}

/** Writes rows of seeded random words (no real person's text) until the file reaches targetBytes; returns the row count. */
async function generateCsv(file: string): Promise<number> {
  const rng = createRng(2026);
  const categories = Object.keys(CATEGORY_SPECS);
  const out = fs.createWriteStream(file);
  out.write('category,text\n');
  let bytes = 0;
  let rows = 0;
  while (bytes < targetBytes) {
    const category = categories[rng.int(categories.length)]!;
    const words = [...CATEGORY_SPECS[category]!.terms, ...SHARED_TERMS];
    const parts: string[] = [`Candidate ${rows}.`];
    for (let length = 0; length < 2000;) {
      const word = words[rng.int(words.length)]!.replaceAll('"', "'");
      parts.push(word);
      length += word.length + 1;
    }
    const line = `${category},"${parts.join(' ')}"\n`;
    bytes += Buffer.byteLength(line);
    rows++;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

/**
 * The main thread's lag: a histogram for long tasks plus a 10 ms ticker that double-checks its
 * maximum; RSS sampled alongside. On a shared machine a late tick is partly the scheduler's doing, so
 * the ticker also records the process's CPU time spent between two ticks: its maximum bounds the
 * longest task this process really ran (process-wide, so a busy worker thread inflates it).
 */
function startMonitor(walPath?: string) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let tickerMaxLagMs = 0;
  let maxBusyCpuMs = 0;
  let peakRssBytes = process.memoryUsage.rss();
  let peakWalBytes = 0;
  // The -wal's size, sampled on its own slower clock so the stat does not weigh on the lag figures.
  const walSampler = setInterval(() => {
    if (walPath && fs.existsSync(walPath)) peakWalBytes = Math.max(peakWalBytes, fs.statSync(walPath).size);
  }, 50);
  let expectedTickMs = performance.now() + 10;
  let lastCpu = process.cpuUsage();
  const ticker = setInterval(() => {
    const now = performance.now();
    tickerMaxLagMs = Math.max(tickerMaxLagMs, now - expectedTickMs);
    expectedTickMs = now + 10;
    const cpu = process.cpuUsage(lastCpu);
    lastCpu = process.cpuUsage();
    maxBusyCpuMs = Math.max(maxBusyCpuMs, (cpu.user + cpu.system) / 1000);
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  }, 10);
  histogram.enable();
  const startedMs = performance.now();
  return {
    stop() {
      histogram.disable();
      clearInterval(ticker);
      clearInterval(walSampler);
      return {
        seconds: Number(((performance.now() - startedMs) / 1000).toFixed(2)),
        max_event_loop_lag_ms: Number(Math.max(histogram.max / 1e6 - 10, tickerMaxLagMs).toFixed(1)),
        p99_event_loop_lag_ms: Number(Math.max(0, histogram.percentile(99) / 1e6 - 10).toFixed(1)),
        max_cpu_between_ticks_ms: Number(maxBusyCpuMs.toFixed(1)),
        peak_rss_mb: Math.round(Math.max(peakRssBytes, process.memoryUsage.rss()) / 1024 / 1024),
        peak_wal_mb: Math.round(peakWalBytes / 1024 / 1024),
      };
    },
  };
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-bench-tables-'));
const csv = values.keep ? path.resolve(values.keep) : path.join(workDir, 'generated.csv');
const rows = fs.existsSync(csv) ? null : await generateCsv(csv);
const sizeMb = Number((fs.statSync(csv).size / 1024 / 1024).toFixed(1));
/** Previews and imports the CSV into a fresh folder with this WAL limit (0: unbounded); the phases' figures. */
async function importOnce(walLimitMb: number) {
  const dataDir = path.join(workDir, `data-wal-${walLimitMb}`);
  const walPath = path.join(dataDir, 'studio.sqlite-wal');
  const walLimitBytes = walLimitMb === 0 ? Number.POSITIVE_INFINITY : walLimitMb * 1024 * 1024;
  const core = await createCore({ dataDir, transport: 'cli', importOptions: { walLimitBytes } });

  // The noise floor: the same measurement while this process does nothing. On a shared machine the
  // scheduler alone delays an idle event loop; read the phases' lag against it.
  const idleMonitor = startMonitor();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const idleFigures = idleMonitor.stop();

  const previewMonitor = startMonitor(walPath);
  const preview = await core.call('import.preview', { path: csv });
  const previewFigures = previewMonitor.stop();

  let importMonitor = startMonitor(walPath);
  let importFigures: ReturnType<typeof importMonitor.stop> | null = null;
  const allWritten = new Promise<void>((resolve) =>
    core.events.subscribe((event) => {
      if (event.name === 'import.progressed' && event.payload.doneFiles === event.payload.totalFiles && !importFigures) {
        importFigures = importMonitor.stop();
        importMonitor = startMonitor(walPath);
        resolve();
      }
    }),
  );
  await core.call('import.start', { path: csv });
  await Promise.race([allWritten, core.imports.waitForIdle()]);
  const job = (await core.imports.waitForIdle())!;
  const afterFigures = importMonitor.stop();
  const health = await core.call('dataset.health', {});
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    wal_limit_mb: walLimitMb,
    rows: preview.tabular?.rows ?? rows,
    state: job.state,
    imported: job.counts.imported ?? 0,
    near_duplicates: health.nearDuplicates,
    idle_baseline: idleFigures,
    preview: previewFigures,
    import: importFigures!,
    after_import: afterFigures,
  };
}

const runs = [];
for (const walLimitMb of walLimitsMb) runs.push(await importOnce(walLimitMb));
fs.rmSync(workDir, { recursive: true, force: true });

const result = {
  csv_mb: sizeMb,
  runs,
  process_peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  load_average: os.loadavg().map((x) => Number(x.toFixed(2))),
};
if (values.json) {
  console.log(JSON.stringify(result));
} else {
  for (const run of result.runs) {
    const limit = run.wal_limit_mb === 0 ? 'unbounded WAL' : `WAL limit ${run.wal_limit_mb} MB`;
    console.log(`table benchmark (${limit}): generated CSV of ${result.csv_mb} MB, ${run.rows} rows → ${run.state}, ${run.imported} imported`);
    for (const [name, f] of [
      ['idle (floor)', run.idle_baseline],
      ['preview', run.preview],
      ['import', run.import],
      ['after-import', run.after_import],
    ] as const) {
      console.log(
        `  ${name.padEnd(13)} ${String(f.seconds).padStart(7)} s   event-loop lag max ${String(f.max_event_loop_lag_ms).padStart(6)} ms, p99 ${String(f.p99_event_loop_lag_ms).padStart(5)} ms   CPU between ticks max ${String(f.max_cpu_between_ticks_ms).padStart(5)} ms   peak RSS ${f.peak_rss_mb} MB   peak -wal ${f.peak_wal_mb} MB`,
      );
    }
  }
  console.log(
    `  process peak RSS (incl. workers) ${result.process_peak_rss_mb} MB; load average ${result.load_average.join(' ')} (2 shared cores: timings are noisy)`,
  );
}
