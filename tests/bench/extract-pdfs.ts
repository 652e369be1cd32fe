/**
 * Benchmark: parses every PDF (or every file, with --all) under --data through the parse pool and
 * prints files/s, the status counts and the main thread's event-loop lag. Prints counts only,
 * never file names or text. Run: node --import tsx tests/bench/extract-pdfs.ts --data <dir> [--size 1] [--all] [--limit N]
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createParsePool } from '../../main/parsing/parse-pool';
import { walkImportRoot } from '../../main/import/walk';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    size: { type: 'string' },
    all: { type: 'boolean', default: false },
    limit: { type: 'string' },
    window: { type: 'string' },
    'baseline-ms': { type: 'string' },
  },
});
if (!values.data) throw new Error('Usage: --data <folder> [--size N] [--all] [--limit N] [--window N]');

const walked = await walkImportRoot(path.resolve(values.data));
let files = values.all ? walked.files : walked.files.filter((file) => file.fileName.toLowerCase().endsWith('.pdf'));
if (values.limit) files = files.slice(0, Number(values.limit));
const pool = createParsePool(values.size ? { size: Number(values.size) } : {});
// Files in flight at once: enough to keep every worker fed while the main thread handles results.
const windowSize = Number(values.window ?? pool.size * 2);
console.log(`files: ${files.length} (walk problems ${walked.problems.length}, skipped ${walked.skipped.length}); pool size ${pool.size}; window ${windowSize}`);

// Warm-up: start the workers (tsx + pdfjs load) outside the timed section, as a running app would have them.
await Promise.all(Array.from({ length: pool.size }, (_, index) => (files[index] ? pool.parse(files[index].absolutePath, files[index].fileName) : null)));

/** Ticks every 10 ms and records how late each tick fired: the main thread's responsiveness. */
function startLagProbe() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let lateTicks = 0;
  let lastMs = performance.now();
  const timer = setInterval(() => {
    const nowMs = performance.now();
    if (nowMs - lastMs - 10 > 50) lateTicks++;
    lastMs = nowMs;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      histogram.disable();
      // The histogram holds whole intervals between checks; the resolution is expected, not lag.
      const lagMs = (ns: number) => Math.max(0, ns / 1e6 - 10).toFixed(1);
      return `max ${lagMs(histogram.max)} ms, p99 ${lagMs(histogram.percentile(99))} ms, p99.9 ${lagMs(histogram.percentile(99.9))} ms; ticks over 50 ms late: ${lateTicks}`;
    },
  };
}

// Baseline: the same probe with the pool idle, to tell machine noise (other processes) from our own.
const baselineProbe = startLagProbe();
await new Promise((resolve) => setTimeout(resolve, Number(values['baseline-ms'] ?? 5000)));
console.log(`baseline lag (pool idle): ${baselineProbe.stop()}`);

const lag = startLagProbe();
const counts: Record<string, number> = {};
const formats: Record<string, number> = {};
let textChars = 0;
let next = 0;
const startedMs = performance.now();
const runLane = async () => {
  while (next < files.length) {
    const file = files[next++];
    if (!file) break;
    const result = await pool.parse(file.absolutePath, file.fileName);
    counts[result.status] = (counts[result.status] ?? 0) + 1;
    formats[result.format ?? 'unknown'] = (formats[result.format ?? 'unknown'] ?? 0) + 1;
    if (result.status === 'imported') textChars += result.text.length;
  }
};
await Promise.all(Array.from({ length: windowSize }, runLane));
const elapsedS = (performance.now() - startedMs) / 1000;
const lagSummary = lag.stop();
await pool.close();

console.log(`statuses: ${JSON.stringify(counts)}`);
console.log(`formats: ${JSON.stringify(formats)}`);
console.log(
  `${files.length} files in ${elapsedS.toFixed(1)} s = ${(files.length / elapsedS).toFixed(1)} files/s; ${(textChars / 1e6).toFixed(1)} M chars of text`,
);
console.log(`main-thread event-loop lag while parsing: ${lagSummary}`);
console.log(`pool: ${JSON.stringify(pool.stats())}`);
