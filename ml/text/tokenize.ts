/** The tokenizer: lower-case terms that keep tech names whole (c++, c#, .net, node.js, ci/cd). */
import { MASK_TOKENS } from './normalize';
import { stemWord } from './stem';
import { ENGLISH_STOPWORDS } from './stopwords';

/** Tokenizer switches. */
export interface TokenizeOptions {
  /** Drop English function words. */
  removeStopwords: boolean;
  /** Apply the light stemmer to plain words. */
  stem: boolean;
  /** Drop tokens without a letter (years, counts). */
  dropNumbers: boolean;
  /** Shortest kept token, in characters; tokens with + or # are always kept. */
  minTokenLength: number;
}

/** Defaults: stopwords removed, no stemming, numbers dropped, tokens of 2+ characters. */
export const defaultTokenizeOptions: TokenizeOptions = { removeStopwords: true, stem: false, dropNumbers: true, minTokenLength: 2 };

const MASKS = Object.values(MASK_TOKENS);

// Character classes, filled lazily for non-ASCII: 1 letter, 2 digit/number, 3 other, 0 not yet known.
const CHAR_CLASS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) CHAR_CLASS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : 3;
const classOf = (code: number): number => {
  let k = CHAR_CLASS[code]!;
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = /\p{L}/u.test(ch) ? 1 : /\p{N}/u.test(ch) ? 2 : 3;
    CHAR_CLASS[code] = k;
  }
  return k;
};
const isWordAt = (s: string, i: number): boolean => i < s.length && classOf(s.charCodeAt(i)) !== 3;

/**
 * Finds the end of the token starting at `i`, or -1. A token is a mask token, ".net", or a word with
 * short dotted / slashed parts (node.js, ci/cd, b.sc) and an optional ++ or # (c++, c#). Parts are
 * capped at 4 characters so "experience.Managed" still splits into two words. A hand-written scanner
 * because the equivalent Unicode regex was 3x slower on the 2.5k-resume corpus.
 */
function tokenEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 95 /* _ */) {
    for (const mask of MASKS) if (s.startsWith(mask, i)) return i + mask.length;
    return -1;
  }
  if (c === 46 /* . */) return s.startsWith('.net', i) && !isWordAt(s, i + 4) ? i + 4 : -1;
  if (classOf(c) === 3) return -1;
  let j = i + 1;
  while (isWordAt(s, j)) j++;
  for (;;) {
    const sep = s.charCodeAt(j);
    if (sep !== 46 && sep !== 47) break;
    let k = j + 1;
    while (k - j <= 5 && isWordAt(s, k)) k++;
    const part = k - j - 1;
    if (part < 1 || part > 4) break;
    j = k;
  }
  if (s.charCodeAt(j) === 43 && s.charCodeAt(j + 1) === 43) j += 2;
  else if (s.charCodeAt(j) === 35) j += 1;
  return j;
}

const hasLetter = (token: string): boolean => {
  for (let i = 0; i < token.length; i++) if (classOf(token.charCodeAt(i)) === 1) return true;
  return false;
};

/** Calls `emit(token, start, end)` for every kept token of an already-normalized text; offsets index that text. */
export function forEachToken(text: string, options: TokenizeOptions, emit: (token: string, start: number, end: number) => void): void {
  const lower = text.toLowerCase();
  // Lower-casing can change the length (e.g. "İ"); then offsets would drift, so scan the original text.
  const sameLength = lower.length === text.length;
  const source = sameLength ? lower : text;
  for (let i = 0; i < source.length;) {
    // Most characters between tokens are blanks and punctuation: skip them without the token scan.
    const code = source.charCodeAt(i);
    if (code !== 95 && code !== 46 && CHAR_CLASS[code] === 3) {
      i++;
      continue;
    }
    const end = tokenEnd(source, i);
    if (end < 0) {
      i++;
      continue;
    }
    const start = i;
    i = end;
    let token = sameLength ? source.slice(start, end) : source.slice(start, end).toLowerCase();
    if (token.charCodeAt(0) !== 95) {
      const last = token.charCodeAt(token.length - 1);
      const special = last === 43 || last === 35 || token.charCodeAt(0) === 46;
      if (!special && token.length < options.minTokenLength) continue;
      if (options.dropNumbers && !hasLetter(token)) continue;
      if (options.removeStopwords && ENGLISH_STOPWORDS.has(token)) continue;
      if (options.stem) token = stemWord(token);
    }
    emit(token, start, end);
  }
}

/** Tokenizes a normalized text into kept terms. */
export function tokenize(text: string, options: Partial<TokenizeOptions> = {}): string[] {
  const out: string[] = [];
  forEachToken(text, { ...defaultTokenizeOptions, ...options }, (t) => out.push(t));
  return out;
}

/** Tokenizes a normalized text and returns each term with its [start, end) offsets. */
export function tokenizeWithOffsets(text: string, options: Partial<TokenizeOptions> = {}): { token: string; start: number; end: number }[] {
  const out: { token: string; start: number; end: number }[] = [];
  forEachToken(text, { ...defaultTokenizeOptions, ...options }, (token, start, end) => out.push({ token, start, end }));
  return out;
}
