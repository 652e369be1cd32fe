/**
 * The two per-text passes of duplicate finding, in one scan of the characters instead of
 * `toLowerCase()` + a Unicode regex + one string per word: the FNV hash of every lower-cased
 * letter/digit run (the words of the shingles), and the hash of the text lower-cased with its
 * whitespace folded (the exact-duplicate key). Both give exactly what the plain definitions give
 * (`wordHashesPlain`, `exactKeyPlain`, which tests compare them with). Each non-ASCII code unit is
 * classified once (its lower case, and whether that is a letter/digit or a blank); a text holding
 * one whose lower case is not one code unit of its own takes the plain path: surrogates, İ (two
 * units) and Σ (final or not depending on its neighbours).
 */

import { StreamHash } from '../random';

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
// A zero-width space separates words visually, so it folds like a blank.
const BLANK = /^[\s\u200b]$/;
// Units NFC may compose with their neighbour (combining marks, conjoining Hangul jamo) or rewrite on
// their own (the Kelvin and Ångström signs): a text holding one takes the plain path.
const NFC_SENSITIVE = /^[\p{M}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]$/u;
const SEPARATOR = 1;
const BLANK_KIND = 2;
const NEEDS_PLAIN = 3;
const WORD = 4;
/** Per UTF-16 code unit: 0 not classified yet, then one of the kinds above, and its lower case (ASCII filled here, the rest on first sight). */
const kindOf = new Uint8Array(65536);
const lowerOf = new Uint16Array(65536);
for (let c = 0; c < 128; c++) {
  const lower = c >= 65 && c <= 90 ? c + 32 : c;
  lowerOf[c] = lower;
  kindOf[c] = (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) ? WORD : c === 32 || (c >= 9 && c <= 13) ? BLANK_KIND : SEPARATOR;
}

/** The kind of a code unit (classifying it on first sight). */
function classify(c: number): number {
  let k = kindOf[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || lower.length !== 1 || NFC_SENSITIVE.test(ch) || ch.normalize('NFC') !== ch) k = NEEDS_PLAIN;
    else k = WORD_CHAR.test(lower) ? WORD : BLANK.test(lower) ? BLANK_KIND : SEPARATOR;
    lowerOf[c] = lower.charCodeAt(0);
    kindOf[c] = k;
  }
  return k;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV hashes of the lower-cased letter/digit runs of a text, by the plain definition. */
export function wordHashesPlain(text: string): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => {
    let h = FNV_OFFSET;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
    return h >>> 0;
  });
}

/** The same hashes as wordHashesPlain, in one scan (see the file header and textKeys). */
export function wordHashes(text: string): number[] {
  return textKeys(text).wordHashes;
}

/**
 * The form two texts share when they hold the same words: Unicode NFC, lower case, blanks (and
 * zero-width spaces) folded to one space, trimmed. The one definition of an exact duplicate: the
 * importer hashes it for its UNIQUE index (main/store/text-hash.ts), evaluation for dedup here.
 */
export function duplicateKeyText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u200b]+/g, ' ')
    .trim();
}

/** The exact-duplicate key of a text by the plain definition: the hash of its duplicateKeyText. */
export function exactKeyPlain(text: string): number {
  return new StreamHash().addText(duplicateKeyText(text)).value();
}

/** The same key as exactKeyPlain, in one scan (see the file header and textKeys). */
export function exactKey(text: string): number {
  return textKeys(text).exactKey;
}

/**
 * exactKey and wordHashes of one text in one scan: duplicate grouping needs both for every text that
 * is not an exact duplicate, and the two scans apart were a fifth of screening a corpus. (Alone,
 * each of the two pays for the other's few operations a character: only the import's near-duplicate
 * search reads word hashes alone.)
 */
export function textKeys(text: string): { exactKey: number; wordHashes: number[] } {
  const hash = new StreamHash();
  const words: number[] = [];
  let h = FNV_OFFSET;
  let inWord = false;
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = classify(c);
    if (k === NEEDS_PLAIN) return { exactKey: exactKeyPlain(text), wordHashes: wordHashesPlain(text) };
    if (k === WORD) {
      if (!inWord) {
        h = FNV_OFFSET;
        inWord = true;
      }
      h = Math.imul(h ^ lowerOf[c]!, FNV_PRIME);
    } else if (inWord) {
      words.push(h >>> 0);
      inWord = false;
    }
    if (k === BLANK_KIND) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) hash.add(32);
    pendingSpace = false;
    started = true;
    hash.add(lowerOf[c]!);
  }
  if (inWord) words.push(h >>> 0);
  return { exactKey: hash.value(), wordHashes: words };
}
