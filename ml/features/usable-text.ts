/**
 * Bad input gets a sentence, not a confident answer. Two ml-level guards every caller (CLI, app,
 * API) applies before a model sees a text:
 * - usableText: does the text have enough real words to classify? Random bytes decoded as text still
 *   hold letter runs, so it counts only word-shaped runs (a vowel, one case pattern, no long
 *   consonant run) and asks that they make up a good share of the visible characters.
 * - capAnalysedText: the first MAX_ANALYSED_CHARS characters are analysed, the rest ignored, so a
 *   20 MB "resume" costs what a 100 KB one does (tokens, spans and explanations grow with the text).
 */

/** A text needs at least this many real words to be classified. */
export const MIN_REAL_WORDS = 5;
/** …and real words must cover at least this share of its non-blank characters. */
export const MIN_WORD_SHARE = 0.5;
/**
 * Characters of a text the models analyse (vectorizing, prediction, explanations). The longest
 * resumes in the public corpora are 15–60k characters; past 100k a file is not one resume.
 */
export const MAX_ANALYSED_CHARS = 100_000;

/** The verdict on one text. */
export interface TextUsability {
  usable: boolean;
  realWords: number;
  /** Share of non-blank characters inside real words (0..1). */
  wordShare: number;
  /** "no usable text: …" when not usable, else null. */
  reason: string | null;
}

const VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]/;
const LATIN = /[a-zà-ÿœ]/;
const CONSONANT_RUN = /[bcdfghjklmnpqrstvwxzß]{6}/;
// A non-Latin word is a run in one script (random UTF-16 mixes Han, Hangul, Yi… within a run).
const ONE_OTHER_SCRIPT =
  /^(?:\p{Script=Cyrillic}+|\p{Script=Greek}+|\p{Script=Arabic}+|\p{Script=Hebrew}+|\p{Script=Devanagari}+|\p{Script=Thai}+|\p{Script=Hangul}+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)$/u;

/**
 * True for a letter run shaped like a word: Latin runs of 2–30 letters, lower, Capitalized or UPPER,
 * with a vowel and no 6 consonants in a row; other runs of 2+ letters when all in one script.
 */
export function isRealWord(run: string): boolean {
  if (run.length < 2) return false;
  if (!LATIN.test(run.toLowerCase())) return ONE_OTHER_SCRIPT.test(run);
  if (run.length > 30) return false;
  const lower = run.toLowerCase();
  const upper = run.toUpperCase();
  const caseOk = run === lower || run === upper || (run[0] === upper[0] && run.slice(1) === lower.slice(1));
  if (!caseOk) return false;
  return VOWEL.test(lower) && !CONSONANT_RUN.test(lower);
}

// Per UTF-16 unit below 0x10000: 1 letter (\p{L}), 2 not, 0 not classified yet (filled on first sight).
const LETTER_CLASS = new Uint8Array(65536);
const LETTER = /^\p{L}$/u;
const isLetterUnit = (code: number): boolean => {
  let k = LETTER_CLASS[code]!;
  if (k === 0) {
    // A lone surrogate is no letter (the u-flag regex reads it as a code point of its own).
    k = code < 0xd800 || code > 0xdfff ? (LETTER.test(String.fromCharCode(code)) ? 1 : 2) : 2;
    LETTER_CLASS[code] = k;
  }
  return k === 1;
};
for (let c = 0; c < 128; c++) LETTER_CLASS[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Code units of the letter at `i` (1, or 2 for a letter outside the BMP), or 0 when none starts there. */
function letterWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return isLetterUnit(code) ? 1 : 0;
  const low = text.charCodeAt(i + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
  return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
}

const isBlank = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);

/**
 * One pass over a text: its letter runs (those of /\p{L}+/u), the real words among them and the
 * non-blank characters. Hand-written because the regex's match objects and isRealWord's case copies
 * cost more than the rest of a prediction's checks: a run of ASCII letters is judged as it is read,
 * by isRealWord's rules (2–30 letters; lower, Capitalized or UPPER; a vowel; no 6 consonants in a
 * row — among ASCII letters the consonants are exactly the non-vowels); other runs go to isRealWord.
 */
function countWords(text: string): { realWords: number; wordChars: number; visible: number } {
  let realWords = 0;
  let wordChars = 0;
  let visible = 0;
  const n = text.length;
  for (let i = 0; i < n;) {
    const first = text.charCodeAt(i);
    if (first < 128 ? ((first | 0x20) - 97) >>> 0 >= 26 : letterWidth(text, i) === 0) {
      if (!isBlank(first)) visible++;
      i++;
      continue;
    }
    const start = i;
    let isAscii = true;
    let hasVowel = false;
    let consonants = 0;
    let maxConsonants = 0;
    let upperRest = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code >= 128) {
        const width = letterWidth(text, i);
        if (width === 0) break;
        isAscii = false;
        i += width;
        continue;
      }
      const lower = code | 0x20;
      if ((lower - 97) >>> 0 >= 26) break;
      if (code < 97 && i > start) upperRest++;
      // a e i o u y
      if (lower === 97 || lower === 101 || lower === 105 || lower === 111 || lower === 117 || lower === 121) {
        hasVowel = true;
        consonants = 0;
      } else if (++consonants > maxConsonants) maxConsonants = consonants;
      i++;
    }
    const length = i - start;
    // Letters are never blank: the whole run is visible.
    visible += length;
    let isReal: boolean;
    if (isAscii) {
      // lower or Capitalized: no capital after the first letter; UPPER: a capital first and every one after.
      const caseOk = upperRest === 0 || (first < 97 && upperRest === length - 1);
      isReal = length >= 2 && length <= 30 && caseOk && hasVowel && maxConsonants < 6;
    } else isReal = isRealWord(text.slice(start, i));
    if (!isReal) continue;
    realWords++;
    wordChars += length;
  }
  return { realWords, wordChars, visible };
}

/** Decides whether a text has enough real words to classify (see the file header). */
export function usableText(text: string): TextUsability {
  const { realWords, wordChars, visible } = countWords(capAnalysedText(text).text);
  const wordShare = visible > 0 ? wordChars / visible : 0;
  let reason: string | null = null;
  if (visible === 0) reason = 'no usable text: it is empty or blank';
  else if (realWords < MIN_REAL_WORDS)
    reason = `no usable text: ${realWords === 0 ? 'no real words' : `only ${realWords} real word${realWords === 1 ? '' : 's'}`} (at least ${MIN_REAL_WORDS} are needed)`;
  else if (wordShare < MIN_WORD_SHARE)
    reason = `no usable text: only ${Math.round(wordShare * 100)}% of its characters form words (random bytes, a binary file or the wrong encoding?)`;
  return { usable: reason === null, realWords, wordShare, reason };
}

/** The part of a text the models analyse: the first MAX_ANALYSED_CHARS characters, cut at a blank when one is near. */
export function capAnalysedText(text: string): { text: string; truncated: boolean } {
  if (text.length <= MAX_ANALYSED_CHARS) return { text, truncated: false };
  const cut = text.lastIndexOf(' ', MAX_ANALYSED_CHARS);
  return { text: text.slice(0, cut > MAX_ANALYSED_CHARS - 1000 ? cut : MAX_ANALYSED_CHARS), truncated: true };
}

/**
 * Splits a corpus into the texts a model may use and the ones refused, each with its "no usable
 * text: …" sentence. Reads the texts once, in order; `onUsable` sees each usable one as it passes
 * (so a stream can be screened and used without being held).
 */
export function screenTexts(texts: Iterable<string>, onUsable?: (text: string) => void): { usable: number[]; unusable: { index: number; reason: string }[] } {
  const usable: number[] = [];
  const unusable: { index: number; reason: string }[] = [];
  let index = 0;
  for (const text of texts) {
    const verdict = usableText(text);
    if (verdict.usable) {
      usable.push(index);
      onUsable?.(text);
    } else unusable.push({ index, reason: verdict.reason! });
    index++;
  }
  return { usable, unusable };
}
