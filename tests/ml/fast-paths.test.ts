// The faster code gives the same answers as the code it replaced: usableText's hand-written scanner,
// the tokenizer's blank skip and termSpans' wanted-bigram lookup, each against a frozen copy of its
// earlier version (tests/ml/reference/) on generated texts and edge cases; and weighRow's counting
// against the sort-every-repeat definition it replaced; and CrossFitter's renumbered columns against
// the pool's numbering; and TokenPool.chi2's sparse class sums against its dense version; and a
// subset's document frequencies, taken from its parent's, against counting them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termSpans } from '../../ml/explain/explain';
import { RowScratch, weighRow } from '../../ml/features/row-weights';
import { usableText } from '../../ml/features/usable-text';
import { CrossFitter } from '../../ml/models/cross-fit';
import { TextClassifier } from '../../ml/models/pipeline';
import { prepareCorpus } from '../../ml/models/prepared-corpus';
import { LinearSvmClassifier } from '../../ml/models/svm-classifier';
import { createRng } from '../../ml/random';
import { generateResumeSample } from '../../ml/sample/generate';
import { defaultTokenizeOptions, forEachToken, type TokenizeOptions } from '../../ml/text/tokenize';
import { termSpansV1 } from './reference/term-spans-v1';
import { poolChi2V1 } from './reference/pool-chi2-v1';
import { forEachTokenV1 } from './reference/tokenize-v1';
import { usableTextV1 } from './reference/usable-text-v1';
import { anyText, pieces, pieceText } from './reference/text-pieces';

const resumes = generateResumeSample({ seed: 5, perClass: 4 }).map((s) => s.text);

/** Seeded random bytes decoded as text, as a careless reader would. */
function randomText(bytes: number, seed: number, encoding: string): string {
  const rng = createRng(seed);
  return new TextDecoder(encoding).decode(Uint8Array.from({ length: bytes }, () => rng.int(256)));
}

describe('usableText: the scanner gives the regex version’s verdicts', () => {
  it('on generated resumes and random bytes in three decodings', () => {
    for (const text of resumes) expect(usableText(text)).toEqual(usableTextV1(text));
    for (const encoding of ['windows-1252', 'utf-8', 'utf-16le'])
      for (const seed of [1, 2, 3]) {
        const text = randomText(3000, seed, encoding);
        expect(usableText(text), `${encoding} ${seed}`).toEqual(usableTextV1(text));
      }
  });
  it('on every piece alone, and property: on any text', () => {
    for (const p of pieces) for (const text of [p, `${p} ${p}`, `x${p}y`]) expect(usableText(text), JSON.stringify(text)).toEqual(usableTextV1(text));
    fc.assert(
      fc.property(anyText, (text) => {
        expect(usableText(text)).toEqual(usableTextV1(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('forEachToken: the blank skip keeps every token and offset', () => {
  const tokens = (each: typeof forEachToken, text: string, options: TokenizeOptions) => {
    const out: [string, number, number][] = [];
    each(text, options, (token, start, end) => out.push([token, start, end]));
    return out;
  };
  const variants: TokenizeOptions[] = [
    defaultTokenizeOptions,
    { removeStopwords: false, stem: true, dropNumbers: false, minTokenLength: 1 },
    { ...defaultTokenizeOptions, minTokenLength: 3 },
  ];
  it('on generated resumes and, property, on any text (lower-cased or not)', () => {
    for (const options of variants) for (const text of resumes) expect(tokens(forEachToken, text, options)).toEqual(tokens(forEachTokenV1, text, options));
    fc.assert(
      fc.property(anyText, fc.constantFrom(...variants), (text, options) => {
        expect(tokens(forEachToken, text, options)).toEqual(tokens(forEachTokenV1, text, options));
        expect(tokens(forEachToken, text.toLowerCase(), options)).toEqual(tokens(forEachTokenV1, text.toLowerCase(), options));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('termSpans: joining only the wanted bigrams finds the same spans', () => {
  const sample = generateResumeSample({ seed: 8, perClass: 10 });
  const fitted = new TextClassifier({ seed: 8, tune: false }).fit(
    sample.map((s) => s.text),
    sample.map((s) => s.category),
  );
  const names = fitted.featureNames;
  const bigrams = names.filter((n) => n.includes(' '));
  const headline = names.filter((n) => n.startsWith('h:'));
  // The same entries in the same order (Map equality alone would not check the order).
  const same = (text: string, only?: ReadonlySet<string>) => {
    expect([...termSpans(fitted, text, only)]).toEqual([...termSpansV1(fitted, text, only)]);
  };

  it('the pipeline has bigrams and headline terms to find', () => {
    expect(bigrams.length).toBeGreaterThan(20);
    expect(headline.length).toBeGreaterThan(5);
    expect(fitted.vectorizer.params.ngramMax).toBe(2);
  });
  it('for every term, and for the terms an explanation shows, on generated resumes', () => {
    const rng = createRng(3);
    for (const text of resumes) {
      same(text);
      same(text, new Set(names));
      const shown = new Set(Array.from({ length: 16 }, () => names[rng.int(names.length)]!));
      shown.add(bigrams[rng.int(bigrams.length)]!).add(headline[rng.int(headline.length)]!);
      same(text, shown);
    }
  });
  it('property: for any text and any wanted set (odd terms included)', () => {
    const odd = ['a b c', ' nurse', 'nurse ', '', 'h:', ' ', 'h:nurse care', 'eng:log_length', 'c++ c#', '__url__ nurse'];
    const term = fc.oneof(fc.constantFrom(...names), fc.constantFrom(...bigrams), fc.constantFrom(...odd), fc.string({ maxLength: 12 }));
    const text = fc.oneof(pieceText, fc.constantFrom(...resumes));
    fc.assert(
      fc.property(text, fc.option(fc.uniqueArray(term, { maxLength: 20 })), (t, wanted) => same(t, wanted ? new Set(wanted) : undefined)),
      { numRuns: 500 },
    );
  });
});

/** weighRow as it was: sort every column (repeats included), then merge runs into tf. */
function weighRowBySorting(cols: number[], sublinearTf: boolean, weight: Float64Array | null): { cols: number[]; values: number[] } {
  const sorted = Int32Array.from(cols).sort();
  const out = { cols: [] as number[], values: [] as number[] };
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    const tf = j - i;
    out.cols.push(sorted[i]!);
    out.values.push((sublinearTf ? 1 + Math.log(tf) : tf) * (weight ? weight[sorted[i]!]! : 1));
    i = j;
  }
  return out;
}

describe('weighRow: counting, then sorting the distinct columns, gives the sorted definition', () => {
  it('property: any rows (repeats, wide columns, empty), one scratch reused across them, both tf transforms', () => {
    const weight = Float64Array.from({ length: 5000 }, (_, c) => 1 + (c % 7) / 3);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 4999 }), { maxLength: 300 }), { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (rows, sublinear, weighted) => {
          const s = new RowScratch();
          for (const row of rows) {
            s.reserve(row.length);
            s.cols.set(row);
            const m = weighRow(s, row.length, sublinear, weighted ? weight : null);
            const expected = weighRowBySorting(row, sublinear, weighted ? weight : null);
            expect(Array.from(s.outCols.subarray(0, m))).toEqual(expected.cols);
            expect(Array.from(s.outVals.subarray(0, m))).toEqual(expected.values);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CrossFitter: columns renumbered to the sampled rows’ terms give the same scores', () => {
  it('held-out scores (full and title-stripped), the broad view and chi² over all rows match the pool’s numbering exactly', () => {
    const sample = generateResumeSample({ seed: 9, perClass: 12 });
    const classes = [...new Set(sample.map((s) => s.category))].sort();
    const labels = sample.map((s) => s.category);
    const prepared = prepareCorpus(
      sample.map((s) => s.text),
      labels,
      { headlineTokens: 3, ngramMax: 2, minDf: 1 },
      { yearsOfExperience: true, length: true, sections: true, weight: 1 },
    );
    const y = Int32Array.from(labels, (l) => classes.indexOf(l));
    const dense = prepared.dense;
    // A sample of a third of the documents, as tuning reads on a large corpus: many candidates occur in none of them.
    const docs = Int32Array.from({ length: prepared.pool.size }, (_, i) => i).filter((d) => d % 3 === 0);
    const rng = createRng(4);
    const foldOf = Int32Array.from(docs, () => rng.int(3));
    const make = (compact: boolean) =>
      new CrossFitter(
        prepared.pool,
        classes.length,
        y,
        dense,
        prepared.width,
        docs,
        foldOf,
        [0, 1, 2],
        'tfidf',
        true,
        { features: 200, weightPower: 1 },
        {
          compactColumns: compact,
        },
      );
    const configs = [
      { features: 50, headlineWeight: 0.5, C: 0.5 },
      { features: 400, headlineWeight: 1, C: 1 },
    ];
    const model = (config: { C: number }) => new LinearSvmClassifier({ C: config.C, seed: 1 });
    const compacted = make(true);
    const reference = make(false);
    expect((compacted as unknown as { M: { cols: number } }).M.cols).toBeLessThan(prepared.pool.candidates.length);
    const a = compacted.run(configs, model);
    const b = reference.run(configs, model);
    a.forEach((scores, c) => {
      expect(scores.full).toEqual(b[c]!.full);
      expect(scores.stripped).toEqual(b[c]!.stripped);
    });
    expect(compacted.broadRun()).toEqual(reference.broadRun());
    // Tuning's second stage keeps only its chosen setting's fold matrices; the others are rebuilt alike if asked for again.
    const cached = () => (compacted as unknown as { matrices: Map<string, unknown> }).matrices.size;
    expect(cached()).toBe(6);
    compacted.keepMatricesOf(400, 1);
    expect(cached()).toBe(3);
    compacted.run(configs, model).forEach((scores, c) => expect(scores.full).toEqual(a[c]!.full));
    const allA = compacted.chi2All();
    const allB = reference.chi2All();
    // Candidates none of the rows holds score 0 either way; the rest are the same numbers.
    expect(Array.from(allA.scores)).toEqual(Array.from(allB.scores.subarray(0, allA.scores.length)));
    expect(allB.scores.subarray(allA.scores.length).every((v) => v === 0)).toBe(true);
    const some = Int32Array.from({ length: allA.scores.length }, (_, c) => c).filter((c) => c % 7 === 0);
    expect(allA.classSums!.ofColumns(some)).toEqual(allB.classSums!.ofColumns(some));
  });
});

describe('TokenPool.chi2: class by class, sparse sums give the dense pass’s numbers to the bit', () => {
  it('scores and class sums, on TF-IDF mass and presence, with a class no document has', () => {
    const sample = generateResumeSample({ seed: 12, perClass: 10 });
    const classes = [...new Set(sample.map((s) => s.category))].sort();
    const prepared = prepareCorpus(
      sample.map((s) => s.text),
      sample.map((s) => s.category),
      { headlineTokens: 3, ngramMax: 2, minDf: 1, sublinearTf: true },
      { yearsOfExperience: false, length: false, sections: false, weight: 1 },
    );
    // Labels shuffled across the classes plus one empty class at the end, so sums mix and a class has no documents.
    const rng = createRng(3);
    const y = Int32Array.from(sample, () => rng.int(classes.length));
    const K = classes.length + 1;
    const all = Int32Array.from(prepared.pool.candidates, (_, c) => c);
    for (const on of ['tfidf', 'presence'] as const) {
      const now = prepared.pool.chi2(y, K, on);
      const before = poolChi2V1(prepared.pool, y, K, on);
      expect(now.scores).toEqual(before.scores);
      if (on === 'tfidf') expect(now.classSums!.ofColumns(all)).toEqual(before.classSums);
      else expect(now.classSums).toBeNull();
    }
  });
});

describe('TokenPool.subset: document frequencies from the parent’s give the counted ones', () => {
  const sample = generateResumeSample({ seed: 13, perClass: 3 });
  const params = { headlineTokens: 3, ngramMax: 2 as const, minDf: 2, maxDf: 0.5, sublinearTf: true };
  const none = { yearsOfExperience: false, length: false, sections: false, weight: 1 };
  const prepared = () =>
    prepareCorpus(
      sample.map((s) => s.text),
      sample.map((s) => s.category),
      params,
      none,
    );
  /** The definition: in how many of the pool's documents each feature occurs. */
  const countedDf = (pool: ReturnType<typeof prepared>['pool']) =>
    Array.from(pool.df, (_, f) => pool.docs.filter((doc, d) => doc.includes(f) || pool.docFeatures[d]!.includes(f)).length);
  const indices = sample.map((_, i) => i);

  it('property: most or few of the documents, in any order, with repeats, and a subset of a subset', () => {
    const parent = prepared().pool;
    fc.assert(
      fc.property(fc.shuffledSubarray(indices, { minLength: 1 }), fc.boolean(), (rows, repeat) => {
        const sub = parent.subset(repeat ? [...rows, rows[0]!] : rows);
        expect(Array.from(sub.df)).toEqual(countedDf(sub));
        const minDocs = 2;
        const maxDocs = Math.max(minDocs, Math.floor(0.5 * sub.size));
        expect(Array.from(sub.candidates)).toEqual(Array.from(sub.df.keys()).filter((f) => sub.df[f]! >= minDocs && sub.df[f]! <= maxDocs));
        if (sub.size < 2) return;
        const inner = sub.subset(Array.from(sub.docs.keys()).slice(1));
        expect(Array.from(inner.df)).toEqual(countedDf(inner));
      }),
      { numRuns: 40 },
    );
  });

  it('a hand-over subset takes its counts before its parent lets its documents go', () => {
    const parent = prepared().pool;
    const rows = indices.slice(2);
    const expected = countedDf(parent.subset(rows));
    expect(Array.from(parent.subset(rows, { handOver: true }).df)).toEqual(expected);
  });
});
