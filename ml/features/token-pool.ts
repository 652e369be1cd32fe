/**
 * Pass 1 of fitting a vectorizer: every document as token ids (headline ids first), its bigram
 * feature ids, document frequencies and the candidate terms that pass min_df / max_df. The pool also
 * builds what tuning needs without tokenizing again: candidate-column rows of any document, with or
 * without its first line (the "title-stripped" view), and chi² scores over any subset of rows.
 */
import { normalizeForTokens, type NormalizeOptions } from '../text/normalize';
import { TokenInterner } from '../text/token-interner';
import { defaultTokenizeOptions, forEachToken, type TokenizeOptions } from '../text/tokenize';
import type { Chi2Result } from './chi2';
import { SparseClassTotals } from './class-totals';
import { CsrBuilder, type CsrMatrix } from './csr';
import { PairMap } from './pair-map';
import { idfOf, RowScratch, weighRow } from './row-weights';

/** The vectorizer settings pass 1 depends on. */
export interface PoolParams {
  weighting: 'count' | 'tfidf';
  ngramMax: 1 | 2;
  minDf: number;
  maxDf: number;
  sublinearTf: boolean;
  headlineTokens: number;
  normalize: Partial<NormalizeOptions>;
  tokenize: Partial<TokenizeOptions>;
}

const EMPTY = new Int32Array(0);

/** The first line of a text as a reader sees it (leading blank space skipped), or null when the text has one line. */
export function firstLineOf(text: string): string | null {
  const trimmed = text.trimStart();
  const end = trimmed.indexOf('\n');
  return end < 0 ? null : trimmed.slice(0, end);
}

/** Token ids, n-gram features and candidate terms of a training corpus. */
export class TokenPool {
  readonly docs: Int32Array[] = [];
  readonly headCounts: number[] = [];
  /** Body tokens on each document's first line (only when built with trackFirstLine). */
  readonly firstLineCounts: number[] = [];
  readonly docFeatures: Int32Array[] = [];
  unigramCount = 0;
  df = new Int32Array(0);
  /** Feature ids that pass min_df / max_df, ascending. */
  candidates = new Int32Array(0);
  /** Feature id → candidate index, or -1. */
  candidateIndex = new Int32Array(0);
  /** Smooth idf per candidate (1 for count weighting), quantized like the fitted vectorizer's. */
  candidateIdf = new Float64Array(0);

  private constructor(
    readonly params: PoolParams,
    readonly names: string[] = [],
    private readonly ids = new Map<string, number>(),
    /** The two token ids of each bigram feature, in feature order (bigram b is features unigramCount + b). */
    readonly bigramPairs: number[] = [],
  ) {}

  /** Set by the fit that empties the per-document arrays as it builds its matrix (see fitFromPool). */
  private isConsumed = false;

  /** Marks the per-document arrays as released; later reads throw instead of seeing empty documents. */
  consume(): void {
    this.requireUnconsumed();
    this.isConsumed = true;
  }

  /** Throws when a fit has released this pool's documents. */
  requireUnconsumed(): void {
    if (this.isConsumed) throw new Error('This token pool was consumed by a fit (its documents were released); build a new one.');
  }

  /** Number of documents. */
  get size(): number {
    return this.docs.length;
  }

  private idOf(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(t, id);
      this.names.push(t);
    }
    return id;
  }

  /** Reads every text once; `trackFirstLine` also counts the tokens of each first line (for title-stripped rows). */
  static build(texts: Iterable<string>, params: PoolParams, trackFirstLine = false): TokenPool {
    const pool = new TokenPool(params);
    const tokenOptions = { ...defaultTokenizeOptions, ...params.tokenize };
    // Distinct tokens are read once (token-interner.ts); each entry's id is looked up on first sight.
    const interner = new TokenInterner(tokenOptions);
    let idOfEntry = new Int32Array(1 << 12).fill(-1);
    let buffer = new Int32Array(1 << 14);
    for (const text of texts) {
      let n = 0;
      const headline: string[] = [];
      interner.forEachKept(normalizeForTokens(text, params.normalize), (entry) => {
        if (entry >= idOfEntry.length) {
          const grown = new Int32Array(idOfEntry.length * 2).fill(-1);
          grown.set(idOfEntry);
          idOfEntry = grown;
        }
        let id = idOfEntry[entry]!;
        if (id < 0) id = idOfEntry[entry] = pool.idOf(interner.term(entry));
        if (n === buffer.length) {
          const b2 = new Int32Array(buffer.length * 2);
          b2.set(buffer);
          buffer = b2;
        }
        buffer[n++] = id;
        if (headline.length < params.headlineTokens) headline.push(`h:${interner.term(entry)}`);
      });
      const doc = new Int32Array(headline.length + n);
      for (let i = 0; i < headline.length; i++) doc[i] = pool.idOf(headline[i]!);
      doc.set(buffer.subarray(0, n), headline.length);
      pool.docs.push(doc);
      pool.headCounts.push(headline.length);
      if (trackFirstLine) {
        const first = firstLineOf(text);
        let count = 0;
        if (first !== null) forEachToken(normalizeForTokens(first, params.normalize), tokenOptions, () => count++);
        pool.firstLineCounts.push(Math.min(count, n));
      }
    }
    if (pool.docs.length === 0) throw new Error('Cannot fit a vectorizer on zero documents.');
    pool.countFeatures();
    return pool;
  }

  private countFeatures(): void {
    const p = this.params;
    const nDocs = this.docs.length;
    // Features: unigram id u → u; bigram (a, b) → unigramCount + its index in `bigrams`.
    const unigramCount = (this.unigramCount = this.names.length);
    // Only while counting: afterwards a bigram's feature is known from bigramPairs, and the map
    // (12 bytes a slot, at most half full: ~25 MB at 50k resumes, ~100 MB at 200k) would outlive it.
    const bigrams = new PairMap(1 << 16);
    for (let d = 0; d < nDocs; d++) {
      const doc = this.docs[d]!;
      const h = this.headCounts[d]!;
      const features = p.ngramMax === 2 ? new Int32Array(Math.max(0, doc.length - h - 1)) : EMPTY;
      for (let i = h + 1; i < doc.length && p.ngramMax === 2; i++) {
        const b = bigrams.getOrSet(doc[i - 1]!, doc[i]!, bigrams.size);
        if (b === this.bigramPairs.length / 2) this.bigramPairs.push(doc[i - 1]!, doc[i]!);
        features[i - h - 1] = unigramCount + b;
      }
      this.docFeatures.push(features);
    }
    this.countDocumentFrequencies();
  }

  private get featureCount(): number {
    return this.unigramCount + this.bigramPairs.length / 2;
  }

  /** Document frequency of every feature over this pool's documents, then the candidates that pass min_df / max_df. */
  private countDocumentFrequencies(): void {
    const df = new Int32Array(this.featureCount);
    addDocumentFrequencies(df, this.docs, this.docFeatures, 1);
    this.selectCandidates(df);
  }

  /** Keeps `df` (over this pool's documents) and the candidates that pass min_df / max_df. */
  private selectCandidates(df: Int32Array<ArrayBuffer>): void {
    const p = this.params;
    const nDocs = this.docs.length;
    const nFeatures = df.length;
    this.df = df;
    // At least 1: a subset shares its parent's feature ids, some of which none of its documents has.
    const minDocs = Math.max(1, p.minDf >= 1 ? p.minDf : Math.ceil(p.minDf * nDocs));
    const maxDocs = Math.max(minDocs, p.maxDf > 1 ? p.maxDf : Math.floor(p.maxDf * nDocs));
    const candidates: number[] = [];
    for (let f = 0; f < nFeatures; f++) if (df[f]! >= minDocs && df[f]! <= maxDocs) candidates.push(f);
    this.candidates = Int32Array.from(candidates);
    this.candidateIndex = new Int32Array(nFeatures).fill(-1);
    candidates.forEach((f, i) => (this.candidateIndex[f] = i));
    this.candidateIdf = Float64Array.from(candidates, (f) => (p.weighting === 'tfidf' ? idfOf(nDocs, df[f]!) : 1));
  }

  /**
   * A pool over some of this pool's documents (in the given order) without tokenizing again: the
   * token and feature ids are shared, document frequencies and candidates are counted over the
   * subset alone, so fitting on it learns nothing from the other documents. `handOver`: this pool
   * is not used again; it lets go of every document (and later uses throw).
   */
  subset(rows: ArrayLike<number>, options: { handOver?: boolean } = {}): TokenPool {
    this.requireUnconsumed();
    const sub = new TokenPool(this.params, this.names, this.ids, this.bigramPairs);
    sub.unigramCount = this.unigramCount;
    for (let i = 0; i < rows.length; i++) {
      const d = rows[i]!;
      sub.docs.push(this.docs[d]!);
      sub.headCounts.push(this.headCounts[d]!);
      if (this.firstLineCounts.length) sub.firstLineCounts.push(this.firstLineCounts[d]!);
      sub.docFeatures.push(this.docFeatures[d]!);
    }
    if (sub.docs.length === 0) throw new Error('Cannot fit a vectorizer on zero documents.');
    const left = this.documentsLeftOut(rows);
    if (left && left.length < sub.docs.length) {
      // The subset's document frequencies are this pool's less those of the documents it leaves out:
      // the same integers, read from the smaller side (a holdout's training side leaves out a fifth;
      // at 50k resumes counting its 40k documents took 1.6 s).
      const df = Int32Array.from(this.df);
      addDocumentFrequencies(
        df,
        Array.from(left, (d) => this.docs[d]!),
        Array.from(left, (d) => this.docFeatures[d]!),
        -1,
      );
      sub.selectCandidates(df);
    } else sub.countDocumentFrequencies();
    if (options.handOver) {
      // The subset is now the only holder of its documents' arrays (the others go), so a fit that
      // releases them as it builds its matrix really frees them: at 200k resumes they are ~1 GB.
      this.consume();
      this.docs.fill(EMPTY);
      this.docFeatures.fill(EMPTY);
    }
    return sub;
  }

  /**
   * This pool's documents that `rows` leaves out, ascending; null when `rows` repeats a document or
   * this pool's document frequencies are not over its own documents and features (then a subset counts its own).
   */
  private documentsLeftOut(rows: ArrayLike<number>): Int32Array | null {
    if (this.df.length !== this.featureCount) return null;
    const taken = new Uint8Array(this.docs.length);
    for (let i = 0; i < rows.length; i++) {
      if (taken[rows[i]!]) return null;
      taken[rows[i]!] = 1;
    }
    const left = new Int32Array(this.docs.length - rows.length);
    for (let d = 0, n = 0; d < taken.length; d++) if (!taken[d]) left[n++] = d;
    return left;
  }

  /** Body tokens of document d (its words after cleaning, without the headline terms), or of its title-stripped view. */
  bodyTokens(d: number, stripped = false): number {
    const n = this.docs[d]!.length - this.headCounts[d]!;
    return stripped ? n - (this.firstLineCounts[d] ?? 0) : n;
  }

  /** The term of a feature id: "word", "h:word" or "word word". */
  termOf(f: number): string {
    if (f < this.unigramCount) return this.names[f]!;
    const b = (f - this.unigramCount) * 2;
    return `${this.names[this.bigramPairs[b]!]} ${this.names[this.bigramPairs[b + 1]!]}`;
  }

  /** True for candidate columns that are headline ("h:") terms. */
  headlineCandidates(): Uint8Array {
    const out = new Uint8Array(this.candidates.length);
    for (let c = 0; c < out.length; c++) {
      const f = this.candidates[c]!;
      if (f < this.unigramCount && this.names[f]!.startsWith('h:')) out[c] = 1;
    }
    return out;
  }

  /**
   * Candidate indices of document d's features (repeats kept), into scratch.cols; returns the count.
   * `stripped`: the document without its first line (its headline then comes from the next tokens).
   */
  private candidateFeatures(d: number, stripped: boolean, s: RowScratch): number {
    const doc = this.docs[d]!;
    const h = this.headCounts[d]!;
    s.reserve(doc.length * 2 + h);
    let n = 0;
    const push = (f: number) => {
      const c = f < 0 ? -1 : this.candidateIndex[f]!;
      if (c >= 0) s.cols[n++] = c;
    };
    if (!stripped) {
      for (let i = 0; i < doc.length; i++) push(doc[i]!);
      const bigrams = this.docFeatures[d]!;
      for (let i = 0; i < bigrams.length; i++) push(bigrams[i]!);
      return n;
    }
    const skipped = this.firstLineCounts[d] ?? 0;
    const body = doc.subarray(h + skipped);
    for (let i = 0; i < Math.min(this.params.headlineTokens, body.length); i++) push(this.ids.get(`h:${this.names[body[i]!]}`) ?? -1);
    for (let i = 0; i < body.length; i++) push(body[i]!);
    // The body's bigrams are the document's from its first body token on: feature i pairs token i and i + 1 of the body part.
    const bigrams = this.docFeatures[d]!;
    for (let i = skipped; i < bigrams.length; i++) push(bigrams[i]!);
    return n;
  }

  /** Rows over candidate columns with raw weights (tf transform × idf, no row norm) for the given documents. */
  candidateMatrix(rows: ArrayLike<number>, stripped = false): CsrMatrix {
    const builder = new CsrBuilder(this.candidates.length);
    const s = new RowScratch();
    for (let i = 0; i < rows.length; i++) {
      const n = this.candidateFeatures(rows[i]!, stripped, s);
      const m = weighRow(s, n, this.params.sublinearTf, this.candidateIdf);
      builder.addRow(s.outCols, s.outVals, m);
    }
    return builder.build();
  }

  /**
   * chi² of every candidate against the labels, streamed over the documents: per class, either the
   * number of documents containing the term ("presence") or the sum of its l2-normalised weights
   * ("tfidf", as scikit-learn's chi2 on a TF-IDF matrix), those sums kept with the scores. The
   * documents are read one class at a time (each class's in order, so every sum adds the same
   * numbers in the same order as a pass in document order) and each class keeps only its
   * non-zero sums (class-totals.ts).
   */
  chi2(y: Int32Array, nClasses: number, on: 'presence' | 'tfidf'): Chi2Result {
    const nColumns = this.candidates.length;
    const totals = new SparseClassTotals(nColumns, nClasses);
    const classDocs = new Float64Array(nClasses);
    const scratch = new Float64Array(nColumns);
    const touched = new Int32Array(nColumns);
    const s = new RowScratch();
    for (const [c, docs] of documentsByClass(y, nClasses).entries()) {
      let n = 0;
      for (const d of docs) {
        classDocs[c]!++;
        const m = weighRow(s, this.candidateFeatures(d, false, s), this.params.sublinearTf, this.candidateIdf);
        let sumSq = 0;
        for (let i = 0; i < m; i++) sumSq += s.outVals[i]! * s.outVals[i]!;
        const inv = sumSq > 0 ? 1 / Math.sqrt(sumSq) : 0;
        for (let i = 0; i < m; i++) {
          const col = s.outCols[i]!;
          // Every added amount is > 0 (a count, or tf × idf ≥ 1 scaled by 1 / ‖row‖), and addClass
          // zeroes the class's columns: a zero is a column this class has not touched yet. One
          // random read per entry instead of two (a separate "seen" array): ~10% of a pass at 50k.
          const before = scratch[col]!;
          if (before === 0) touched[n++] = col;
          scratch[col] = before + (on === 'presence' ? 1 : s.outVals[i]! * inv);
        }
      }
      totals.addClass(scratch, touched, n);
    }
    return { scores: totals.scores(classDocs), classSums: on === 'tfidf' ? totals : null };
  }
}

/** Adds `sign` to df[f] for every feature f of each document (once per document, however often it occurs there). */
function addDocumentFrequencies(df: Int32Array, docs: readonly Int32Array[], docFeatures: readonly Int32Array[], sign: 1 | -1): void {
  const seen = new Int32Array(df.length).fill(-1);
  for (let d = 0; d < docs.length; d++) {
    for (const list of [docs[d]!, docFeatures[d]!]) {
      for (let i = 0; i < list.length; i++) {
        const f = list[i]!;
        if (seen[f] === d) continue;
        seen[f] = d;
        df[f]! += sign;
      }
    }
  }
}

/** The documents of each class, in document order (a counting sort of `y`). */
function documentsByClass(y: Int32Array, nClasses: number): Int32Array[] {
  const counts = new Int32Array(nClasses);
  for (let d = 0; d < y.length; d++) counts[y[d]!]!++;
  const byClass = Array.from(counts, (n) => new Int32Array(n));
  const filled = new Int32Array(nClasses);
  for (let d = 0; d < y.length; d++) byClass[y[d]!]![filled[y[d]!]!++] = d;
  return byClass;
}
