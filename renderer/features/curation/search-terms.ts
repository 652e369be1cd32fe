/**
 * The words of a resume-table search, to mark in the open resume: words, "phrases" and prefix*
 * terms, without the AND / OR / NOT operators and parentheses (a NOT term is not marked: the
 * resume does not contain it). An approximation of the full-text match, for the eye. Pure.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive pattern matching the search's terms in a text, or null when there are none. */
export function searchPattern(query: string | undefined): RegExp | null {
  if (!query) return null;
  const terms: string[] = [];
  let isNegated = false;
  for (const match of query.matchAll(/"([^"]+)"|([^\s()"]+)/g)) {
    const phrase = match[1];
    const word = match[2];
    if (word === 'NOT' || word === '-') {
      isNegated = true;
      continue;
    }
    if (word === 'AND' || word === 'OR') continue;
    if (!isNegated) {
      if (phrase) terms.push(phrase.trim().split(/\s+/).map(escape).join('\\s+'));
      else if (word) terms.push(word.endsWith('*') ? `${escape(word.slice(0, -1))}[\\p{L}\\p{N}]*` : escape(word.replace(/^-/, '')));
    }
    isNegated = false;
  }
  const wanted = terms.filter((t) => t.length > 0);
  return wanted.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${wanted.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
}

/** Splits `text` into runs, each marked when it matches `pattern`. */
export function splitByPattern(text: string, pattern: RegExp | null): { text: string; isHit: boolean }[] {
  if (!pattern) return [{ text, isHit: false }];
  const parts: { text: string; isHit: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), isHit: false });
    if (match[0].length > 0) parts.push({ text: match[0], isHit: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), isHit: false });
  return parts;
}
