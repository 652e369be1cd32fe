/**
 * One benchmark run of the ML bench in this process: load the corpus (or a reference split file
 * pair), split it (dedup-aware, stratified, seeded), optionally resample to 10k/50k, fit, and score
 * the test set as given, with each resume's first line removed and (optionally) as one N-word window
 * per resume. Prints nothing; returns figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLabelledDataset } from '../../main/datasets/index';
import {
  createRng,
  evaluatePipeline,
  evaluatePredictions,
  findDuplicateGroups,
  generateResumeSample,
  groupStratifiedSplit,
  stripFirstLine,
  TextClassifier,
  textWindow,
  type EngineName,
  type PipelineParams,
  type Rng,
} from '../../ml/index';

/** Where the documents come from. */
export interface CorpusSource {
  data?: string;
  dropDuplicates: boolean;
  textColumn?: string;
  labelColumn?: string;
  /** A folder holding the reference's train_S.jsonl / test_S.jsonl (make_splits.py): the split is read, not made. */
  splitFiles?: string;
  /** Also score one N-word window per test resume (0 = off); with splitFiles, read from window_S.jsonl (make_windows.py). */
  windowWords: number;
}

/** The figures of one run. */
export interface Row {
  engine: string;
  scale: string;
  seed: number;
  docs: number;
  classes: number;
  vocab: number;
  vectorize_s: number;
  tune_s: number;
  fit_s: number;
  calibrate_s: number;
  /** vectorize + tune + fit + calibrate: the whole fit, wall clock. */
  train_s: number;
  train_cpu_s: number;
  load_avg_1m: number;
  predict_ms_per_doc: number;
  peak_rss_mb: number;
  accuracy: number;
  macro_f1: number;
  ece15: number;
  logloss: number;
  stripped_macro_f1: number;
  /** Macro-F1 on one window of `window_words` words per test resume (NaN when not asked for). */
  window_macro_f1: number;
  window_words: number;
  window_docs: number;
  test_docs: number;
  /** Per test document: the top label's probability (4 decimals) and whether it was right, for pooled ECE and its noise floor. */
  top_conf: number[];
  top_correct: number[];
  chosen?: string;
  temperature?: number;
  skipped?: string;
}

/** Scale name → documents. */
export const SCALE_DOCS: Record<string, number> = { '10k': 10_000, '50k': 50_000 };

/** The labelled corpus of a source (the generated sample without --data). */
export function loadCorpus(source: CorpusSource): { texts: string[]; labels: string[]; name: string } {
  if (!source.data) {
    const sample = generateResumeSample({ seed: 42, perClass: 150 });
    return { texts: sample.map((s) => s.text), labels: sample.map((s) => s.category), name: 'generated sample (seed 42, 150 per class)' };
  }
  const d = loadLabelledDataset(source.data, { textColumn: source.textColumn, labelColumn: source.labelColumn });
  if (!source.dropDuplicates) return { texts: d.texts, labels: d.labels, name: source.data };
  // BASELINES.md protocol: keep the first of each exact duplicate (lower-cased, whitespace folded).
  const seen = new Set<string>();
  const keep = d.texts.map((t) => {
    const key = t.toLowerCase().replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { texts: d.texts.filter((_, i) => keep[i]), labels: d.labels.filter((_, i) => keep[i]), name: `${source.data} (exact duplicates dropped)` };
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

interface Split {
  trainTexts: Iterable<string>;
  trainLabels: string[];
  testTexts: string[];
  testLabels: string[];
  /** One window per test resume long enough for one (empty when windows are off). */
  windows: { texts: string[]; labels: string[] };
  docs: number;
  classes: number;
}

/** One seeded window per test resume (those with too few words have none), as the reference's make_windows.py. */
function windowsOf(texts: string[], labels: string[], words: number, seed: number): { texts: string[]; labels: string[] } {
  const out = { texts: [] as string[], labels: [] as string[] };
  if (words <= 0) return out;
  const rng = createRng(seed);
  texts.forEach((text, i) => {
    const window = textWindow(text, words, rng);
    if (window === null) return;
    out.texts.push(window);
    out.labels.push(labels[i]!);
  });
  return out;
}

/** The reference's window file of a split, checked against the asked window length. */
function readWindowFile(dir: string, seed: number, words: number): { texts: string[]; labels: string[] } {
  const file = path.join(dir, `window_${seed}.jsonl`);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist: run the reference's make_windows.py ${dir} ${words} first.`);
  const d = loadLabelledDataset(file, { textColumn: 'text', labelColumn: 'category' });
  const lengths = new Set(d.texts.map((t) => t.split(/\s+/).filter(Boolean).length));
  if (lengths.size !== 1 || !lengths.has(words))
    throw new Error(`${file} holds windows of ${[...lengths].join(', ')} words, not ${words}: run make_windows.py ${dir} ${words} again.`);
  return { texts: d.texts, labels: d.labels };
}

function makeSplit(source: CorpusSource, scale: string, seed: number): Split {
  if (source.splitFiles) {
    const read = (name: string) => loadLabelledDataset(path.join(source.splitFiles!, `${name}_${seed}.jsonl`), { textColumn: 'text', labelColumn: 'category' });
    const train = read('train');
    const test = read('test');
    const classes = new Set([...train.labels, ...test.labels]).size;
    return {
      trainTexts: train.texts,
      trainLabels: train.labels,
      testTexts: test.texts,
      testLabels: test.labels,
      windows: source.windowWords > 0 ? readWindowFile(source.splitFiles, seed, source.windowWords) : windowsOf([], [], 0, seed),
      docs: train.texts.length + test.texts.length,
      classes,
    };
  }
  const corpus = loadCorpus(source);
  const classList = [...new Set(corpus.labels)].sort();
  const y = corpus.labels.map((l) => classList.indexOf(l));
  const { train, test } = groupStratifiedSplit(y, findDuplicateGroups(corpus.texts).groupOf, 0.2, seed);
  const pick = <T>(items: T[], rows: ArrayLike<number>) => Array.from(rows, (i) => items[i]!);
  if (scale === 'base')
    return {
      trainTexts: pick(corpus.texts, train),
      trainLabels: pick(corpus.labels, train),
      testTexts: pick(corpus.texts, test),
      testLabels: pick(corpus.labels, test),
      windows: windowsOf(pick(corpus.texts, test), pick(corpus.labels, test), source.windowWords, seed),
      docs: corpus.texts.length,
      classes: classList.length,
    };
  const docs = SCALE_DOCS[scale]!;
  const rng = createRng(seed + 7);
  const nTest = Math.round(docs * 0.2);
  // Each side is resampled (with replacement) from its own side of the dedup-aware split, so no
  // copy of a test resume ever trains. Training texts are generated lazily: 40k strings never coexist.
  const trainRows = Int32Array.from({ length: docs - nTest }, () => train[rng.int(train.length)]!);
  const testRows = Int32Array.from({ length: nTest }, () => test[rng.int(test.length)]!);
  const testTexts = [...perturbed(corpus.texts, testRows, createRng(seed + 9))];
  return {
    trainTexts: perturbed(corpus.texts, trainRows, createRng(seed + 8)),
    trainLabels: pick(corpus.labels, trainRows),
    testTexts,
    testLabels: pick(corpus.labels, testRows),
    windows: windowsOf(testTexts, pick(corpus.labels, testRows), source.windowWords, seed),
    docs,
    classes: classList.length,
  };
}

/** Fits one engine on one split and scores it; `extra` overrides pipeline parameters (ablations). */
export function runOne(source: CorpusSource, engine: EngineName, scale: string, seed: number, extra: Partial<PipelineParams> = {}): Row {
  const split = makeSplit(source, scale, seed);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const pipeline = new TextClassifier({ engine, seed, ...extra }).fit(split.trainTexts, split.trainLabels);
  const trainWallS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const predictStarted = performance.now();
  const proba = pipeline.predictProba(split.testTexts);
  const predictMs = performance.now() - predictStarted;
  const report = evaluatePredictions(
    split.testLabels.map((l) => pipeline.classes.indexOf(l)),
    proba,
    pipeline.classes,
  );
  const K = pipeline.classes.length;
  const top = split.testLabels.map((label, i) => {
    let best = 0;
    for (let k = 1; k < K; k++) if (proba[i * K + k]! > proba[i * K + best]!) best = k;
    return { conf: Math.round(proba[i * K + best]! * 1e4) / 1e4, correct: pipeline.classes[best] === label ? 1 : 0 };
  });
  const stripped = evaluatePipeline(pipeline, { texts: split.testTexts.map(stripFirstLine), labels: split.testLabels });
  const windows = split.windows.texts.length > 0 ? evaluatePipeline(pipeline, split.windows).macro.f1 : NaN;
  const t = pipeline.lastFitTimings!;
  const tuning = pipeline.training!.tuning;
  return {
    engine,
    scale,
    seed,
    docs: split.docs,
    classes: split.classes,
    vocab: pipeline.vectorizer.vocabulary.length,
    vectorize_s: t.vectorizeMs / 1000,
    tune_s: t.tuneMs / 1000,
    fit_s: t.fitMs / 1000,
    calibrate_s: t.calibrateMs / 1000,
    train_s: trainWallS,
    train_cpu_s: (cpu.user + cpu.system) / 1e6,
    load_avg_1m: os.loadavg()[0]!,
    predict_ms_per_doc: predictMs / split.testTexts.length,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    accuracy: report.accuracy,
    macro_f1: report.macro.f1,
    ece15: report.ece,
    logloss: report.logLoss,
    stripped_macro_f1: stripped.macro.f1,
    window_macro_f1: windows,
    window_words: source.windowWords,
    window_docs: split.windows.texts.length,
    test_docs: split.testTexts.length,
    top_conf: top.map((t) => t.conf),
    top_correct: top.map((t) => t.correct),
    ...(tuning ? { chosen: `k=${tuning.chosen.features} title=${tuning.chosen.headlineWeight} C=${tuning.chosen.C}` } : {}),
    temperature: pipeline.temperature,
  };
}
