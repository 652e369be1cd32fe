import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactKey, exactKeyPlain, textKeys, wordHashes, wordHashesPlain } from '../../ml/eval/text-keys';
import { generateResumeSample } from '../../ml/index';
import { textHash } from '../../main/store/text-hash';

// Characters that exercise every branch: ASCII, Latin-1 letters and mojibake, a fraction (a number),
// blanks of several kinds, bullets and dashes, Greek (sigma), Turkish dotted I, Cyrillic, CJK, an emoji and
// a mathematical letter (surrogate pairs), combining marks, the Kelvin sign.
const alphabet = [
  'a',
  'Z',
  'q',
  '7',
  ' ',
  '\n',
  '\t',
  '-',
  '.',
  '/',
  '#',
  '+',
  '_',
  'é',
  'Â',
  'ï',
  '¼',
  'ß',
  'Œ',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '•',
  '–',
  '’',
  '“',
  'Σ',
  'σ',
  'ς',
  'İ',
  'ı',
  'Ж',
  '中',
  '😀',
  '𝐀',
  '\u0301',
  'K',
  '\u212b',
  '\u200b',
  '\u1100',
  '\u1161',
  '각',
  'Ⅸ',
  'Ⓐ',
];
const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((chars) => chars.join(''));

describe('duplicate-finding keys in one scan (each, and both at once: textKeys)', () => {
  it('give exactly the plain definitions on any mix of scripts, blanks and symbols', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(wordHashes(text)).toEqual(wordHashesPlain(text));
        expect(exactKey(text)).toBe(exactKeyPlain(text));
        expect(textKeys(text)).toEqual({ exactKey: exactKeyPlain(text), wordHashes: wordHashesPlain(text) });
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('give exactly the plain definitions on generated resumes, with and without non-ASCII letters', () => {
    const resumes = generateResumeSample({ seed: 5, perClass: 4 }).map((r) => r.text);
    for (const text of [...resumes, ...resumes.map((t) => t.replace(/e/g, 'é').replace(/ /g, '\u00a0'))]) {
      expect(wordHashes(text)).toEqual(wordHashesPlain(text));
      expect(exactKey(text)).toBe(exactKeyPlain(text));
      expect(textKeys(text)).toEqual({ exactKey: exactKeyPlain(text), wordHashes: wordHashesPlain(text) });
    }
  });

  it('the exact key folds case and blank runs and ignores blanks at the ends, and nothing else', () => {
    expect(exactKey('  Senior  Accountant\n\tCPA ')).toBe(exactKey('senior accountant cpa'));
    expect(exactKey('senior accountant cpa')).not.toBe(exactKey('senior accountant cpa.'));
    expect(exactKey('senioraccountant')).not.toBe(exactKey('senior accountant'));
  });

  it("is the importer's key: composed and decomposed accents and zero-width spaces match in both", () => {
    const variants = ['Chef de café\u200bManager', 'chef de cafe\u0301 manager', 'CHEF DE CAFÉ MANAGER ', 'Chef de cafe manager'];
    const byEvaluation = variants.map((text) => exactKey(text));
    const byImporter = variants.map((text) => textHash(text));
    // The first three are one text; the last lacks the accent.
    expect(new Set(byEvaluation.slice(0, 3)).size).toBe(1);
    expect(new Set(byImporter.slice(0, 3)).size).toBe(1);
    expect(byEvaluation[3]).not.toBe(byEvaluation[0]);
    expect(byImporter[3]).not.toBe(byImporter[0]);
  });
});
