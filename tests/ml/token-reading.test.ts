// Reading a corpus into a token pool takes two shortcuts that must not change a single token: the
// cleaner skips collapsing whitespace (normalizeForTokens), and each distinct token is read once
// through a TokenInterner instead of a string per token. Both are checked against the plain
// definition: tokenize(normalizeText(text)).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenPool, firstLineOf, type PoolParams } from '../../ml/features/token-pool';
import { generateResumeSample } from '../../ml/sample/generate';
import { defaultNormalizeOptions, normalizeForTokens, normalizeText, type NormalizeOptions } from '../../ml/text/normalize';
import { TokenInterner } from '../../ml/text/token-interner';
import { defaultTokenizeOptions, tokenize, type TokenizeOptions } from '../../ml/text/tokenize';
import { anyText, blanks, pieceText } from './reference/text-pieces';

const resumes = generateResumeSample({ seed: 11, perClass: 3 }).map((s) => s.text);
const blind: Partial<NormalizeOptions> = { maskNames: true, maskAddresses: true };
/** Resumes with their blanks swapped for runs of other blanks, so collapsing has work to do. */
const spaced = resumes.map((text, i) => text.replace(/ /g, (_, at: number) => blanks[(at + i) % blanks.length]! + ' '));

describe('normalizeForTokens: the same tokens as normalizeText', () => {
  it('on generated resumes (plain, with odd blanks, blind) and, property, on any text', () => {
    for (const options of [{}, blind])
      for (const text of [...resumes, ...spaced]) expect(tokenize(normalizeForTokens(text, options))).toEqual(tokenize(normalizeText(text, options)));
    fc.assert(
      fc.property(anyText, (text) => {
        expect(tokenize(normalizeForTokens(text))).toEqual(tokenize(normalizeText(text)));
      }),
      { numRuns: 3000 },
    );
  });
  it('still cleans: it differs from normalizeText only in whitespace', () => {
    const text = 'Nurse  at\tCity\u00a0Hospital — see https://example.org/jane or call +1 555 123 4567';
    expect(normalizeForTokens(text)).not.toEqual(normalizeText(text));
    expect(normalizeForTokens(text).replace(/\s+/g, ' ').trim()).toEqual(normalizeText(text));
    expect(defaultNormalizeOptions.collapseWhitespace).toBe(true);
  });
});

describe('TokenPool.build: every document holds the tokens the tokenizer keeps', () => {
  const params = (tokenize: Partial<TokenizeOptions>): PoolParams => ({
    weighting: 'tfidf',
    ngramMax: 2,
    minDf: 1,
    maxDf: 1,
    sublinearTf: true,
    headlineTokens: 5,
    normalize: {},
    tokenize,
  });
  /** The definition: kept tokens of the cleaned text, headline terms first; first-line token counts. */
  const expected = (texts: string[], options: TokenizeOptions) =>
    texts.map((text) => {
      const body = tokenize(normalizeText(text), options);
      const first = firstLineOf(text);
      const firstLine = first === null ? 0 : Math.min(tokenize(normalizeText(first), options).length, body.length);
      return { terms: [...body.slice(0, 5).map((t) => `h:${t}`), ...body], firstLine };
    });
  const actual = (texts: string[], options: Partial<TokenizeOptions>) => {
    const pool = TokenPool.build(texts, params(options), true);
    return pool.docs.map((doc, d) => ({ terms: Array.from(doc, (id) => pool.names[id]), firstLine: pool.firstLineCounts[d] }));
  };
  const variants: TokenizeOptions[] = [
    defaultTokenizeOptions,
    { ...defaultTokenizeOptions, stem: true },
    { removeStopwords: false, stem: false, dropNumbers: false, minTokenLength: 1 },
  ];
  it('with and without stopwords and stemming, on generated resumes and, property, on any texts', () => {
    for (const options of variants) expect(actual(resumes, options)).toEqual(expected(resumes, options));
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, pieceText), { minLength: 1, maxLength: 6 }), fc.constantFrom(...variants), (texts, options) => {
        expect(actual(texts, options)).toEqual(expected(texts, options));
      }),
      { numRuns: 500 },
    );
  });
  it('no stopword is a feature', () => {
    const pool = TokenPool.build(['The nurse and the doctor of the ward', 'a nurse is on the night shift'], params({}));
    expect(pool.names).not.toContain('the');
    expect(pool.names).toContain('nurse');
    expect(pool.docs.every((doc) => doc.every((id) => id >= 0))).toBe(true);
  });
});

describe('TokenInterner: forEachToken\u2019s tokens, one entry per distinct token', () => {
  const variants: TokenizeOptions[] = [defaultTokenizeOptions, { ...defaultTokenizeOptions, stem: true }, { ...defaultTokenizeOptions, minTokenLength: 3 }];
  const kept = (interner: TokenInterner, text: string) => {
    const out: string[] = [];
    interner.forEachKept(text, (entry) => out.push(interner.term(entry)));
    return out;
  };
  it('property: on any texts read one after another by one interner', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 8 }), fc.constantFrom(...variants), (texts, options) => {
        const interner = new TokenInterner(options);
        for (const text of texts) expect(kept(interner, text)).toEqual(tokenize(text, options));
      }),
      { numRuns: 1000 },
    );
  });
  it('tells apart tokens whose hashes and lengths are equal (FNV-1a: "declinate" and "macallums")', () => {
    const interner = new TokenInterner(defaultTokenizeOptions);
    const entries: number[] = [];
    interner.forEachKept('declinate macallums declinate macallums', (entry) => entries.push(entry));
    expect(entries.map((e) => interner.term(e))).toEqual(['declinate', 'macallums', 'declinate', 'macallums']);
    expect(interner.size).toBe(2);
  });
  it('past its first table and arena (10,000 distinct tokens of up to 30 letters): the same tokens, the same entry each time', () => {
    const word = (i: number) => `w${i.toString(36)}${'abcdefghijklmnopqrstuvwxyz'.slice(0, 1 + (i % 26))}`;
    const text = Array.from({ length: 10_000 }, (_, i) => word(i)).join(' ');
    const interner = new TokenInterner(defaultTokenizeOptions);
    const first: number[] = [];
    interner.forEachKept(text, (entry) => first.push(entry));
    const again: number[] = [];
    interner.forEachKept(text, (entry) => again.push(entry));
    expect(first.map((e) => interner.term(e))).toEqual(tokenize(text));
    expect(new Set(first).size).toBe(10_000);
    expect(again).toEqual(first);
    expect(interner.size).toBe(10_000);
  });
});
