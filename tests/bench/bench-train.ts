/**
 * Training benchmark: `npm run bench:train -- [--data <file|folder>] [--scales base,10k,50k,200k] [--runs 3] [--json] [--from-source]`.
 * Each scale runs in its own child process (so peak RSS is that run's own), this file bundled as the
 * app's main process is (tsx's loader thread and compiled sources are no part of the app), on a
 * corpus file this process wrote (so none of the benchmark's own strings are in its heap): it imports the corpus
 * into a fresh data directory with the real importer, then trains through the same path as the
 * Train button (core call → worker → stored run) `--runs` times while sampling the main thread's
 * event-loop lag, and reports the median run (and every run's end-to-end seconds). Each of those
 * presses follows a plan, as on the Train page, so its thread has read the words ahead; one more
 * press with no plan before it is reported as `cold_end_to_end_s` (every word read after the press).
 * 10k, 50k and 200k (not in the default scales) resample the corpus (each copy gets one word of its own, so the importer does not
 * drop it as a duplicate). The workers are bundled as the app runs them (tests/setup/worker-bundles.ts).
 * Prints aggregate numbers only, never resume text. Under each scale's row it
 * prints where the memory went: each stage's highest RSS and main-thread heap, and which stage
 * raised the process's peak (stage-memory.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../../main/core/core';
import { READ_AHEAD_MAX_DOCUMENTS } from '../../main/training/ready-thread';
import { loadLabelledDataset } from '../../main/datasets/index';
import { createRng, generateResumeSample } from '../../ml/index';
import { bundleBenchChild, useBundledWorkers } from '../setup/worker-bundles';
import { trackStageMemory, type StageMemory } from './stage-memory';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    scales: { type: 'string', default: 'base,10k,50k' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    /** With --only: the corpus file the parent process wrote. */
    corpus: { type: 'string' },
    engine: { type: 'string', default: 'fast' },
    runs: { type: 'string', default: '3' },
    /** Runs each scale's process through tsx from the sources (how it ran before it was bundled), for comparison. */
    'from-source': { type: 'boolean', default: false },
  },
});

/**
 * The lag histogram's timer period: it records each whole interval between its ticks (10.07 ms on
 * an idle loop), so the lag is its maximum less this, as bench:import reports it.
 */
const LAG_RESOLUTION_MS = 10;

const SCALE_DOCS: Record<string, number> = { '10k': 10_000, '50k': 50_000, '200k': 200_000 };

/** One line of the table / one JSON object. */
interface Row {
  scale: string;
  docs: number;
  classes: number;
  end_to_end_s: number;
  vectorize_s: number;
  fit_s: number;
  peak_rss_mb: number;
  max_event_loop_lag_ms: number;
  /** The same maximum over 3 idle seconds before training (what the machine's load alone causes). */
  idle_lag_ms: number;
  macro_f1: number;
  ece: number;
  import_s: number;
  load_avg_1m: number;
  /** End-to-end seconds of every run at this scale (the row is the median run's). */
  runs_s: number[];
  /**
   * One more run pressed with no plan before it: its thread starts on the press and reads every word
   * itself (the CLI's case, or a press before the page's read-ahead began). Above the read-ahead's
   * document limit every run is that already: the median run's seconds.
   */
  cold_end_to_end_s: number;
  /** Memory by stage, in the order they first ran (training stages gather every run's). */
  stages: StageMemory[];
}

/** Writes the corpus of `scale` as a JSONL file (what the importer reads) and returns its path. */
function writeCorpus(scale: string, dir: string): string {
  const file = path.join(dir, 'corpus.jsonl');
  let texts: string[];
  let labels: string[];
  if (values.data) {
    const d = loadLabelledDataset(values.data);
    texts = d.texts;
    labels = d.labels;
  } else {
    const sample = generateResumeSample({ seed: 42, perClass: 150 });
    texts = sample.map((s) => s.text);
    labels = sample.map((s) => s.category);
  }
  const target = SCALE_DOCS[scale] ?? texts.length;
  // Written a thousand lines at a time: 200k lines and their join at once would be ~3 GB of strings.
  const fd = fs.openSync(file, 'w');
  try {
    const rng = createRng(7);
    let chunk: string[] = [];
    for (let i = 0; i < target; i++) {
      const k = i < texts.length ? i : rng.int(texts.length);
      // The copy's own word appears once, so min_df drops it from the vocabulary; it only keeps the text unique.
      chunk.push(JSON.stringify({ text: i < texts.length ? texts[k] : `${texts[k]}\nref${i.toString(36)}`, category: labels[k] }));
      if (chunk.length === 1000 || i === target - 1) {
        fs.writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** One press of Train: its end-to-end seconds, the main thread's worst lag meanwhile, and the stored run. */
async function timedPress(core: Core, onEnded: () => void) {
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  const started = performance.now();
  const { runId } = await core.call('training.start', { engine: values.engine as 'fast' | 'mljs' });
  await core.training.waitForIdle();
  const seconds = (performance.now() - started) / 1000;
  lag.disable();
  onEnded();
  const run = await core.call('training.run', { runId });
  if (run.state !== 'finished') throw new Error(`run ${runId} ${run.state}: ${run.error}`);
  return { seconds, lagMs: lag.max / 1e6 - LAG_RESOLUTION_MS, run };
}

/** Runs one scale in this process, on the corpus file the parent wrote. */
async function runScale(scale: string, corpus: string): Promise<Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-bench-train-'));
  const memory = trackStageMemory('start core');
  try {
    const core = await createCore({ dataDir: path.join(dir, 'data'), transport: 'cli' });
    const unsubscribe = core.events.subscribe((event) => memory.onEvent(event));
    try {
      memory.enter('import');
      const importStarted = performance.now();
      await core.call('import.start', { path: corpus });
      await core.imports.waitForIdle();
      const importSeconds = (performance.now() - importStarted) / 1000;
      memory.enter('idle after import');
      // The same measure over 3 idle seconds first: on a shared, loaded machine the OS alone delays
      // the main thread; the difference is what training adds.
      const idle = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
      idle.enable();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      idle.disable();
      // Several runs on the same data (a fresh worker each: every press of the button uses a thread started for it):
      // this shared machine's noise moves one run by tenths of a second, so the median run is reported.
      const rows: Omit<Row, 'runs_s' | 'peak_rss_mb' | 'stages' | 'cold_end_to_end_s'>[] = [];
      for (let r = 0; r < Math.max(1, Number(values.runs)); r++) {
        // As the Train page: it shows the plan when it opens and after every run, which readies the
        // next run's thread and has it read the words ahead (main/training/read-ahead.ts); the button
        // is pressed once the page is read (here: once that thread has loaded and read them).
        await core.call('training.plan', {});
        await core.training.threadLoaded();
        const { seconds: endToEnd, lagMs, run } = await timedPress(core, () => memory.enter('between runs'));
        rows.push({
          scale,
          docs: run.documents!,
          classes: run.classes!,
          end_to_end_s: endToEnd,
          vectorize_s: run.timings!.vectorizeMs / 1000,
          fit_s: run.timings!.fitMs / 1000,
          max_event_loop_lag_ms: lagMs,
          idle_lag_ms: idle.max / 1e6 - LAG_RESOLUTION_MS,
          macro_f1: run.holdout!.macro.f1,
          ece: run.calibration?.eceAfter ?? run.holdout!.ece,
          import_s: importSeconds,
          load_avg_1m: os.loadavg()[0]!,
        });
      }
      const median = [...rows].sort((a, b) => a.end_to_end_s - b.end_to_end_s)[Math.floor((rows.length - 1) / 2)]!;
      // The last run readied nothing after it: this press starts a thread and reads every word. Above
      // the read-ahead's limit every press is that already, and a run more would only stack its
      // memory on the last one's (at 50k: 1.4 GB instead of 1 GB), so there is none.
      let cold = { seconds: median.end_to_end_s, lagMs: 0 };
      if (median.docs <= READ_AHEAD_MAX_DOCUMENTS) {
        memory.enter('cold run');
        cold = await timedPress(core, () => memory.enter('between runs'));
      }
      return {
        ...median,
        cold_end_to_end_s: cold.seconds,
        // The worst lag of any run: the median run's alone would hide a bad one.
        max_event_loop_lag_ms: Math.max(cold.lagMs, ...rows.map((r) => r.max_event_loop_lag_ms)),
        peak_rss_mb: process.resourceUsage().maxRSS / 1024,
        runs_s: rows.map((r) => r.end_to_end_s),
        stages: memory.stop(),
      };
    } finally {
      unsubscribe();
      await core.close();
    }
  } finally {
    memory.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (values.only) {
    process.stdout.write(`${JSON.stringify(await runScale(values.only, values.corpus!))}\n`);
    return;
  }
  // Built once here; each scale's child process inherits the folder through the environment.
  const workers = await useBundledWorkers();
  // Each scale's process runs this file bundled, as the app runs its main process (not through tsx).
  const self = fileURLToPath(import.meta.url);
  const child = values['from-source'] ? ['--import', 'tsx', self] : [await bundleBenchChild(self)];
  const forward = process.argv
    .slice(2)
    .filter((a, i, all) => a !== '--json' && a !== '--from-source' && !a.startsWith('--scales') && all[i - 1] !== '--scales');
  const scales = values.scales.split(',').filter(Boolean);
  if (!values.json) {
    console.log(
      `bench:train on ${values.data ?? 'the generated sample (150 per class)'}, engine ${values.engine}; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; ${workers}`,
    );
    console.log(
      'scale   docs  classes  end_to_end_s  vectorize_s  fit_s  peak_rss_mb  max_lag_ms  macro_f1    ece  (idle lag ms, import_s, load; end_to_end_s of every run; a cold press)',
    );
  }
  for (const scale of scales) {
    // Written here, not in the measured process: at 200k its lines put ~340 MB of this benchmark's
    // strings in that process's heap (145 MB at most during the import once written here).
    const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-bench-corpus-'));
    let out: string;
    try {
      const corpus = writeCorpus(scale, corpusDir);
      out = execFileSync(process.execPath, [...child, ...forward, '--only', scale, '--corpus', corpus], { encoding: 'utf8', maxBuffer: 1 << 24 });
    } finally {
      fs.rmSync(corpusDir, { recursive: true, force: true });
    }
    const row = JSON.parse(out.trim().split('\n').at(-1)!) as Row;
    if (values.json) {
      const { docs, classes, end_to_end_s, vectorize_s, fit_s, peak_rss_mb, max_event_loop_lag_ms, macro_f1, ece } = row;
      console.log(
        JSON.stringify({
          scale,
          docs,
          classes,
          end_to_end_s,
          vectorize_s,
          fit_s,
          peak_rss_mb,
          max_event_loop_lag_ms,
          macro_f1,
          ece,
          idle_lag_ms: row.idle_lag_ms,
          import_s: row.import_s,
          load_avg_1m: row.load_avg_1m,
          runs_s: row.runs_s.map((x) => Number(x.toFixed(3))),
          cold_end_to_end_s: Number(row.cold_end_to_end_s.toFixed(3)),
          stages: row.stages,
        }),
      );
      continue;
    }
    const f = (x: number, d: number, w: number) => x.toFixed(d).padStart(w);
    console.log(
      `${scale.padEnd(5)} ${String(row.docs).padStart(6)}  ${String(row.classes).padStart(7)}  ${f(row.end_to_end_s, 2, 12)}  ${f(row.vectorize_s, 2, 11)}  ${f(row.fit_s, 2, 5)}  ${f(row.peak_rss_mb, 0, 11)}  ${f(row.max_event_loop_lag_ms, 1, 10)}  ${f(row.macro_f1, 3, 8)}  ${f(row.ece, 3, 5)}  (${row.idle_lag_ms.toFixed(1)}, ${row.import_s.toFixed(1)} s, ${row.load_avg_1m.toFixed(1)}; runs ${row.runs_s.map((x) => x.toFixed(2)).join(' ')}; cold ${row.cold_end_to_end_s.toFixed(2)})`,
    );
    console.log(
      '      memory by stage: highest RSS MB / main-thread heap MB / MB it raised the peak by / longest main-thread stall ms / seconds (all runs) / during that stall, ms the main thread ran and waited for a core (the rest it was blocked)',
    );
    for (const st of row.stages) {
      const during = st.stall_ran_ms === null ? '' : `   ran ${st.stall_ran_ms.toFixed(1)}, waited ${st.stall_waited_ms!.toFixed(1)}`;
      console.log(
        `        ${st.stage.padEnd(76)} ${String(st.rss_mb).padStart(6)} ${String(st.main_heap_mb).padStart(5)} ${String(st.raised_peak_mb).padStart(6)} ${st.max_stall_ms.toFixed(1).padStart(6)} ${st.seconds.toFixed(1).padStart(7)}${during}`,
      );
    }
  }
}

await main();
