/**
 * ML benchmark: `npm run bench -- [--data PATH] [--engines fast,mljs] [--scales base,10k,50k] [--json]
 * [--seeds N] [--cv K --repeats R] [--ablation]`. Each (engine, scale) runs in its own child process so
 * peak RSS is that run's own. Without --data it uses the generated resume sample. Prints aggregate
 * numbers only, never resume text.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadLabelledDataset } from '../../main/datasets/index';
import {
  crossValidate,
  createRng,
  evaluatePipeline,
  findDuplicateGroups,
  generateResumeSample,
  groupStratifiedSplit,
  TextClassifier,
  type EngineName,
  type PipelineParams,
  type Rng,
} from '../../ml/index';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    engines: { type: 'string', default: 'fast,mljs' },
    scales: { type: 'string', default: 'base,10k,50k' },
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    seeds: { type: 'string', default: '0' },
    cv: { type: 'string', default: '0' },
    'drop-duplicates': { type: 'boolean', default: false },
    repeats: { type: 'string', default: '1' },
    ablation: { type: 'boolean', default: false },
    'text-column': { type: 'string' },
    'label-column': { type: 'string' },
    only: { type: 'string' },
  },
  allowPositionals: true,
});

const SCALE_DOCS: Record<string, number> = { '10k': 10_000, '50k': 50_000 };
const MLJS_BUDGET_S = 300;

interface Row {
  engine: string;
  scale: string;
  docs: number;
  classes: number;
  vocab: number;
  vectorize_s: number;
  train_s: number;
  vectorize_cpu_s?: number;
  train_cpu_s?: number;
  load_avg_1m?: number;
  predict_ms_per_doc: number;
  peak_rss_mb: number;
  accuracy: number;
  macro_f1: number;
  test_docs: number;
  epochs?: number;
  skipped?: string;
}

function loadCorpus(): { texts: string[]; labels: string[]; name: string } {
  if (!values.data) {
    const sample = generateResumeSample({ seed: 42, perClass: 150 });
    return { texts: sample.map((s) => s.text), labels: sample.map((s) => s.category), name: 'generated sample (seed 42, 150 per class)' };
  }
  const d = loadLabelledDataset(values.data, { textColumn: values['text-column'], labelColumn: values['label-column'] });
  if (!values['drop-duplicates']) return { texts: d.texts, labels: d.labels, name: values.data };
  // BASELINES.md protocol: keep the first of each exact duplicate (lower-cased, whitespace folded).
  const seen = new Set<string>();
  const keep = d.texts.map((t) => {
    const key = t.toLowerCase().replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { texts: d.texts.filter((_, i) => keep[i]), labels: d.labels.filter((_, i) => keep[i]), name: `${values.data} (exact duplicates dropped)` };
}

/** A resampled copy of a text: each word dropped with probability 0.1, so copies are not byte-identical. */
function perturb(text: string, rng: Rng): string {
  return text
    .split(' ')
    .filter(() => rng.next() >= 0.1)
    .join(' ');
}

function* perturbed(texts: string[], rows: Int32Array, rng: Rng): Generator<string> {
  for (const r of rows) yield perturb(texts[r]!, rng);
}

function paramsFor(engine: EngineName, extra: Partial<PipelineParams> = {}): Partial<PipelineParams> {
  return { engine, ...extra };
}

/** One (engine, scale) run in this process. */
function runOne(engine: EngineName, scale: string, seed: number, extra: Partial<PipelineParams> = {}): Row {
  const corpus = loadCorpus();
  const classes = [...new Set(corpus.labels)].sort();
  const y = corpus.labels.map((l) => classes.indexOf(l));
  const groups = findDuplicateGroups(corpus.texts);
  const { train, test } = groupStratifiedSplit(y, groups.groupOf, 0.2, seed);
  let trainTexts: Iterable<string> = Array.from(train, (i) => corpus.texts[i]!);
  let trainLabels = Array.from(train, (i) => corpus.labels[i]!);
  let testTexts = Array.from(test, (i) => corpus.texts[i]!);
  let testLabels = Array.from(test, (i) => corpus.labels[i]!);
  let docs = corpus.texts.length;
  if (scale !== 'base') {
    docs = SCALE_DOCS[scale]!;
    const rng = createRng(seed + 7);
    const nTest = Math.round(docs * 0.2);
    // Each side is resampled (with replacement) from its own side of the dedup-aware split, so no
    // copy of a test resume ever trains. Training texts are generated lazily: 40k strings never coexist.
    const trainRows = Int32Array.from({ length: docs - nTest }, () => train[rng.int(train.length)]!);
    const testRows = Int32Array.from({ length: nTest }, () => test[rng.int(test.length)]!);
    trainLabels = Array.from(trainRows, (r) => corpus.labels[r]!);
    testLabels = Array.from(testRows, (r) => corpus.labels[r]!);
    trainTexts = perturbed(corpus.texts, trainRows, createRng(seed + 8));
    testTexts = [...perturbed(corpus.texts, testRows, createRng(seed + 9))];
  }
  const cpuStart = process.cpuUsage();
  let cpuVectorized = cpuStart;
  const pipeline = new TextClassifier(paramsFor(engine, extra)).fit(trainTexts, trainLabels, { onVectorized: () => (cpuVectorized = process.cpuUsage()) });
  const cpuEnd = process.cpuUsage();
  const cpuSeconds = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1e6;
  const started = performance.now();
  const report = evaluatePipeline(pipeline, { texts: testTexts, labels: testLabels });
  const predictMs = performance.now() - started;
  return {
    engine,
    scale,
    docs,
    classes: classes.length,
    vocab: pipeline.vectorizer.vocabulary.length,
    vectorize_s: pipeline.lastFitTimings!.vectorizeMs / 1000,
    train_s: pipeline.lastFitTimings!.trainMs / 1000,
    vectorize_cpu_s: cpuSeconds(cpuStart, cpuVectorized),
    train_cpu_s: cpuSeconds(cpuVectorized, cpuEnd),
    load_avg_1m: os.loadavg()[0]!,
    predict_ms_per_doc: predictMs / testTexts.length,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    accuracy: report.accuracy,
    macro_f1: report.macro.f1,
    test_docs: testTexts.length,
    ...('epochsRun' in pipeline.model ? { epochs: Number((pipeline.model as { epochsRun: number }).epochsRun) } : {}),
  };
}

function skipReason(engine: string, scale: string, nClasses: number): string | null {
  if (engine !== 'mljs' || scale === 'base') return null;
  const docs = SCALE_DOCS[scale]!;
  const denseGb = (docs * 0.8 * 2000 * 8 * 2) / 1e9;
  // PERF-NOTES: ~0.09 s per step per class at ~2k training rows × 2k features, linear in rows; 50 steps.
  const minutes = (0.09 * ((docs * 0.8) / 2000) * 50 * nClasses) / 60;
  if (minutes * 60 <= MLJS_BUDGET_S && denseGb < 1) return null;
  return `skipped: mljs is dense full-batch GD; ${docs} docs × 2k features needs ~${denseGb.toFixed(1)} GB (matrix + its per-step transpose) and ~${minutes.toFixed(0)} min (budget: ${MLJS_BUDGET_S / 60} min, 1 GB)`;
}

function fmt(row: Row): string {
  if (row.skipped) return `${row.engine.padEnd(6)} ${row.scale.padEnd(5)} ${String(row.docs).padStart(6)}  ${row.skipped}`;
  return [
    row.engine.padEnd(6),
    row.scale.padEnd(5),
    String(row.docs).padStart(6),
    String(row.classes).padStart(7),
    String(row.vocab).padStart(6),
    row.vectorize_s.toFixed(2).padStart(11),
    row.train_s.toFixed(2).padStart(8),
    `${(row.vectorize_cpu_s ?? 0).toFixed(2)}+${(row.train_cpu_s ?? 0).toFixed(2)}`.padStart(11),
    row.predict_ms_per_doc.toFixed(3).padStart(10),
    row.peak_rss_mb.toFixed(0).padStart(8),
    row.accuracy.toFixed(3).padStart(8),
    row.macro_f1.toFixed(3).padStart(8),
    (row.load_avg_1m ?? 0).toFixed(1).padStart(5),
  ].join(' ');
}

function emit(row: Row): void {
  if (values.json) console.log(JSON.stringify(row));
  else console.log(fmt(row));
}

const seed = Number(values.seed);
if (values.only) {
  const [engine, scale, extraJson] = values.only.split('|');
  console.log(JSON.stringify(runOne(engine as EngineName, scale!, seed, extraJson ? JSON.parse(extraJson) : {})));
} else {
  const self = fileURLToPath(import.meta.url);
  const forward = process.argv.slice(2).filter((a, i, all) => a !== '--json' && !a.startsWith('--only') && all[i - 1] !== '--only');
  const child = (only: string): Row => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, ...forward, '--only', only], { encoding: 'utf8', maxBuffer: 1 << 24 });
    return JSON.parse(out.trim().split('\n').at(-1)!) as Row;
  };
  const corpus = loadCorpus();
  if (!values.json) {
    console.log(`data: ${corpus.name}: ${corpus.texts.length} docs, ${new Set(corpus.labels).size} classes; dedup-aware stratified 80/20 split, seed ${seed}`);
    console.log('wall seconds, then CPU seconds (vectorize+train) because the machine is shared; load = 1-min load average during the run');
    console.log('engine scale   docs classes  vocab vectorize_s  train_s    cpu v+t predict_ms  peak_MB accuracy macro_f1  load');
  }
  for (const engine of values.engines.split(',') as EngineName[]) {
    for (const scale of values.scales.split(',')) {
      const reason = skipReason(engine, scale, new Set(corpus.labels).size);
      if (reason)
        emit({
          engine,
          scale,
          docs: SCALE_DOCS[scale]!,
          classes: 0,
          vocab: 0,
          vectorize_s: 0,
          train_s: 0,
          predict_ms_per_doc: 0,
          peak_rss_mb: 0,
          accuracy: 0,
          macro_f1: 0,
          test_docs: 0,
          skipped: reason,
        });
      else emit(child(`${engine}|${scale}`));
    }
  }
  const seeds = Number(values.seeds);
  if (seeds > 0) {
    // Several seeded splits: the single 80/20 split of a small deduplicated corpus is noisy.
    for (const engine of values.engines.split(',') as EngineName[]) {
      const f1 = Array.from({ length: seeds }, (_, i) => runSeed(engine, seed + i));
      report(`${engine}: macro-F1 over ${seeds} dedup-aware 80/20 splits (seeds ${seed}..${seed + seeds - 1})`, f1);
    }
  }
  const k = Number(values.cv);
  if (k > 0) {
    const groups = findDuplicateGroups(corpus.texts);
    for (const engine of values.engines.split(',') as EngineName[]) {
      const f1: number[] = [];
      const acc: number[] = [];
      for (let r = 0; r < Number(values.repeats); r++) {
        const cv = crossValidate(corpus, paramsFor(engine), { folds: k, seed: seed + r, groups });
        f1.push(cv.meanMacroF1);
        acc.push(cv.meanAccuracy);
      }
      report(`${engine}: accuracy, ${values.repeats}× repeated dedup-aware stratified ${k}-fold CV`, acc);
      report(`${engine}: macro-F1, ${values.repeats}× repeated dedup-aware stratified ${k}-fold CV`, f1);
    }
  }
  if (values.ablation) {
    const variants: [string, Partial<PipelineParams>][] = [
      ['all engineered features (default)', {}],
      ['without headline terms', { vectorizer: { headlineTokens: 0 } }],
      ['without years of experience', { engineered: { yearsOfExperience: false } }],
      ['without length', { engineered: { length: false } }],
      ['without section presence', { engineered: { sections: false } }],
      ['no engineered features at all', { vectorizer: { headlineTokens: 0 }, engineered: { yearsOfExperience: false, length: false, sections: false } }],
    ];
    for (const [name, extra] of variants) {
      const f1 = Array.from({ length: Math.max(1, seeds) }, (_, i) => runSeed('fast', seed + i, extra));
      report(`ablation, fast, ${name}`, f1);
    }
  }
}

/** Macro-F1 of one base-scale run with another split seed, in a child process. */
function runSeed(engine: EngineName, s: number, extra: Partial<PipelineParams> = {}): number {
  const args = [
    ...(values.data ? ['--data', values.data] : []),
    ...(values['drop-duplicates'] ? ['--drop-duplicates'] : []),
    ...(values['text-column'] ? ['--text-column', values['text-column']] : []),
    ...(values['label-column'] ? ['--label-column', values['label-column']] : []),
  ];
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), ...args, '--seed', String(s), '--only', `${engine}|base|${JSON.stringify(extra)}`],
    { encoding: 'utf8' },
  );
  return (JSON.parse(out.trim().split('\n').at(-1)!) as Row).macro_f1;
}

function report(title: string, xs: number[]): void {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  if (values.json) console.log(JSON.stringify({ summary: title, mean, sd, n: xs.length, values: xs }));
  else console.log(`${title}: ${mean.toFixed(3)} ± ${sd.toFixed(3)} (n=${xs.length}: ${xs.map((x) => x.toFixed(3)).join(', ')})`);
}
