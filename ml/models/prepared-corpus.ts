/**
 * A labelled corpus read once: every text capped, tokenized into one token pool, its engineered
 * values computed and its hash taken. A run fits several models on rows of the same corpus (the
 * holdout model, cross-validation folds, the final model); tokenizing is most of a fit's vectorize
 * time, so they share this instead of each reading the texts again. A fit on some rows counts
 * document frequencies over those rows only (TokenPool.subset), so it learns nothing from the rest.
 */
import { engineeredNames, engineeredValues, type EngineeredOptions } from '../features/engineered';
import { TokenPool, type PoolParams } from '../features/token-pool';
import { capAnalysedText } from '../features/usable-text';
import { defaultTfidfParams, type VectorizerParams } from '../features/vectorizer';
import { hashString } from '../random';

/** What a prepared corpus holds. */
export interface PreparedCorpus {
  /** Token ids of every document (built with first-line counts, for tuning's title-stripped view). */
  pool: TokenPool;
  labels: readonly string[];
  /** Engineered values, `width` per document. */
  dense: Float64Array;
  width: number;
  engineered: EngineeredOptions;
  /** hashString of each capped text (a fit chains them with the labels into its data hash). */
  textHashes: string[];
  /** Milliseconds spent reading the texts (reported as vectorizing time by the fit that uses every row). */
  readMs: number;
}

/** The vectorizer settings the pool depends on: pipelines that agree on these can share one. */
export function poolParamsOf(vectorizer: Partial<VectorizerParams>): PoolParams {
  const v = { ...defaultTfidfParams, ...vectorizer };
  return {
    weighting: v.weighting,
    ngramMax: v.ngramMax,
    minDf: v.minDf,
    maxDf: v.maxDf,
    sublinearTf: v.sublinearTf,
    headlineTokens: v.headlineTokens,
    normalize: v.normalize,
    tokenize: v.tokenize,
  };
}

/** Reads texts once (a generator works) with their labels; see the file header. */
export function prepareCorpus(
  texts: Iterable<string>,
  labels: readonly string[],
  vectorizer: Partial<VectorizerParams>,
  engineered: EngineeredOptions,
  onRead?: (done: number, total: number) => void,
): PreparedCorpus {
  const started = Date.now();
  const width = engineeredNames(engineered).length;
  const dense: number[] = [];
  const textHashes: string[] = [];
  const tapped = function* (): Generator<string> {
    for (const raw of texts) {
      if (textHashes.length >= labels.length) throw new Error(`More texts than labels (${labels.length}).`);
      const text = capAnalysedText(raw).text;
      // Hash each text on its own: concatenating a long text onto a running hash copies it first.
      textHashes.push(hashString(text));
      if (width > 0) for (const v of engineeredValues(text, engineered)) dense.push(v);
      yield text;
      // Every 256 texts: a 50k corpus takes seconds to read, and a progress bar should move meanwhile.
      if (onRead && textHashes.length % 256 === 0) onRead(textHashes.length, labels.length);
    }
  };
  const pool = TokenPool.build(tapped(), poolParamsOf(vectorizer), true);
  if (textHashes.length !== labels.length) throw new Error(`Got ${textHashes.length} texts but ${labels.length} labels.`);
  onRead?.(textHashes.length, labels.length);
  return { pool, labels, dense: Float64Array.from(dense), width, engineered: { ...engineered }, textHashes, readMs: Date.now() - started };
}

/** Throws when a pipeline with these settings cannot use `prepared` (its texts were read differently). */
export function requireCompatible(prepared: PreparedCorpus, vectorizer: Partial<VectorizerParams>, engineered: EngineeredOptions): void {
  if (JSON.stringify(poolParamsOf(vectorizer)) !== JSON.stringify(prepared.pool.params))
    throw new Error('This prepared corpus was read with other vectorizer settings (n-grams, document frequency, cleaning or tokenizing).');
  if (JSON.stringify(engineered) !== JSON.stringify(prepared.engineered)) throw new Error('This prepared corpus was read with other engineered features.');
}

/** The data hash of a fit on `rows` (in order): the same as a fit on those texts and labels. */
export function dataHashOf(prepared: PreparedCorpus, rows: ArrayLike<number>): string {
  let hash = '';
  for (let i = 0; i < rows.length; i++) hash = hashString(`${hash}\u0000${prepared.labels[rows[i]!]}\u0000${prepared.textHashes[rows[i]!]}`);
  return hash;
}

/** Engineered values of `rows`, `width` per row. */
export function denseRows(prepared: PreparedCorpus, rows: ArrayLike<number>): Float64Array {
  const { width, dense } = prepared;
  const out = new Float64Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) out.set(dense.subarray(rows[i]! * width, (rows[i]! + 1) * width), i * width);
  return out;
}

/**
 * The prepared corpus of some of its documents (in the given order), e.g. those left after screening
 * out unusable texts. `handOver`: `prepared` is not used again (its pool lets go of its documents).
 */
export function restrictPrepared(prepared: PreparedCorpus, rows: ArrayLike<number>, options: { handOver?: boolean } = {}): PreparedCorpus {
  return {
    pool: prepared.pool.subset(rows, options),
    labels: Array.from(rows, (r) => prepared.labels[r]!),
    dense: denseRows(prepared, rows),
    width: prepared.width,
    engineered: prepared.engineered,
    textHashes: Array.from(rows, (r) => prepared.textHashes[r]!),
    readMs: prepared.readMs,
  };
}
