/**
 * Frozen copy of usableText as it was before its hand-written scanner (commit 854987f): the oracle
 * the faster version must equal verdict for verdict. Do not optimise; see tests/ml/fast-paths.test.ts.
 */
import { capAnalysedText, MIN_REAL_WORDS, MIN_WORD_SHARE, type TextUsability } from '../../../ml/features/usable-text';

const LETTER_RUN = /\p{L}+/gu;
const VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]/;
const LATIN = /[a-zà-ÿœ]/;
const CONSONANT_RUN = /[bcdfghjklmnpqrstvwxzß]{6}/;
const ONE_OTHER_SCRIPT =
  /^(?:\p{Script=Cyrillic}+|\p{Script=Greek}+|\p{Script=Arabic}+|\p{Script=Hebrew}+|\p{Script=Devanagari}+|\p{Script=Thai}+|\p{Script=Hangul}+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)$/u;

/** isRealWord as it was. */
function isRealWordV1(run: string): boolean {
  if (run.length < 2) return false;
  if (!LATIN.test(run.toLowerCase())) return ONE_OTHER_SCRIPT.test(run);
  if (run.length > 30) return false;
  const lower = run.toLowerCase();
  const upper = run.toUpperCase();
  const caseOk = run === lower || run === upper || (run[0] === upper[0] && run.slice(1) === lower.slice(1));
  if (!caseOk) return false;
  return VOWEL.test(lower) && !CONSONANT_RUN.test(lower);
}

/** usableText as it was: a regex over letter runs, then a pass counting non-blank characters. */
export function usableTextV1(text: string): TextUsability {
  const analysed = capAnalysedText(text).text;
  let realWords = 0;
  let wordChars = 0;
  for (const match of analysed.matchAll(LETTER_RUN)) {
    if (!isRealWordV1(match[0])) continue;
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
