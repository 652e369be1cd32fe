/**
 * ML benchmark. Every (engine, scale, seed) runs in its own child process so peak RSS is that run's
 * own. Without --data it uses the generated resume sample. Prints aggregate numbers only, never
 * resume text.
 *
 *   npm run bench -- [--data PATH] [--engines fast,mljs] [--scales base,10k,50k] [--seed 42] [--json]
 *   npm run bench -- --data PATH --seeds 42,1,2 [--split-files DIR] [--windows 60] [--json]   per-engine mean ± sd
 *   npm run bench -- --data PATH --cv 5 [--repeats R]                          dedup-aware k-fold CV
 *   npm run bench -- --data PATH --seeds 42,1,2 --ablation                     title terms and features
 *
 * --split-files DIR reads DIR/train_S.jsonl and DIR/test_S.jsonl (the scikit-learn reference's
 * make_splits.py) for each seed S instead of making the split, for a like-for-like comparison.
 * --windows N also scores one seeded N-word window per test resume, after its first 8 words (short,
 * title-less text); with --split-files it reads them from DIR/window_S.jsonl (make_windows.py).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng, crossValidate, findDuplicateGroups, topLabelEce, type EngineName, type PipelineParams } from '../../ml/index';
import { loadCorpus, runOne, SCALE_DOCS, type CorpusSource, type Row } from './ml-run';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    engines: { type: 'string', default: 'fast,mljs' },
    scales: { type: 'string', default: 'base,10k,50k' },
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    seeds: { type: 'string' },
    'split-files': { type: 'string' },
    windows: { type: 'string', default: '0' },
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

const source: CorpusSource = {
  data: values.data,
  dropDuplicates: values['drop-duplicates'],
  textColumn: values['text-column'],
  labelColumn: values['label-column'],
  splitFiles: values['split-files'],
  windowWords: Number(values.windows),
};
if (!Number.isInteger(source.windowWords) || source.windowWords < 0) throw new Error(`--windows takes a number of words, got "${values.windows}".`);
const MLJS_BUDGET_S = 300;
const engines = values.engines.split(',') as EngineName[];

/** The arguments a child needs to rebuild the same corpus. */
function sourceArgs(): string[] {
  return [
    ...(values.data ? ['--data', values.data] : []),
    ...(values['drop-duplicates'] ? ['--drop-duplicates'] : []),
    ...(values['text-column'] ? ['--text-column', values['text-column']] : []),
    ...(values['label-column'] ? ['--label-column', values['label-column']] : []),
    ...(values['split-files'] ? ['--split-files', values['split-files']] : []),
    ...(source.windowWords > 0 ? ['--windows', String(source.windowWords)] : []),
  ];
}

/** One run in a child process. */
function child(engine: EngineName, scale: string, seed: number, extra: Partial<PipelineParams> = {}): Row {
  const self = fileURLToPath(import.meta.url);
  const args = ['--import', 'tsx', self, ...sourceArgs(), '--seed', String(seed), '--only', `${engine}|${scale}|${JSON.stringify(extra)}`];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Row;
}

function skipReason(engine: string, scale: string, nClasses: number): string | null {
  if (engine !== 'mljs' || scale === 'base') return null;
  const docs = SCALE_DOCS[scale]!;
  const denseGb = (docs * 0.8 * 2000 * 8 * 2) / 1e9;
  // PERF-NOTES: ~0.09 s per step per class at ~2k training rows × 2k features, linear in rows; 50 steps;
  // calibration fits a second model on 80% of the rows.
  const minutes = (1.8 * 0.09 * ((docs * 0.8) / 2000) * 50 * nClasses) / 60;
  if (minutes * 60 <= MLJS_BUDGET_S && denseGb < 1) return null;
  return `skipped: mljs is dense full-batch GD; ${docs} docs × 2k features needs ~${denseGb.toFixed(1)} GB (matrix + its per-step transpose) and ~${minutes.toFixed(0)} min (budget: ${MLJS_BUDGET_S / 60} min, 1 GB)`;
}

const f = (x: number, digits = 3, width = 8) => x.toFixed(digits).padStart(width);

function scaleLine(row: Row): string {
  if (row.skipped) return `${row.engine.padEnd(6)} ${row.scale.padEnd(5)} ${String(row.docs).padStart(6)}  ${row.skipped}`;
  return [
    row.engine.padEnd(6),
    row.scale.padEnd(5),
    String(row.docs).padStart(6),
    String(row.vocab).padStart(6),
    f(row.vectorize_s, 2, 7),
    f(row.tune_s, 2, 6),
    f(row.fit_s + row.calibrate_s, 2, 6),
    f(row.train_s, 2, 7),
    f(row.train_cpu_s, 2, 7),
    f(row.predict_ms_per_doc, 3, 8),
    row.peak_rss_mb.toFixed(0).padStart(7),
    f(row.accuracy),
    f(row.macro_f1),
    f(row.stripped_macro_f1),
    ...(source.windowWords > 0 ? [f(row.window_macro_f1)] : []),
    f(row.ece15, 3, 6),
    f(row.logloss, 3, 7),
    f(row.load_avg_1m, 1, 5),
  ].join(' ');
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / Math.max(1, xs.length - 1));
const pm = (xs: number[]) => `${mean(xs).toFixed(3)} ± ${sd(xs).toFixed(3)}`;

/**
 * The ECE a perfectly calibrated model would still show with these confidences and this many
 * documents: each document is drawn right with probability equal to its confidence (mean of 200
 * draws). ECE on ~500 documents cannot be trusted below this sampling floor.
 */
function eceFloor(conf: number[]): number {
  const rng = createRng(1);
  let total = 0;
  for (let draw = 0; draw < 200; draw++)
    total += topLabelEce(
      conf,
      conf.map((p) => (rng.next() < p ? 1 : 0)),
    ).ece;
  return total / 200;
}

/** Per engine, mean ± sd over seeded base-scale runs (the issue's --seeds report). */
function seedsReport(seeds: number[], label: string, extra: Partial<PipelineParams> = {}): void {
  for (const engine of engines) {
    const rows = seeds.map((s) => child(engine, 'base', s, extra));
    const col = (k: keyof Row) => rows.map((r) => Number(r[k]));
    if (values.json) {
      console.log(
        JSON.stringify({
          engine,
          seeds,
          macro_f1_mean: mean(col('macro_f1')),
          macro_f1_sd: sd(col('macro_f1')),
          accuracy_mean: mean(col('accuracy')),
          ece15_mean: mean(col('ece15')),
          logloss_mean: mean(col('logloss')),
          stripped_macro_f1_mean: mean(col('stripped_macro_f1')),
          ...(source.windowWords > 0
            ? { window_words: source.windowWords, window_macro_f1_mean: mean(col('window_macro_f1')), window_macro_f1_sd: sd(col('window_macro_f1')) }
            : {}),
          train_s: mean(col('train_s')),
        }),
      );
      continue;
    }
    console.log(`${label}${engine}: over seeds ${seeds.join(', ')}`);
    const windowed = source.windowWords > 0 ? `   ${source.windowWords}-word window macro-F1 ${pm(col('window_macro_f1'))}` : '';
    console.log(`  accuracy ${pm(col('accuracy'))}   macro-F1 ${pm(col('macro_f1'))}   title-stripped macro-F1 ${pm(col('stripped_macro_f1'))}${windowed}`);
    const pooledConf = rows.flatMap((r) => r.top_conf);
    const pooled = topLabelEce(
      pooledConf,
      rows.flatMap((r) => r.top_correct),
    ).ece;
    console.log(`  ECE (15 bins) ${pm(col('ece15'))}   log loss ${pm(col('logloss'))}`);
    console.log(
      `  ECE sampling floor (a perfectly calibrated model, same confidences and sizes) ${pm(rows.map((r) => eceFloor(r.top_conf)))}; ECE of the ${pooledConf.length} test documents pooled ${pooled.toFixed(3)} (floor ${eceFloor(pooledConf).toFixed(3)})`,
    );
    console.log(
      `  train s (vectorize + inner CV + fit + calibrate, wall) ${pm(col('train_s'))}; CPU s ${pm(col('train_cpu_s'))}; load average ${col('load_avg_1m')
        .map((x) => x.toFixed(1))
        .join(', ')}`,
    );
    for (const r of rows)
      console.log(
        `    seed ${String(r.seed).padEnd(3)} acc ${r.accuracy.toFixed(3)} F1 ${r.macro_f1.toFixed(3)} stripped ${r.stripped_macro_f1.toFixed(3)}${source.windowWords > 0 ? ` window ${r.window_macro_f1.toFixed(3)} (${r.window_docs})` : ''} ECE ${r.ece15.toFixed(3)} logloss ${r.logloss.toFixed(3)} T ${r.temperature?.toFixed(3)} ${r.chosen ?? ''} (${r.test_docs} test)`,
      );
  }
}

if (values.only) {
  const [engine, scale, extraJson] = values.only.split('|');
  console.log(JSON.stringify(runOne(source, engine as EngineName, scale!, Number(values.seed), extraJson ? JSON.parse(extraJson) : {})));
} else if (values.seeds) {
  const seeds = values.seeds.split(',').map(Number);
  if (!values.json)
    console.log(
      `data: ${values['split-files'] ? `split files in ${values['split-files']} (train_S / test_S.jsonl)` : `${loadCorpus(source).name}; dedup-aware stratified 80/20 splits`}`,
    );
  seedsReport(seeds, '');
  if (values.ablation) {
    const variants: [string, Partial<PipelineParams>][] = [
      ['no headline (title) terms', { vectorizer: { headlineTokens: 0 } }],
      ['title terms at weight 1', { tune: { grid: { features: [1500, 3000], headlineWeight: [1], C: [0.25, 0.5, 1] } } }],
      ['title weight tuned too (0.5 or 1)', { tune: { grid: { features: [1500, 3000], headlineWeight: [0.5, 1], C: [0.25, 0.5, 1] } } }],
      ['tuned on macro-F1 as given only', { tune: { objective: 'full' } }],
      ['plain SVM (no NB scaling)', { fast: { nbInterpolation: 0 } }],
      ['half NB scaling (β 0.5, the default before the broad view)', { fast: { nbInterpolation: 0.5 } }],
      ['no broad view (the focused model alone)', { broad: false }],
      ['broad view with plain centroids (no square root)', { broad: { weightPower: 1 } }],
      ['no engineered columns', { engineered: { yearsOfExperience: false, length: false, sections: false } }],
    ];
    for (const [name, extra] of variants) seedsReport(seeds, `ablation (${name}) `, extra);
  }
} else {
  const corpus = loadCorpus(source);
  const seed = Number(values.seed);
  if (!values.json) {
    console.log(`data: ${corpus.name}: ${corpus.texts.length} docs, ${new Set(corpus.labels).size} classes; dedup-aware stratified 80/20 split, seed ${seed}`);
    console.log('wall seconds (train = vectorize + inner CV + fit + calibrate), CPU seconds of the whole fit, load = 1-min load average');
    console.log(
      `engine scale   docs  vocab  vect_s tune_s  fit_s train_s   cpu_s predict_ms peak_MB accuracy macro_f1 stripped${source.windowWords > 0 ? '   window' : ''}    ece logloss  load`,
    );
  }
  for (const engine of engines) {
    for (const scale of values.scales.split(',')) {
      const reason = skipReason(engine, scale, new Set(corpus.labels).size);
      const row = reason ? ({ engine, scale, docs: SCALE_DOCS[scale]!, skipped: reason } as Row) : child(engine, scale, seed);
      const { top_conf: _conf, top_correct: _correct, ...printed } = row;
      console.log(values.json ? JSON.stringify(printed) : scaleLine(row));
    }
  }
  const k = Number(values.cv);
  if (k > 0) {
    const groups = findDuplicateGroups(corpus.texts);
    for (const engine of engines) {
      const f1: number[] = [];
      const acc: number[] = [];
      for (let r = 0; r < Number(values.repeats); r++) {
        const cv = crossValidate(corpus, { engine }, { folds: k, seed: seed + r, groups });
        f1.push(cv.meanMacroF1);
        acc.push(cv.meanAccuracy);
      }
      console.log(`${engine}: ${values.repeats}× repeated dedup-aware stratified ${k}-fold CV: accuracy ${pm(acc)}, macro-F1 ${pm(f1)}`);
    }
  }
}
