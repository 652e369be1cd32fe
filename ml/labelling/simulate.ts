/**
 * A person labelling with suggestions, simulated: the pile starts unlabelled except a few resumes
 * per category; an oracle answers the queue with each resume's true label; the labelling model is
 * refitted every `refreshEvery` answers and scored on held-out resumes the loop never sees. It is
 * how `npm run bench:labelling` compares the queue's orders. Pure (the clock is passed in).
 */
import type { PreparedCorpus } from '../models/prepared-corpus';
import type { PipelineParams } from '../models/pipeline';
import { l2NormalizeRows } from '../features/csr';
import { macroF1 } from '../eval/metrics';
import { createRng, shuffleInPlace } from '../random';
import { fitLabellingModel, suggestionsFor } from './labelling-model';
import { cosineOfRows, orderQueue, scarcityWeights, type QueueOrder } from './queue-order';
import { topClassOf, uncertaintyOf, type UncertaintyMeasure } from './uncertainty';

/** One simulated labelling session. */
export interface SimulationOptions {
  /** Every document read once; its labels are the oracle's answers. */
  prepared: PreparedCorpus;
  /** Documents the person labels (the pile), and the held-out ones the model is scored on. */
  pile: ArrayLike<number>;
  test: ArrayLike<number>;
  order: QueueOrder;
  measure: UncertaintyMeasure;
  /** See QueueOrderOptions.sharpness (Infinity: sorted by uncertainty). */
  sharpness: number;
  /** See scarcityWeights (0: none). */
  scarcity?: number;
  /** Labelled per category before the first answer. */
  startPerCategory: number;
  refreshEvery: number;
  /** Stop after this many answers. */
  maxAnswers: number;
  seed: number;
  params: Partial<PipelineParams>;
  /** Milliseconds from some origin (performance.now), for the refresh times. */
  now: () => number;
  /** CPU milliseconds this thread used from some origin, if known: a refresh's cost without the waits a loaded machine adds. */
  cpuNow?: () => number;
}

/** What a session measured: held-out macro-F1 after each refresh, and how long each refresh took. */
export interface SimulationResult {
  /** Macro-F1 on the held-out documents of the model fitted after `answers` answers. */
  curve: { answers: number; macroF1: number }[];
  refreshMs: number[];
  /** CPU milliseconds of each refresh (empty without cpuNow). */
  refreshCpuMs: number[];
}

/** Runs one session; see the file header. */
export function simulateLabelling(options: SimulationOptions): SimulationResult {
  const { prepared, order, refreshEvery } = options;
  const pile = Array.from(options.pile);
  const test = Int32Array.from(options.test);
  const classes = [...new Set(pile.map((d) => prepared.labels[d]!))].sort();
  const yTest = Int32Array.from(test, (d) => classes.indexOf(prepared.labels[d]!));
  const rng = createRng(options.seed);
  const labelled = new Set<number>();
  for (const category of classes) {
    const ofCategory = shuffleInPlace(
      pile.filter((d) => prepared.labels[d] === category),
      rng,
    ) as number[];
    for (const d of ofCategory.slice(0, options.startPerCategory)) labelled.add(d);
  }
  // Term vectors of the pile for the diversity rule (its candidate terms, l2-normalised), built once.
  const vectors = l2NormalizeRows(prepared.pool.subset(pile).candidateMatrix(Int32Array.from(pile.keys())));
  const vectorRow = new Map(pile.map((d, i) => [d, i]));
  const similarity = (a: number, b: number) => cosineOfRows(vectors, vectorRow.get(a)!, vectorRow.get(b)!);
  const curve: SimulationResult['curve'] = [];
  const refreshMs: number[] = [];
  const refreshCpuMs: number[] = [];
  let recent: number[] = [];
  for (let answers = 0, refresh = 0; ; refresh++) {
    const started = options.now();
    const cpuStarted = options.cpuNow?.();
    const rows = Int32Array.from([...labelled].sort((a, b) => a - b));
    const model = fitLabellingModel(prepared, rows, options.params);
    const candidates = Int32Array.from(pile.filter((d) => !labelled.has(d)));
    // A refresh suggests a category for every resume not labelled yet: here the pile's rest and the held-out ones.
    const proba = suggestionsFor(model, prepared, candidates);
    const testProba = suggestionsFor(model, prepared, test);
    const K = model.pipeline.classes.length;
    refreshMs.push(options.now() - started);
    if (options.cpuNow && cpuStarted !== undefined) refreshCpuMs.push(options.cpuNow() - cpuStarted);
    const predicted = topClassOf(testProba, K).label;
    const yPred = Int32Array.from(predicted, (k) => classes.indexOf(model.pipeline.classes[k]!));
    curve.push({ answers, macroF1: macroF1(yTest, yPred, classes.length) });
    if (answers >= options.maxAnswers || candidates.length === 0) break;
    const top = topClassOf(proba, K);
    const labelledPerClass = model.pipeline.classes.map((c) => [...labelled].filter((d) => prepared.labels[d] === c).length);
    const weight = options.scarcity ? scarcityWeights(top.label, labelledPerClass, options.scarcity) : undefined;
    const picked = orderQueue(
      { docs: candidates, uncertainty: uncertaintyOf(proba, K, options.measure), probability: top.probability, weight },
      {
        order,
        limit: Math.min(refreshEvery, options.maxAnswers - answers),
        seed: options.seed * 7919 + refresh,
        similarity,
        recent,
        sharpness: options.sharpness,
      },
    );
    // The oracle answers with the true label; the person remembers what they were just asked.
    recent = Array.from(picked, (p) => candidates[p]!);
    for (const d of recent) labelled.add(d);
    answers += recent.length;
  }
  return { curve, refreshMs, refreshCpuMs };
}
