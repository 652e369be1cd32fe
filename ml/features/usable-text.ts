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

const LETTER_RUN = /\p{L}+/gu;
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

/** Decides whether a text has enough real words to classify (see the file header). */
export function usableText(text: string): TextUsability {
  const analysed = capAnalysedText(text).text;
  let realWords = 0;
  let wordChars = 0;
  for (const match of analysed.matchAll(LETTER_RUN)) {
    if (!isRealWord(match[0])) continue;
    realWords++;
    wordChars += match[0].length;
  }
  let visible = 0;
  for (let i = 0; i < analysed.length; i++) {
    const c = analysed.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b))) visible++;
  }
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

/** Splits a corpus into the texts a model may use and the ones refused, each with its "no usable text: …" sentence. */
export function screenTexts(texts: readonly string[]): { usable: number[]; unusable: { index: number; reason: string }[] } {
  const usable: number[] = [];
  const unusable: { index: number; reason: string }[] = [];
  texts.forEach((text, index) => {
    const verdict = usableText(text);
    if (verdict.usable) usable.push(index);
    else unusable.push({ index, reason: verdict.reason! });
  });
  return { usable, unusable };
}
