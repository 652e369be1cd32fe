import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chi2Scores, topKIndices } from '../../ml/features/chi2';
import { appendDenseColumns, type CsrMatrix } from '../../ml/features/csr';
import { TokenPool } from '../../ml/features/token-pool';
import { poolParamsOf } from '../../ml/models/prepared-corpus';
import { TextVectorizer } from '../../ml/features/vectorizer';

const docs = ['python java python', 'java sql', 'python sql sql'];

const row = (m: CsrMatrix, r: number) => {
  const out: Record<number, number> = {};
  for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) out[m.indices[p]!] = m.values[p]!;
  return out;
};

describe('TextVectorizer', () => {
  it('engineered columns built into the rows give the matrix appendDenseColumns makes of the plain one', () => {
    const texts = ['Registered nurse, ICU and triage', 'Java developer: Spring, SQL, Kubernetes', 'Nurse educator, ICU'];
    const dense = Float64Array.from([0.5, 0, 2, 1.25, 3, 0.1]);
    const plain = new TextVectorizer({ minDf: 1 }).fitFromPool(TokenPool.build(texts, poolParamsOf({ minDf: 1 })));
    const built = new TextVectorizer({ minDf: 1 }).fitFromPool(TokenPool.build(texts, poolParamsOf({ minDf: 1 })), undefined, undefined, {
      values: dense,
      width: 2,
    });
    expect(built).toEqual(appendDenseColumns(plain, dense, 2));
    expect(built.cols).toBe(plain.cols + 2);
  });

  it('count weighting gives raw term counts over a sorted vocabulary', () => {
    const v = new TextVectorizer({ weighting: 'count', ngramMax: 1, minDf: 1, maxDf: 1, sublinearTf: false, norm: 'none' });
    const X = v.fitTransform(docs);
    expect(v.vocabulary).toEqual(['java', 'python', 'sql']);
    expect(row(X, 0)).toEqual({ 0: 1, 1: 2 });
    expect(row(X, 2)).toEqual({ 1: 1, 2: 2 });
  });
  it('tf-idf uses smooth idf ln((1+n)/(1+df))+1, sublinear tf and l2 norm (hand-computed)', () => {
    const v = new TextVectorizer({ weighting: 'tfidf', ngramMax: 1, minDf: 1, maxDf: 1, sublinearTf: true, norm: 'l2' });
    const X = v.fitTransform(docs);
    const idf = Math.log(4 / 3) + 1; // every term is in 2 of 3 documents
    expect(Array.from(v.idf!)).toEqual([idf, idf, idf].map((x) => Math.round(x * 1e6) / 1e6));
    const a = (1 + Math.log(2)) * idf;
    const b = idf;
    const norm = Math.hypot(a, b);
    expect(row(X, 0)[1]).toBeCloseTo(a / norm, 6);
    expect(row(X, 0)[0]).toBeCloseTo(b / norm, 6);
  });
  it('bigrams join adjacent kept tokens; min_df and max_df prune', () => {
    const v = new TextVectorizer({ weighting: 'count', ngramMax: 2, minDf: 2, maxDf: 1, norm: 'none', sublinearTf: false });
    v.fit(['machine learning engineer', 'machine learning', 'learning curve']);
    expect(v.vocabulary).toEqual(['learning', 'machine', 'machine learning']);
    const w = new TextVectorizer({ weighting: 'count', ngramMax: 1, minDf: 1, maxDf: 0.5, norm: 'none' });
    w.fit(['a1 common', 'b1 common', 'c1 common']);
    expect(w.vocabulary).toEqual(['a1', 'b1', 'c1']);
  });
  it('headline terms add "h:" features for the first tokens', () => {
    const v = new TextVectorizer({ ngramMax: 1, minDf: 1, maxDf: 1, headlineTokens: 2 });
    v.fit(['Nurse Manager cares for patients']);
    expect(v.vocabulary).toContain('h:nurse');
    expect(v.vocabulary).toContain('h:manager');
    expect(v.vocabulary).not.toContain('h:cares');
  });
  it('chi² keeps the terms that separate the classes', () => {
    const v = new TextVectorizer({ ngramMax: 1, minDf: 1, maxDf: 1, chi2Features: 2 });
    v.fit(['alpha noise', 'alpha noise', 'beta noise', 'beta noise'], { y: Int32Array.from([0, 0, 1, 1]), nClasses: 2 });
    expect(v.vocabulary).toEqual(['alpha', 'beta']);
  });
  it('transform ignores unknown terms and refuses to run before fit', () => {
    expect(() => new TextVectorizer().transform(['x'])).toThrow(/not fitted/);
    const v = new TextVectorizer({ ngramMax: 1, minDf: 1, maxDf: 1 });
    v.fit(['python java']);
    expect(v.transform(['cobol fortran']).indices.length).toBe(0);
  });
  it('property: rows are sorted and unique, values finite, l2 norms 1 (or empty)', () => {
    const word = fc.constantFrom('python', 'java', 'sql', 'nurse', 'c++', 'node.js', 'care', 'sales', 'the', '2019');
    const doc = fc.array(word, { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 12 }), fc.constantFrom<1 | 2>(1, 2), (texts, ngramMax) => {
        const X = new TextVectorizer({ ngramMax, minDf: 1, maxDf: 1 }).fitTransform(texts);
        for (let r = 0; r < X.rows; r++) {
          let sum = 0;
          for (let p = X.indptr[r]!; p < X.indptr[r + 1]!; p++) {
            if (p > X.indptr[r]! && X.indices[p]! <= X.indices[p - 1]!) return false;
            if (!Number.isFinite(X.values[p]!) || X.indices[p]! >= X.cols) return false;
            sum += X.values[p]! ** 2;
          }
          if (X.indptr[r + 1]! > X.indptr[r]! && Math.abs(sum - 1) > 1e-5) return false;
        }
        return X.rows === texts.length;
      }),
    );
  });
});

describe('chi²', () => {
  it('matches the hand computation and picks the top k', () => {
    // Feature 0 only in class 0 (2 docs), feature 1 evenly spread; classes weigh 2 and 2.
    // f0: E = 1 per class → (2−1)²/1 + (0−1)²/1 = 2. f1: O = E → 0.
    const s = chi2Scores([2, 0, 1, 1], 2, [2, 2]);
    expect(Array.from(s)).toEqual([2, 0]);
    expect(Array.from(topKIndices(Float64Array.from([0.5, 3, 3, 1]), 2))).toEqual([1, 2]);
  });
});
