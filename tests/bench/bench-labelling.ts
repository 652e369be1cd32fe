/**
 * Labelling benchmark: `npm run bench:labelling -- [--data FILE] [--seeds 1,2,3] [--every 25] [--json]`.
 * Simulates a person labelling with suggestions (ml/labelling/simulate.ts) on seeded splits of a
 * labelled corpus with its exact duplicates removed: 20% held out, the rest starts unlabelled except
 * 2 resumes per category, an oracle answers with the true label, the model refreshes every 25
 * answers. Prints held-out macro-F1 after 50…800 answers for the queue's order and for random
 * order (mean over the seeds), the fewest answers after which the queue's order reaches random
 * order's macro-F1 at 800, and the median seconds per refresh. Prints figures only, never resume text.
 * A/B flags: --measure margin|entropy, --sharpness, --scarcity (the queue's draw, queue-order.ts),
 * --features, --C (the labelling model's, for both orders).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  groupStratifiedSplit,
  labellingModelParams,
  QUEUE_SCARCITY,
  QUEUE_SHARPNESS,
  simulateLabelling,
  singletonGroups,
  TextClassifier,
  type QueueOrder,
} from '../../ml/index';
import { loadCorpus } from './ml-run';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    seeds: { type: 'string', default: '1,2,3' },
    every: { type: 'string', default: '25' },
    measure: { type: 'string', default: 'margin' },
    sharpness: { type: 'string', default: String(QUEUE_SHARPNESS) },
    scarcity: { type: 'string', default: String(QUEUE_SCARCITY) },
    // The labelling model's settings, for A/B runs (default: labellingModelParams').
    features: { type: 'string' },
    C: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const checkpoints = [50, 100, 200, 400, 800] as const;
const maxAnswers = checkpoints.at(-1)!;
const seeds = values.seeds.split(',').map(Number);
const refreshEvery = Number(values.every);
const measure = values.measure === 'entropy' ? 'entropy' : 'margin';

const modelOverrides = {
  ...(values.features ? { features: Number(values.features) } : {}),
  ...(values.C ? { C: Number(values.C) } : {}),
};
const corpus = loadCorpus({ data: values.data, dropDuplicates: true, windowWords: 0 });
const classes = [...new Set(corpus.labels)].sort();
const y = Int32Array.from(corpus.labels, (l) => classes.indexOf(l));
const log = (line: string) => values.json || console.error(line);
log(`${corpus.name}: ${corpus.texts.length} resumes, ${classes.length} categories; seeds ${seeds.join(', ')}; refresh every ${refreshEvery} answers`);

const loadStart = os.loadavg()[0]!;
const prepared = new TextClassifier(labellingModelParams(0)).prepare(corpus.texts, corpus.labels);
const curves: Record<'queue' | 'random', number[][]> = { queue: [], random: [] };
const refreshMs: number[] = [];
const refreshCpuMs: number[] = [];
for (const seed of seeds) {
  const { train, test } = groupStratifiedSplit(y, singletonGroups(y.length), 0.2, seed);
  for (const [name, order] of [
    ['queue', 'uncertain'],
    ['random', 'random'],
  ] as [keyof typeof curves, QueueOrder][]) {
    const result = simulateLabelling({
      prepared,
      pile: train,
      test,
      order,
      measure,
      sharpness: Number(values.sharpness),
      scarcity: Number(values.scarcity),
      startPerCategory: 2,
      refreshEvery,
      maxAnswers,
      seed,
      params: labellingModelParams(seed, modelOverrides),
      now: () => performance.now(),
      // The process's CPU time: on a machine shared with other work, wall time also counts the waits for a core.
      cpuNow: () => process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
    });
    curves[name].push(result.curve.map((p) => p.macroF1));
    refreshMs.push(...result.refreshMs);
    refreshCpuMs.push(...result.refreshCpuMs);
    const at = (n: number) => result.curve.find((p) => p.answers === n)?.macroF1.toFixed(3) ?? '-';
    log(`seed ${seed} ${name.padEnd(6)} ${checkpoints.map((n) => `${n}: ${at(n)}`).join('  ')}`);
  }
}

/** Mean over the seeds of the curve point after `answers` answers. */
const meanAt = (name: keyof typeof curves, answers: number) => {
  const index = answers / refreshEvery;
  return curves[name].reduce((sum, curve) => sum + curve[index]!, 0) / curves[name].length;
};
const round = (x: number) => Math.round(x * 1000) / 1000;
const table = (name: keyof typeof curves) => Object.fromEntries(checkpoints.map((n) => [String(n), round(meanAt(name, n))]));
const target = meanAt('random', maxAnswers);
const points = curves.queue[0]!.length;
const match = Array.from({ length: points }, (_, i) => i * refreshEvery).find((answers) => meanAt('queue', answers) >= target) ?? null;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const result = {
  queue_f1: table('queue'),
  random_f1: table('random'),
  answers_to_match_random_800: match,
  refresh_s_median: round(median(refreshMs) / 1000),
  refresh_cpu_s_median: round(median(refreshCpuMs) / 1000),
  refreshes: refreshMs.length,
  load_avg_1m: round((loadStart + os.loadavg()[0]!) / 2),
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(`\n| answers | ${checkpoints.join(' | ')} |`);
  console.log(`|---|${checkpoints.map(() => '---').join('|')}|`);
  console.log(`| queue (least sure first) | ${checkpoints.map((n) => result.queue_f1[n]!.toFixed(3)).join(' | ')} |`);
  console.log(`| random | ${checkpoints.map((n) => result.random_f1[n]!.toFixed(3)).join(' | ')} |`);
  console.log(
    `\nrandom order's macro-F1 at ${maxAnswers} answers (${target.toFixed(3)}) reached by the queue after ${match ?? `more than ${maxAnswers}`} answers; ` +
      `median refresh ${result.refresh_s_median} s (CPU ${result.refresh_cpu_s_median} s) over ${result.refreshes} refreshes (load average ${result.load_avg_1m})`,
  );
}
