/**
 * Where a benchmark's memory peak comes from: the caller names the stage it is in (or lets training
 * progress name it), and every 25 ms this samples the process's RSS (every thread: the training
 * worker and its screening thread are threads of this process) and the main thread's V8 heap. The
 * high-water mark of RSS (getrusage, exact) is read at every change of stage, so the stage that
 * raised it is known even when a spike is shorter than a sample. The sampler's own lateness is the
 * main thread's longest stall in each stage (what a lag maximum alone does not place), with what
 * the thread did meanwhile (Linux): ran (its own work: JavaScript, a collection, a query), waited
 * for a core, or neither — blocked in the kernel, which an idle event loop does not cause itself
 * (on this VM an idle process stalls so for ~100 ms while another one churns memory).
 */
import fs from 'node:fs';
import type { StudioEvent } from '../../preload/contract';

/** Figures of one stage, in MB. */
export interface StageMemory {
  stage: string;
  /** Highest RSS sampled during the stage. */
  rss_mb: number;
  /** Highest main-thread heap (used) sampled during the stage. */
  main_heap_mb: number;
  /** How much the process's all-time RSS high-water mark rose during the stage (0: the peak is elsewhere). */
  raised_peak_mb: number;
  /** The main thread's longest stall during the stage: how late the 25 ms sampler ran, in ms. */
  max_stall_ms: number;
  /** During that stall's interval, ms the main thread ran and waited for a core (null: not Linux). */
  stall_ran_ms: number | null;
  stall_waited_ms: number | null;
  seconds: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The main thread's nanoseconds on a core and waiting for one so far (Linux's schedstat), or null. */
export function mainThreadSchedule(): [number, number] | null {
  try {
    const [ran, waited] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return [ran!, waited!];
  } catch {
    return null;
  }
}
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024;

/**
 * The stage name of a training progress step, without its counters, keeping what a fit is doing
 * ("Final model on every document: epoch 3 of 10" → "Final model on every document: epoch"), so
 * the tuning, the final vectorizing and the solver of one fit show apart.
 */
export function stageOfStep(step: string): string {
  return step
    .replace(/,?\s*(?:step\s+)?\d[\d,]*\s+of\s+\d[\d,]*.*$/, '')
    .replace(/ fold$/, '')
    .replace(/,\s*step$/, '')
    .trim();
}

/** Starts sampling; `enter` switches stage, `stop` returns every stage in order of first entry. */
export function trackStageMemory(first: string) {
  const stages = new Map<string, { rss: number; heap: number; raised: number; stall: number; ran: number | null; waited: number | null; ms: number }>();
  const intervalMs = 25;
  let sampledAt = performance.now();
  let current = first;
  let enteredMs = performance.now();
  let peakAtEntry = maxRssBytes();
  const stat = (name: string) => {
    let s = stages.get(name);
    if (!s) stages.set(name, (s = { rss: 0, heap: 0, raised: 0, stall: 0, ran: null, waited: null, ms: 0 }));
    return s;
  };
  const sample = () => {
    const s = stat(current);
    s.rss = Math.max(s.rss, process.memoryUsage.rss());
    s.heap = Math.max(s.heap, process.memoryUsage().heapUsed);
  };
  const close = () => {
    sample();
    const s = stat(current);
    const peak = maxRssBytes();
    s.raised += peak - peakAtEntry;
    s.ms += performance.now() - enteredMs;
    peakAtEntry = peak;
    enteredMs = performance.now();
  };
  sample();
  // A stall is charged to the stage that was current at the tick before it, where it began (a
  // synchronous stage ends before the late tick runs).
  let tickStage = first;
  let schedule = mainThreadSchedule();
  const timer = setInterval(() => {
    const now = performance.now();
    const next = mainThreadSchedule();
    const s = stat(tickStage);
    const stall = now - sampledAt - intervalMs;
    if (stall > s.stall) {
      s.stall = stall;
      s.ran = next && schedule ? (next[0] - schedule[0]) / 1e6 : null;
      s.waited = next && schedule ? (next[1] - schedule[1]) / 1e6 : null;
    }
    schedule = next;
    sampledAt = now;
    tickStage = current;
    sample();
  }, intervalMs);
  return {
    enter(stage: string) {
      if (stage === current) return;
      close();
      current = stage;
      sample();
    },
    /** Names the stage from training progress events (subscribe this to the core's event bus). */
    onEvent(event: StudioEvent) {
      if (event.name === 'training.progressed') this.enter(`train: ${stageOfStep(event.payload.step)}`);
    },
    stop(): StageMemory[] {
      close();
      clearInterval(timer);
      return [...stages].map(([stage, s]) => ({
        stage,
        rss_mb: mb(s.rss),
        main_heap_mb: mb(s.heap),
        raised_peak_mb: mb(s.raised),
        max_stall_ms: Number(s.stall.toFixed(1)),
        stall_ran_ms: s.ran === null ? null : Number(s.ran.toFixed(1)),
        stall_waited_ms: s.waited === null ? null : Number(s.waited.toFixed(1)),
        seconds: Number((s.ms / 1000).toFixed(2)),
      }));
    },
  };
}
