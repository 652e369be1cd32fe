/**
 * A light English suffix stemmer (plurals, -ing, -ed, -ly, -ment, final -e), deliberately weaker than
 * Porter: it conflates "manage / managed / managing / management" and never touches tech terms.
 */

const hasVowel = (s: string): boolean => /[aeiouy]/.test(s);

/** Stems one lower-case word; words with non-letters (c++, node.js) come back unchanged. */
export function stemWord(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const verbal = /(ingly|edly|ing|ed)$/.exec(w);
  if (verbal && w.length - verbal[0].length >= 3 && hasVowel(w.slice(0, -verbal[0].length))) {
    w = w.slice(0, -verbal[0].length);
    if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
  }
  if (w.endsWith('ment') && w.length - 4 >= 4) w = w.slice(0, -4);
  else if (w.endsWith('ly') && w.length - 2 >= 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return w;
}
