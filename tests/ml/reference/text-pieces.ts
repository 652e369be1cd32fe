/** Texts for the fast-path tests: pieces that exercise every tokenizer and cleaner rule, and generators of any text. */
import fc from 'fast-check';

/**
 * Pieces that exercise every rule: word shapes (case patterns, no vowel, 6 consonants, 30/31
 * letters), tech tokens, masks, stopwords, numbers, letters outside ASCII (accents, other scripts,
 * letters outside the BMP, lone surrogates, combining marks, letters whose case changes length),
 * and every kind of blank.
 */
export const words = [
  'nurse Nurse NURSE nUrse NurSe McDonald iPhone a I ok OK Ok oK y YY',
  `rhythm tsktsk strengths Schwartz bcdfgh xyzzy crwth ${'a'.repeat(30)} ${'a'.repeat(31)} ${'B'.repeat(31)}`,
  'c++ C# .NET .net asp.net Node.js ci/cd b.sc experience.Managed sales/marketing a/b/c/d/e',
  '__url__ __email__ __num__ __phone__ _ __ _x_ the and of The it IT r R 2019 12 1 a1 1a ٣٤ ½ x²',
  'Résumé café CAFÉ Zürich Straße STRASSE naïve Ærø œuvre ÿ İstanbul ǅemal ﬁne ŉ',
  'Инженер инженер ИНЖЕНЕР Ἀθήνα مهندس מהנדס इंजीनियर วิศวกร 엔지니어 工程师 ひらがな カタカナ Инж工程',
  '𝐀𝐁 𐐀𐐨 😀 \ud800 \udc00 e\u0301 \u0301 . , / + # - – • ( ) : @ & <b> &amp;',
].flatMap((group) => group.split(' '));
export const blanks = [' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u3000', '\u2003', '\u200b', '\u2028', '\ufeff', '\u000b'];
export const pieces = [...words, ...blanks];
export const piece = fc.constantFrom(...pieces);
/** Texts of 0–60 pieces joined with nothing or a blank between them. */
export const pieceText = fc.array(fc.tuple(piece, fc.constantFrom('', ' ', '\n')), { maxLength: 60 }).map((parts) => parts.map(([p, sep]) => p + sep).join(''));
/** Any UTF-16 code units (lone surrogates included) and any code points. */
export const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), pieceText);
