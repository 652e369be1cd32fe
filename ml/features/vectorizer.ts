/**
 * CountVectorizer / TfidfVectorizer: cleaned text → token ids → (1–2)-gram counts → CSR, with
 * min_df / max_df / max_features / chi² selection. Token ids and typed arrays throughout; strings
 * are touched once per token (the Map lookup), never per n-gram.
 */
import { normalizeText, type NormalizeOptions } from '../text/normalize';
import { defaultTokenizeOptions, forEachToken, type TokenizeOptions } from '../text/tokenize';
import { chi2Scores, topKIndices } from './chi2';
import { CsrBuilder, type CsrMatrix } from './csr';
import { PairMap } from './pair-map';
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
  /** tf → 1 + ln(tf). */
  sublinearTf: boolean;
  /** Row normalization. */
  norm: 'l2' | 'none';
  /** Engineered feature: the first N tokens (the resume's headline) also count as "h:token" terms (0 = off). */
  headlineTokens: number;
  normalize: Partial<NormalizeOptions>;
  tokenize: Partial<TokenizeOptions>;
}

/** TF-IDF defaults tuned on resumes (see the bench). */
export const defaultTfidfParams: VectorizerParams = {
  weighting: 'tfidf',
  ngramMax: 2,
  minDf: 2,
  maxDf: 0.9,
  maxFeatures: 0,
  chi2Features: 0,
  sublinearTf: true,
  norm: 'l2',
  headlineTokens: 0,
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
    return this;
  }

  /** Tokens of one text as strings: the headline terms first, then the body sequence. */
  analyze(text: string): { headline: string[]; body: string[] } {
    const body: string[] = [];
    forEachToken(normalizeText(text, this.params.normalize), { ...defaultTokenizeOptions, ...this.params.tokenize }, (t) => body.push(t));
    return { headline: body.slice(0, this.params.headlineTokens).map((t) => `h:${t}`), body };
  }

  /** Learns the vocabulary (and idf) from texts; with labels, chi² selection can run. */
  fit(texts: Iterable<string>, labels?: { y: Int32Array; nClasses: number }): this {
    this.fitTransform(texts, labels);
    return this;
  }

  /** Fits and returns the training matrix in one pass over the texts (texts are read once). */
  fitTransform(texts: Iterable<string>, labels?: { y: Int32Array; nClasses: number }): CsrMatrix {
    const p = this.params;
    const tokenOptions = { ...defaultTokenizeOptions, ...p.tokenize };
    // Pass 1: token ids per document (headline ids first, counted in heads[d]).
    const ids = new Map<string, number>();
    const names: string[] = [];
    const idOf = (t: string): number => {
      let id = ids.get(t);
      if (id === undefined) {
        id = names.length;
        ids.set(t, id);
        names.push(t);
      }
      return id;
    };
    const docs: Int32Array[] = [];
    const headCounts: number[] = [];
    let buffer = new Int32Array(1 << 14);
    for (const text of texts) {
      let n = 0;
      const headline: string[] = [];
      forEachToken(normalizeText(text, p.normalize), tokenOptions, (t) => {
        if (n === buffer.length) {
          const b2 = new Int32Array(buffer.length * 2);
          b2.set(buffer);
          buffer = b2;
        }
        buffer[n++] = idOf(t);
        if (headline.length < p.headlineTokens) headline.push(`h:${t}`);
      });
      const doc = new Int32Array(headline.length + n);
      for (let i = 0; i < headline.length; i++) doc[i] = idOf(headline[i]!);
      doc.set(buffer.subarray(0, n), headline.length);
      docs.push(doc);
      headCounts.push(headline.length);
    }
    const nDocs = docs.length;
    if (nDocs === 0) throw new Error('Cannot fit a vectorizer on zero documents.');
    // Features: unigram id u → u; bigram (a, b) → names.length + its index in `bigrams`.
    const bigrams = new PairMap(1 << 16);
    const bigramPairs: number[] = [];
    const docFeatures: Int32Array[] = [];
    let df = new Int32Array(names.length + (1 << 16));
    let seen = new Int32Array(df.length).fill(-1);
    const unigramCount = names.length;
    for (let d = 0; d < nDocs; d++) {
      const doc = docs[d]!;
      const h = headCounts[d]!;
      const features = p.ngramMax === 2 ? new Int32Array(Math.max(0, doc.length - h - 1)) : EMPTY;
      for (let i = h + 1; i < doc.length && p.ngramMax === 2; i++) {
        const b = bigrams.getOrSet(doc[i - 1]!, doc[i]!, bigrams.size);
        if (b === bigramPairs.length / 2) bigramPairs.push(doc[i - 1]!, doc[i]!);
        features[i - h - 1] = unigramCount + b;
      }
      docFeatures.push(features);
      if (unigramCount + bigrams.size > df.length) {
        const size = Math.max(unigramCount + bigrams.size, df.length * 2);
        const df2 = new Int32Array(size);
        df2.set(df);
        df = df2;
        const s2 = new Int32Array(size).fill(-1);
        s2.set(seen);
        seen = s2;
      }
      for (const list of [doc, features]) {
        for (let i = 0; i < list.length; i++) {
          const f = list[i]!;
          if (seen[f] === d) continue;
          seen[f] = d;
          df[f]!++;
        }
      }
    }
    const nFeatures = unigramCount + bigrams.size;
    const minDocs = p.minDf >= 1 ? p.minDf : Math.ceil(p.minDf * nDocs);
    const maxDocs = Math.max(minDocs, p.maxDf > 1 ? p.maxDf : Math.floor(p.maxDf * nDocs));
    const candidates: number[] = [];
    for (let f = 0; f < nFeatures; f++) if (df[f]! >= minDocs && df[f]! <= maxDocs) candidates.push(f);
    let chosen: number[] = candidates;
    if (labels && p.chi2Features > 0 && candidates.length > p.chi2Features) {
      chosen = this.chi2Select(candidates, nFeatures, docs, docFeatures, labels);
    } else if (p.maxFeatures > 0 && candidates.length > p.maxFeatures) {
      const scores = Float64Array.from(candidates, (f) => df[f]!);
      chosen = Array.from(topKIndices(scores, p.maxFeatures), (i) => candidates[i]!);
    }
    const termOf = (f: number): string =>
      f < unigramCount ? names[f]! : `${names[bigramPairs[(f - unigramCount) * 2]!]} ${names[bigramPairs[(f - unigramCount) * 2 + 1]!]}`;
    const entries = chosen.map((f) => ({ term: termOf(f), df: df[f]! }));
    entries.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    const idf = p.weighting === 'tfidf' ? entries.map((e) => quantize(Math.log((1 + nDocs) / (1 + e.df)) + 1)) : null;
    this.setState(
      entries.map((e) => e.term),
      idf,
    );
    // Pass 2: the training matrix, through the same lookup as transform().
    const remap = Int32Array.from(names, (t) => this.vocab!.tokenId(t));
    const builder = new CsrBuilder(this.vocab!.size);
    const scratch = new RowScratch();
    for (let d = 0; d < nDocs; d++) {
      const doc = docs[d]!.map((id) => remap[id]!);
      docs[d] = EMPTY;
      docFeatures[d] = EMPTY;
      this.addRow(builder, doc.subarray(headCounts[d]!), doc.subarray(0, headCounts[d]!), scratch);
    }
    return builder.build();
  }

  private chi2Select(
    candidates: number[],
    nFeatures: number,
    docs: Int32Array[],
    docFeatures: Int32Array[],
    labels: { y: Int32Array; nClasses: number },
  ): number[] {
    const k = labels.nClasses;
    const candidateIndex = new Int32Array(nFeatures).fill(-1);
    candidates.forEach((f, i) => (candidateIndex[f] = i));
    // Per-class document frequency of each candidate: chi² on binary occurrence, which needs no
    // full document-term matrix in memory (the 50k-document budget).
    const observed = new Float64Array(candidates.length * k);
    const seen = new Int32Array(candidates.length).fill(-1);
    const classDocs = new Float64Array(k);
    for (let d = 0; d < docs.length; d++) {
      const c = labels.y[d]!;
      classDocs[c]!++;
      for (const list of [docs[d]!, docFeatures[d]!]) {
        for (let j = 0; j < list.length; j++) {
          const i = candidateIndex[list[j]!]!;
          if (i >= 0 && seen[i] !== d) {
            seen[i] = d;
            observed[i * k + c]!++;
          }
        }
      }
    }
    const scores = chi2Scores(observed, candidates.length, classDocs);
    return Array.from(topKIndices(scores, this.params.chi2Features), (i) => candidates[i]!);
  }

  /** Vectorizes texts with the fitted vocabulary (unknown terms are ignored). */
  transform(texts: Iterable<string>): CsrMatrix {
    const vocab = this.requireVocab();
    const builder = new CsrBuilder(vocab.size);
    const scratch = new RowScratch();
    for (const text of texts) {
      const { headline, body } = this.analyze(text);
      this.addRow(
        builder,
        Int32Array.from(body, (t) => vocab.tokenId(t)),
        Int32Array.from(headline, (t) => vocab.tokenId(t)),
        scratch,
      );
    }
    return builder.build();
  }

  private addRow(builder: CsrBuilder, doc: Int32Array, head: Int32Array, s: RowScratch): void {
    const vocab = this.vocab!;
    s.reserve(doc.length * 2 + head.length);
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
    const cols = s.cols.subarray(0, n).sort();
    let m = 0;
    let sumSq = 0;
    for (let i = 0; i < n;) {
      let j = i + 1;
      while (j < n && cols[j] === cols[i]) j++;
      const tf = j - i;
      let v = this.params.sublinearTf ? 1 + Math.log(tf) : tf;
      if (this.idfValues) v *= this.idfValues[cols[i]!]!;
      s.outCols[m] = cols[i]!;
      s.outVals[m++] = v;
      sumSq += v * v;
      i = j;
    }
    if (this.params.norm === 'l2' && sumSq > 0) {
      const inv = 1 / Math.sqrt(sumSq);
      for (let i = 0; i < m; i++) s.outVals[i] = s.outVals[i]! * inv;
    }
    builder.addRow(s.outCols, s.outVals, m);
  }
}

const EMPTY = new Int32Array(0);

/** Reusable per-row buffers, so vectorizing allocates nothing per document. */
class RowScratch {
  cols = new Int32Array(4096);
  outCols = new Int32Array(4096);
  outVals = new Float64Array(4096);
  reserve(size: number): void {
    if (size <= this.cols.length) return;
    this.cols = new Int32Array(size);
    this.outCols = new Int32Array(size);
    this.outVals = new Float64Array(size);
  }
}

/** Rounds to 1e-6 so JSON prints short decimals and a reloaded model equals the fitted one exactly. */
export function quantize(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
