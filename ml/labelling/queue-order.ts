/**
 * The order of the "Label with suggestions" queue: which unlabelled resume to ask about next.
 * `uncertain` asks first where the model is least sure (uncertainty sampling, optionally drawn
 * rather than sorted, see `sharpness`), with a diversity rule so it does not ask about near-copies
 * of a resume it has just asked about or is about to ask about (a batch of near-identical
 * questions teaches the model one thing); `confident` walks the surest suggestions first (quick to
 * accept); `random` is the baseline. Pure.
 */
import type { CsrMatrix } from '../features/csr';
import { createRng, shuffleInPlace } from '../random';

/** The orders the queue offers. */
export type QueueOrder = 'uncertain' | 'random' | 'confident';

/** The unlabelled resumes the queue can ask about, with what the model says of each. */
export interface QueueCandidates {
  /** Document index of each candidate (what `similarity` and `recent` speak of). */
  docs: ArrayLike<number>;
  /** Per candidate: how unsure the model is (higher = less sure; see uncertainty.ts). */
  uncertainty: ArrayLike<number>;
  /** Per candidate: the probability of its suggested category. */
  probability: ArrayLike<number>;
  /** Per candidate: a prior weight multiplying its draw weight (`uncertain` with a finite sharpness only); default 1. */
  weight?: ArrayLike<number>;
}

/** How to order. */
export interface QueueOrderOptions {
  order: QueueOrder;
  /** Candidates to return at most. */
  limit: number;
  /** Seeds the random order. */
  seed: number;
  /** Similarity of two documents in [0, 1] (e.g. cosineOfRows over their term vectors); used by `uncertain` only. */
  similarity?: (docA: number, docB: number) => number;
  /** Documents asked about recently (already answered): a near-copy of one is asked later. */
  recent?: ArrayLike<number>;
  /** A candidate at least this similar to one asked or chosen before it is a near-copy. Default 0.9. */
  duplicateSimilarity?: number;
  /**
   * `uncertain` only: draw the order with weights uncertainty^sharpness (seeded) instead of sorting
   * by uncertainty (Infinity, the default). Between two refreshes the queue asks a whole batch from
   * one model; the most unsure few dozen are often about the same confusion, and a draw that still
   * strongly favours the unsure ones spreads the batch (Kirsch et al. 2023, "Stochastic batch
   * acquisition": power sampling).
   */
  sharpness?: number;
}

/** The queue's sharpness: measured by `npm run bench:labelling` (see README, "Label with suggestions"). */
export const QUEUE_SHARPNESS = 4;

/** The queue's scarcity strength (see scarcityWeights): measured by `npm run bench:labelling`, as the sharpness. */
export const QUEUE_SCARCITY = 0.5;

/** Default similarity at and above which two resumes count as near-copies. */
export const defaultDuplicateSimilarity = 0.9;

/**
 * Candidate positions (indices into `candidates.docs`) in the order the queue asks them, at most
 * `limit`. For `uncertain`: by uncertainty, most unsure first (ties: lower document index); a
 * candidate that is a near-copy of a recent answer or of one already chosen moves behind every
 * candidate that is not, keeping its rank among the moved ones.
 */
export function orderQueue(candidates: QueueCandidates, options: QueueOrderOptions): Int32Array {
  const n = candidates.docs.length;
  const limit = Math.max(0, Math.min(options.limit, n));
  const positions = Array.from({ length: n }, (_, i) => i);
  if (options.order === 'random') return Int32Array.from((shuffleInPlace(positions, createRng(options.seed)) as number[]).slice(0, limit));
  const { docs } = candidates;
  if (options.order === 'confident') {
    positions.sort((a, b) => candidates.probability[b]! - candidates.probability[a]! || docs[a]! - docs[b]!);
    return Int32Array.from(positions.slice(0, limit));
  }
  const sharpness = options.sharpness ?? Infinity;
  if (Number.isFinite(sharpness)) {
    // Gumbel-top-k: sorting by sharpness·ln(u) + Gumbel noise draws without replacement with weights u^sharpness.
    const rng = createRng(options.seed);
    const key = Float64Array.from(
      positions,
      (p) =>
        sharpness * Math.log(Math.max(1e-12, candidates.uncertainty[p]!)) +
        Math.log(candidates.weight?.[p] ?? 1) -
        Math.log(-Math.log(Math.max(1e-12, rng.next()))),
    );
    positions.sort((a, b) => key[b]! - key[a]! || docs[a]! - docs[b]!);
  } else positions.sort((a, b) => candidates.uncertainty[b]! - candidates.uncertainty[a]! || docs[a]! - docs[b]!);
  const similarity = options.similarity;
  if (!similarity) return Int32Array.from(positions.slice(0, limit));
  const threshold = options.duplicateSimilarity ?? defaultDuplicateSimilarity;
  const asked: number[] = Array.from(options.recent ?? []);
  const chosen: number[] = [];
  const deferred: number[] = [];
  for (const position of positions) {
    if (chosen.length >= limit) break;
    const doc = docs[position]!;
    if (asked.some((other) => similarity(doc, other) >= threshold)) {
      deferred.push(position);
      continue;
    }
    chosen.push(position);
    asked.push(doc);
  }
  return Int32Array.from([...chosen, ...deferred].slice(0, limit));
}

/**
 * Prior weights that favour resumes suggested into the categories with the fewest labels:
 * (labels of the suggested category)^-strength. Macro-F1 counts every category alike, and the
 * least sure resumes cluster in a few well-labelled confusions.
 */
export function scarcityWeights(suggested: ArrayLike<number>, labelledPerClass: readonly number[], strength: number): Float64Array {
  return Float64Array.from(suggested as ArrayLike<number>, (k) => Math.max(1, labelledPerClass[k] ?? 1) ** -strength);
}

/** Cosine similarity of two rows of a matrix whose rows are l2-normalised (their dot product). */
export function cosineOfRows(m: CsrMatrix, a: number, b: number): number {
  const [aStart, aEnd, bStart, bEnd] = [m.indptr[a]!, m.indptr[a + 1]!, m.indptr[b]!, m.indptr[b + 1]!];
  return sparseDot(m.indices.subarray(aStart, aEnd), m.values.subarray(aStart, aEnd), m.indices.subarray(bStart, bEnd), m.values.subarray(bStart, bEnd));
}

/** Dot product of two sparse vectors given as ascending column indices with their values. */
export function sparseDot(aIndices: ArrayLike<number>, aValues: ArrayLike<number>, bIndices: ArrayLike<number>, bValues: ArrayLike<number>): number {
  let p = 0;
  let q = 0;
  let sum = 0;
  while (p < aIndices.length && q < bIndices.length) {
    const i = aIndices[p]!;
    const j = bIndices[q]!;
    if (i === j) sum += aValues[p++]! * bValues[q++]!;
    else if (i < j) p++;
    else q++;
  }
  return sum;
}
