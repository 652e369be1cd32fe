/**
 * Cross-fitting over a token pool: per fold, chi² selection on that fold's training rows only (so no
 * validation label leaks into the features), the fold's model matrices (cached per feature count and
 * title weight), a model fitted on the training rows and held-out decision scores for the rest —
 * for the documents as given and, optionally, with their first line removed.
 */
import { rankTopK, topKIndices, type Chi2Result } from '../features/chi2';
import { denseClassTotals } from '../features/class-totals';
import type { CsrMatrix } from '../features/csr';
import type { TokenPool } from '../features/token-pool';
import { CentroidSums } from './broad-view';
import { argmaxRows, throwIfAborted, type FitHooks, type SparseClassifier } from './estimator';
import { compactColumns, foldChi2, foldMatrix, inverseRowNorms } from './fold-matrices';
import { linearScores } from './linear-svm';

/** Exact-duplicate groups by token sequence, so a copy never sits on both sides of an inner fold. */
export function duplicateGroups(pool: TokenPool, rows: Int32Array): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(rows, (d) => {
    const doc = pool.docs[d]!;
    // Two 32-bit FNV-style hashes and the length: a false match is vanishingly unlikely and would only join two folds' rows.
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < doc.length; i++) {
      h1 = Math.imul(h1 ^ doc[i]!, 0x01000193);
      h2 = Math.imul(h2 ^ doc[i]!, 0x5bd1e995) ^ (h2 >>> 13);
    }
    const key = `${h1 >>> 0}:${h2 >>> 0}:${doc.length}`;
    let g = ids.get(key);
    if (g === undefined) ids.set(key, (g = ids.size));
    return g;
  });
}

/** One setting of the features and the model. */
export interface CrossFitConfig {
  features: number;
  headlineWeight: number;
  C: number;
}

/** Held-out scores of one config, rows × classes aligned with the fitter's docs (rows of unscored folds stay 0). */
export interface HeldOutScores {
  full: Float64Array;
  stripped: Float64Array | null;
}

interface FoldMatrices {
  train: CsrMatrix;
  valid: CsrMatrix;
  stripped: CsrMatrix | null;
}

/** The cache key of one fold's matrices for one (feature count, title weight). */
const matricesKey = (fold: number, features: number, headlineWeight: number): string => `${fold}|${features}|${headlineWeight}`;

/** Fold machinery over some pool documents; see the file header. */
export class CrossFitter {
  private readonly M: CsrMatrix;
  private readonly strippedM: CsrMatrix | null;
  private readonly headCandidate: Uint8Array;
  /** 1 for every candidate that is not a title term (the broad view's eligible columns), made on first use. */
  private bodyCandidate: Uint8Array | null = null;
  /** Per fold, chi² of every candidate on the fold's training rows. */
  private readonly foldScores = new Map<number, Float64Array>();
  /** The broad view's held-out scores (rows × classes), filled fold by fold as each fold's chi² is counted. */
  private broadScores: Float64Array | null = null;
  private readonly yRows: Int32Array;
  private readonly rankings = new Map<number, Int32Array>();
  private readonly matrices = new Map<string, FoldMatrices>();
  /** Scratch of the chi² passes (see foldChi2), made on first use. */
  private inverseNorms: Float64Array | null = null;
  private observed: Float64Array | null = null;
  /** Pool candidate of each of this fitter's columns, or null when they are the pool's (see compactColumns). */
  private readonly poolColumns: Int32Array | null;

  constructor(
    pool: TokenPool,
    private readonly nClasses: number,
    y: Int32Array,
    private readonly dense: Float64Array,
    private readonly width: number,
    /** Pool documents taking part, and the fold of each (same length). */
    readonly docs: Int32Array,
    private readonly foldOf: Int32Array,
    /** Folds used as validation sets (every fold for k-fold; one for a holdout). */
    readonly scoredFolds: number[],
    private readonly chi2On: 'presence' | 'tfidf',
    withStripped: boolean,
    /** The broad view to cross-fit along (broadRun), or null. */
    private readonly broad: { features: number; weightPower: number } | null = null,
    /** Tests set false to compare against the pool's own column numbering. */
    options: { compactColumns?: boolean } = {},
  ) {
    this.yRows = Int32Array.from(docs, (d) => y[d]!);
    this.M = pool.candidateMatrix(docs);
    this.strippedM = withStripped ? pool.candidateMatrix(docs, true) : null;
    this.poolColumns = options.compactColumns === false ? null : compactColumns(this.M, this.strippedM);
    const poolHead = pool.headlineCandidates();
    this.headCandidate = this.poolColumns ? Uint8Array.from(this.poolColumns, (c) => poolHead[c]!) : poolHead;
  }

  /**
   * chi² of every candidate over all of the fitter's rows (the final vocabulary's ranking when they
   * are the whole pool), with the class sums when counted on TF-IDF mass: those are the fitter's
   * scratch, valid until its next chi² pass (call this last).
   */
  chi2All(): Chi2Result {
    const scores = this.chi2Of(Int32Array.from(this.docs.keys()));
    const classSums = this.chi2On === 'tfidf' ? this.observed : null;
    const K = this.nClasses;
    if (!this.poolColumns) return { scores, classSums: classSums && denseClassTotals(classSums, K) };
    // Not reached from tuning (all of a pool's documents hold all its candidates), but kept exact.
    const poolScores = new Float64Array(this.poolColumns.length === 0 ? 0 : this.poolColumns[this.poolColumns.length - 1]! + 1);
    const poolSums = classSums ? new Float64Array(poolScores.length * K) : null;
    this.poolColumns.forEach((c, i) => {
      poolScores[c] = scores[i]!;
      poolSums?.set(classSums!.subarray(i * K, (i + 1) * K), c * K);
    });
    return { scores: poolScores, classSums: poolSums && denseClassTotals(poolSums, K) };
  }

  private chi2Of(rows: Int32Array): Float64Array {
    this.inverseNorms ??= inverseRowNorms(this.M);
    this.observed ??= new Float64Array(this.M.cols * this.nClasses);
    return foldChi2(this.M, this.inverseNorms, rows, this.yRows, this.nClasses, this.chi2On, this.observed);
  }

  /** True labels of the fitter's rows. */
  get labels(): Int32Array {
    return this.yRows;
  }

  private rowsOf(fold: number, inFold: boolean): Int32Array {
    return Int32Array.from(this.foldOf.keys()).filter((i) => (this.foldOf[i] === fold) === inFold);
  }

  /** The top `limit` candidates by descending chi² on the fold's training rows (ties: lower index first), so every feature count up to it is a prefix. */
  private ranking(fold: number, limit: number): Int32Array {
    let order = this.rankings.get(fold);
    if (!order || (order.length < limit && order.length < this.M.cols)) {
      order = rankTopK(this.chi2OfFold(fold), limit);
      this.rankings.set(fold, order);
    }
    return order;
  }

  private chi2OfFold(fold: number): Float64Array {
    let scores = this.foldScores.get(fold);
    if (!scores) {
      scores = this.chi2Of(this.rowsOf(fold, false));
      this.foldScores.set(fold, scores);
      // The scratch holds this fold's class sums now: the broad view's centroids are some of them.
      if (this.broad) this.scoreBroad(fold, scores);
    }
    return scores;
  }

  /** Scores the fold's other rows by the fold's broad view (see broadRun), from its chi² scores and the class sums of the pass that made them. */
  private scoreBroad(fold: number, scores: Float64Array): void {
    const K = this.nClasses;
    const { features, weightPower } = this.broad!;
    const valid = this.rowsOf(fold, true);
    const train = this.rowsOf(fold, false);
    if (valid.length === 0 || train.length === 0) return;
    if (!this.bodyCandidate) {
      this.bodyCandidate = new Uint8Array(this.headCandidate.length);
      for (let c = 0; c < this.headCandidate.length; c++) this.bodyCandidate[c] = 1 - this.headCandidate[c]!;
    }
    const columns = topKIndices(scores, features, this.bodyCandidate);
    const columnMap = this.columnMap(columns);
    const noHead = new Uint8Array(this.M.cols);
    const matrix = (rows: Int32Array) => foldMatrix(this.M, rows, columnMap, columns.length, noHead, 1, this.dense, 0, this.docs);
    // Presence counts are no sums of rows: then the fold's training rows are added up over the columns.
    const sums =
      this.chi2On === 'tfidf'
        ? CentroidSums.ofColumns(denseClassTotals(this.observed!, K), columns, K)
        : new CentroidSums(columns.length, K).add(
            matrix(train),
            Int32Array.from(train, (i) => this.yRows[i]!),
          );
    const held = linearScores(matrix(valid), sums.centroids(weightPower), new Float64Array(K));
    this.broadScores ??= new Float64Array(this.docs.length * K);
    valid.forEach((row, i) => this.broadScores!.set(held.subarray(i * K, (i + 1) * K), row * K));
  }

  /** Candidate → position in `columns`, or -1. */
  private columnMap(columns: Int32Array): Int32Array {
    const map = new Int32Array(this.M.cols).fill(-1);
    columns.forEach((c, i) => (map[c] = i));
    return map;
  }

  /** `rankLimit`: the largest feature count of the configs being run, so one ranking per fold serves them all. */
  private foldMatrices(fold: number, features: number, hw: number, rankLimit: number): FoldMatrices {
    const key = matricesKey(fold, features, hw);
    let cached = this.matrices.get(key);
    if (!cached) {
      const chosen = this.ranking(fold, Math.max(features, rankLimit)).slice(0, Math.min(features, this.M.cols)).sort();
      const colMap = new Int32Array(this.M.cols).fill(-1);
      chosen.forEach((c, i) => (colMap[c] = i));
      const isHead = Uint8Array.from(chosen, (c) => this.headCandidate[c]!);
      const build = (src: CsrMatrix, rows: Int32Array) => foldMatrix(src, rows, colMap, chosen.length, isHead, hw, this.dense, this.width, this.docs);
      const valid = this.rowsOf(fold, true);
      cached = { train: build(this.M, this.rowsOf(fold, false)), valid: build(this.M, valid), stripped: this.strippedM ? build(this.strippedM, valid) : null };
      this.matrices.set(key, cached);
    }
    return cached;
  }

  /**
   * Held-out scores of the broad view (broad-view.ts), rows × classes: per fold, the `features` body
   * terms with the highest chi² on the fold's training rows, their centroids over those rows (class
   * sums of the chi² pass) raised to `weightPower`, and the scores of the fold's other rows,
   * normalised over those terms as a text to predict is.
   */
  broadRun(): Float64Array {
    if (!this.broad) throw new Error('This cross-fitter was made without a broad view.');
    for (const fold of this.scoredFolds) this.chi2OfFold(fold);
    return this.broadScores ?? new Float64Array(this.docs.length * this.nClasses);
  }

  /**
   * Lets go of the cached fold matrices of every (feature count, title weight) but the given one:
   * tuning calls it once its first stage has chosen them (at 50k resumes the other count's were
   * tens of MB held through the second stage, at the run's memory peak).
   */
  keepMatricesOf(features: number, headlineWeight: number): void {
    const kept = new Set(this.scoredFolds.map((fold) => matricesKey(fold, features, headlineWeight)));
    for (const key of [...this.matrices.keys()]) if (!kept.has(key)) this.matrices.delete(key);
  }

  /** Held-out scores of each config; makeModel gets the config and the number of rows its fold trains on. */
  run(configs: CrossFitConfig[], makeModel: (config: CrossFitConfig, trainRows: number) => SparseClassifier, hooks: FitHooks = {}): HeldOutScores[] {
    const K = this.nClasses;
    const n = this.docs.length;
    const out = configs.map(() => ({ full: new Float64Array(n * K), stripped: this.strippedM ? new Float64Array(n * K) : null }));
    const total = configs.length * this.scoredFolds.length;
    const rankLimit = Math.max(...configs.map((c) => c.features));
    let done = 0;
    for (const fold of this.scoredFolds) {
      const train = this.rowsOf(fold, false);
      const valid = this.rowsOf(fold, true);
      if (valid.length === 0 || train.length === 0) continue;
      const yTrain = Int32Array.from(train, (i) => this.yRows[i]!);
      const put = (target: Float64Array, s: Float64Array) => valid.forEach((row, i) => target.set(s.subarray(i * K, (i + 1) * K), row * K));
      configs.forEach((config, c) => {
        throwIfAborted(hooks.signal);
        const m = this.foldMatrices(fold, config.features, config.headlineWeight, rankLimit);
        const model = makeModel(config, train.length).fit(m.train, yTrain, K, { signal: hooks.signal, classHelper: hooks.classHelper });
        const scores = model.decisionFunction(m.valid);
        put(out[c]!.full, scores);
        if (m.stripped) put(out[c]!.stripped!, model.decisionFunction(m.stripped));
        done++;
        // This configuration's accuracy on the fold it did not train on: what the live chart shows while tuning.
        const predicted = argmaxRows(scores, K);
        let correct = 0;
        valid.forEach((row, i) => (correct += predicted[i] === this.yRows[row] ? 1 : 0));
        hooks.onProgress?.({ phase: 'tune', epoch: done, maxEpochs: total, trainLoss: NaN, validationLoss: null, validationAccuracy: correct / valid.length });
      });
    }
    return out;
  }
}
