/**
 * CountVectorizer / TfidfVectorizer: cleaned text → token ids → (1–2)-gram counts → CSR, with
 * min_df / max_df / max_features / chi² selection. Token ids and typed arrays throughout; strings
 * are touched once per token (the Map lookup), never per n-gram.
 */
import { normalizeForTokens, type NormalizeOptions } from '../text/normalize';
import { defaultTokenizeOptions, forEachToken, type TokenizeOptions } from '../text/tokenize';
import { topKIndices } from './chi2';
import { CsrBuilder, type CsrMatrix } from './csr';
import { idfOf, RowScratch, weighRow } from './row-weights';
import { TokenPool } from './token-pool';
import { Vocabulary } from './vocabulary';

/** Vectorizer parameters (scikit-learn names where they exist). */
export interface VectorizerParams {
  /** "count": raw term counts; "tfidf": tf × smooth idf. */
  weighting: 'count' | 'tfidf';
  /** Largest n-gram: 1 (words) or 2 (words and adjacent word pairs). */
  ngramMax: 1 | 2;
  /** Minimum document frequency: a count (>= 1) or a fraction of documents (< 1). */
  minDf: number;
  /** Maximum document frequency as a fraction of documents (terms in more documents are dropped). */
  maxDf: number;
  /** Keep only the most frequent terms (0 = all); applied when chi² selection is off. */
  maxFeatures: number;
  /** Keep the k terms with the highest chi² against the labels (0 = off; needs labels at fit). */
  chi2Features: number;
  /** What chi² counts per class: documents containing the term, or the sum of its (normalised) weights as scikit-learn's chi2 on a TF-IDF matrix. */
  chi2On: 'presence' | 'tfidf';
  /** tf → 1 + ln(tf). */
  sublinearTf: boolean;
  /** Row normalization. */
  norm: 'l2' | 'none';
  /** Engineered feature: the first N tokens (the resume's headline) also count as "h:token" terms (0 = off). */
  headlineTokens: number;
  /** Multiplier on the headline columns after row normalisation (the title weight). */
  headlineWeight: number;
  normalize: Partial<NormalizeOptions>;
  tokenize: Partial<TokenizeOptions>;
}

/**
 * Dense columns to append to each row of a matrix built from a pool (the engineered features):
 * `width` values per row, row-major in the order the rows are built. Building them in saves the
 * copy appendDenseColumns makes of the finished matrix (~80 MB for the 50k holdout fit's).
 */
export interface ExtraColumns {
  values: Float64Array;
  width: number;
}

/** TF-IDF defaults tuned on resumes (see the bench). */
export const defaultTfidfParams: VectorizerParams = {
  weighting: 'tfidf',
  ngramMax: 2,
  minDf: 2,
  maxDf: 0.9,
  maxFeatures: 0,
  chi2Features: 0,
  chi2On: 'presence',
  sublinearTf: true,
  norm: 'l2',
  headlineTokens: 0,
  headlineWeight: 1,
  normalize: {},
  tokenize: {},
};

/** CountVectorizer defaults: raw counts of words, stopwords removed, no normalization. */
export const defaultCountParams: VectorizerParams = {
  ...defaultTfidfParams,
  weighting: 'count',
  ngramMax: 1,
  minDf: 1,
  maxDf: 1,
  sublinearTf: false,
  norm: 'none',
};

/** Turns resume texts into a sparse document-term matrix. */
export class TextVectorizer {
  readonly params: VectorizerParams;
  private vocab: Vocabulary | null = null;
  private idfValues: Float64Array | null = null;
  private headlineCols: Uint8Array | null = null;

  constructor(params: Partial<VectorizerParams> = {}) {
    this.params = { ...defaultTfidfParams, ...params };
  }

  /** True once fitted or loaded. */
  get isFitted(): boolean {
    return this.vocab !== null;
  }

  /** The fitted terms, column order. */
  get vocabulary(): readonly string[] {
    return this.requireVocab().terms;
  }

  /** The fitted idf per column (null for count weighting). */
  get idf(): Float64Array | null {
    this.requireVocab();
    return this.idfValues;
  }

  /** Column of a term ("word", "word word", "h:word"), or -1. */
  columnOf(term: string): number {
    return this.requireVocab().col(term);
  }

  private requireVocab(): Vocabulary {
    if (!this.vocab) throw new Error('The vectorizer is not fitted: call fit() first.');
    return this.vocab;
  }

  /** Restores a fitted state (used by deserialization). */
  setState(terms: readonly string[], idf: ArrayLike<number> | null): this {
    this.vocab = new Vocabulary(terms);
    this.idfValues = idf ? Float64Array.from(idf) : null;
    this.headlineCols = Uint8Array.from(terms, (t) => (t.startsWith('h:') ? 1 : 0));
    return this;
  }

  /** Tokens of one text as strings: the headline terms first, then the body sequence. */
  analyze(text: string): { headline: string[]; body: string[] } {
    const body: string[] = [];
    forEachToken(normalizeForTokens(text, this.params.normalize), { ...defaultTokenizeOptions, ...this.params.tokenize }, (t) => body.push(t));
    return { headline: body.slice(0, this.params.headlineTokens).map((t) => `h:${t}`), body };
  }

  /** Learns the vocabulary (and idf) from texts; with labels, chi² selection can run. */
  fit(texts: Iterable<string>, labels?: { y: Int32Array; nClasses: number }): this {
    this.fitTransform(texts, labels);
    return this;
  }

  /** Fits and returns the training matrix in one pass over the texts (texts are read once). */
  fitTransform(texts: Iterable<string>, labels?: { y: Int32Array; nClasses: number }): CsrMatrix {
    return this.fitFromPool(TokenPool.build(texts, this.params), labels);
  }

  /**
   * Chooses the vocabulary from a pool (chi² top `chi2Features` with labels, else the most frequent
   * `maxFeatures`, else every candidate), fits idf and returns the training matrix. Empties the
   * pool's per-document arrays as it goes (the 50k-document memory budget), so call it last.
   * `extra`: dense columns (the engineered features) after the vocabulary's in every row.
   */
  fitFromPool(pool: TokenPool, labels?: { y: Int32Array; nClasses: number }, chi2?: Float64Array, extra?: ExtraColumns): CsrMatrix {
    this.fitVocabulary(pool, labels, chi2);
    // Pass 2: the training matrix, through the same lookup as transform().
    pool.consume();
    return this.poolRows(pool, null, true, extra);
  }

  /**
   * Chooses the vocabulary and idf from a pool as fitFromPool does, leaving the pool's documents in
   * place (for a second vectorizer on the same pool). `withoutHeadline` leaves the "h:" terms out,
   * for a vectorizer of the body alone. Returns the pool candidate of each column.
   */
  fitVocabulary(pool: TokenPool, labels?: { y: Int32Array; nClasses: number }, chi2?: Float64Array, withoutHeadline = false): Int32Array {
    const p = this.params;
    pool.requireUnconsumed();
    // Plain loops over the candidates (10^5–10^6 of them): a callback per candidate cost more than the rest of the fit's vocabulary step.
    let eligible: Uint8Array | undefined;
    if (withoutHeadline) {
      eligible = pool.headlineCandidates();
      for (let c = 0; c < eligible.length; c++) eligible[c] = 1 - eligible[c]!;
    }
    let chosen: Int32Array = new Int32Array(pool.candidates.length);
    let n = 0;
    for (let c = 0; c < chosen.length; c++) if (!eligible || eligible[c] === 1) chosen[n++] = c;
    chosen = chosen.subarray(0, n);
    if (labels && p.chi2Features > 0 && chosen.length > p.chi2Features) {
      chosen = topKIndices(chi2 ?? pool.chi2(labels.y, labels.nClasses, p.chi2On).scores, p.chi2Features, eligible);
    } else if (p.maxFeatures > 0 && chosen.length > p.maxFeatures) {
      chosen = topKIndices(
        Float64Array.from(pool.candidates, (f) => pool.df[f]!),
        p.maxFeatures,
        eligible,
      );
    }
    const nDocs = pool.size;
    const entries = Array.from(chosen, (c) => ({ candidate: c, term: pool.termOf(pool.candidates[c]!), df: pool.df[pool.candidates[c]!]! }));
    entries.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    this.setState(
      entries.map((e) => e.term),
      p.weighting === 'tfidf' ? entries.map((e) => idfOf(nDocs, e.df)) : null,
    );
    return Int32Array.from(entries, (e) => e.candidate);
  }

  /**
   * Rows of pool documents (every one when `rows` is null) through the fitted vocabulary: the same
   * matrix transform() gives for their texts, without tokenizing again. `release` empties each
   * document's arrays once its row is built (the last use of a pool).
   */
  poolRows(pool: TokenPool, rows: ArrayLike<number> | null, release = false, extra?: ExtraColumns): CsrMatrix {
    const vocab = this.requireVocab();
    if (!release) pool.requireUnconsumed();
    const remap = Int32Array.from(pool.names, (t) => vocab.tokenId(t));
    const builder = new CsrBuilder(vocab.size + (extra?.width ?? 0));
    const scratch = new RowScratch();
    const n = rows ? rows.length : pool.size;
    for (let i = 0; i < n; i++) {
      const d = rows ? rows[i]! : i;
      const doc = pool.docs[d]!.map((id) => remap[id]!);
      if (release) {
        pool.docs[d] = EMPTY;
        pool.docFeatures[d] = EMPTY;
      }
      this.addRow(builder, doc.subarray(pool.headCounts[d]!), doc.subarray(0, pool.headCounts[d]!), scratch, extra, i);
    }
    return builder.build();
  }

  /** Vectorizes texts with the fitted vocabulary (unknown terms are ignored). */
  transform(texts: Iterable<string>): CsrMatrix {
    return this.transformAnalyzed(Array.from(texts, (t) => this.analyze(t)));
  }

  /**
   * Rows of texts already analysed, by this vectorizer or one with the same cleaning and tokenizing
   * (so a text read once feeds two vocabularies); terms outside the vocabulary are ignored.
   */
  transformAnalyzed(analyzed: Iterable<{ headline: readonly string[]; body: readonly string[] }>): CsrMatrix {
    const vocab = this.requireVocab();
    const builder = new CsrBuilder(vocab.size);
    const scratch = new RowScratch();
    for (const { headline, body } of analyzed) {
      this.addRow(
        builder,
        Int32Array.from(body, (t) => vocab.tokenId(t)),
        Int32Array.from(headline, (t) => vocab.tokenId(t)),
        scratch,
      );
    }
    return builder.build();
  }

  private addRow(builder: CsrBuilder, doc: Int32Array, head: Int32Array, s: RowScratch, extra?: ExtraColumns, row = 0): void {
    const vocab = this.vocab!;
    s.reserve(doc.length * 2 + head.length + (extra?.width ?? 0));
    let n = 0;
    for (let i = 0; i < head.length; i++) {
      const c = vocab.unigramCol(head[i]!);
      if (c >= 0) s.cols[n++] = c;
    }
    for (let i = 0; i < doc.length; i++) {
      const c = vocab.unigramCol(doc[i]!);
      if (c >= 0) s.cols[n++] = c;
      if (this.params.ngramMax === 2 && i > 0) {
        const b = vocab.bigramCol(doc[i - 1]!, doc[i]!);
        if (b >= 0) s.cols[n++] = b;
      }
    }
    const m = weighRow(s, n, this.params.sublinearTf, this.idfValues);
    let sumSq = 0;
    for (let i = 0; i < m; i++) sumSq += s.outVals[i]! * s.outVals[i]!;
    const inv = this.params.norm === 'l2' && sumSq > 0 ? 1 / Math.sqrt(sumSq) : 1;
    // The title weight scales headline columns after normalising, like a per-column feature weight.
    const hw = this.params.headlineWeight;
    for (let i = 0; i < m; i++) s.outVals[i] = s.outVals[i]! * inv * (hw !== 1 && this.headlineCols![s.outCols[i]!] ? hw : 1);
    // The engineered columns after the vocabulary's, as appendDenseColumns would add them to the finished matrix.
    const width = extra?.width ?? 0;
    for (let e = 0; e < width; e++) {
      s.outCols[m + e] = vocab.size + e;
      s.outVals[m + e] = extra!.values[row * width + e]!;
    }
    builder.addRow(s.outCols, s.outVals, m + width);
  }
}

const EMPTY = new Int32Array(0);

/** Rounds to 1e-6 so JSON prints short decimals and a reloaded model equals the fitted one exactly. */
export function quantize(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
