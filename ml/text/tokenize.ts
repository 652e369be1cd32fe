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

/**
 * The text a tokenizer scans: lower-cased, unless lower-casing changes its length (e.g. "İ"), when
 * offsets would drift; then the original, and each token is lower-cased on its own.
 */
export function scanSource(text: string): { source: string; sameLength: boolean } {
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  return { source: sameLength ? lower : text, sameLength };
}

/** Calls `span(start, end)` for every token of `source` (scanSource's), before the keep rules of keptTerm. */
export function forEachSpan(source: string, span: (start: number, end: number) => void): void {
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
    span(i, end);
    i = end;
  }
}

/** The term a lower-cased token becomes (stemmed when asked), or null when the keep rules drop it. */
export function keptTerm(token: string, options: TokenizeOptions): string | null {
  if (token.charCodeAt(0) === 95) return token;
  const last = token.charCodeAt(token.length - 1);
  const special = last === 43 || last === 35 || token.charCodeAt(0) === 46;
  if (!special && token.length < options.minTokenLength) return null;
  if (options.dropNumbers && !hasLetter(token)) return null;
  if (options.removeStopwords && ENGLISH_STOPWORDS.has(token)) return null;
  return options.stem ? stemWord(token) : token;
}

/** Calls `emit(token, start, end)` for every kept token of an already-normalized text; offsets index that text. */
export function forEachToken(text: string, options: TokenizeOptions, emit: (token: string, start: number, end: number) => void): void {
  const { source, sameLength } = scanSource(text);
  // Through forEachSpan's callback this is ~7% slower than the loop written out (about 7 µs on a
  // resume, against a copy of the scanner to keep in step).
  forEachSpan(source, (start, end) => {
    const token = keptTerm(sameLength ? source.slice(start, end) : source.slice(start, end).toLowerCase(), options);
    if (token !== null) emit(token, start, end);
  });
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
