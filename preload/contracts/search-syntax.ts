/**
 * The search box's syntax, read into tokens: words, "exact phrases", prefix*, AND / OR / NOT and
 * parentheses. Here, in the contract, so a bulk action can refuse a search with nothing to search
 * for at the boundary, for every caller alike (app, browser, CLI); main/curation/search-query.ts
 * compiles the same tokens to FTS5. Pure.
 */

/** One token of a search. */
export type SearchToken = { kind: 'term'; text: string; isPrefix: boolean } | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' } | { kind: 'open' } | { kind: 'close' };

/** A word or phrase is kept only if the tokenizer will find something in it (a letter or a digit). */
const hasWordCharacter = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** Reads a search into tokens; punctuation-only words and phrases are dropped (they match nothing in the index). */
export function tokenizeSearch(input: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      const end = input.indexOf('"', i + 1);
      const text = input.slice(i + 1, end === -1 ? input.length : end);
      i = end === -1 ? input.length : end + 1;
      const isPrefix = input[i] === '*';
      if (isPrefix) i++;
      if (hasWordCharacter(text)) tokens.push({ kind: 'term', text, isPrefix });
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'open' : 'close' });
      i++;
    } else {
      let end = i;
      while (end < input.length && !/[\s"()]/.test(input[end]!)) end++;
      const word = input.slice(i, end);
      i = end;
      if (word === 'AND' || word === 'OR' || word === 'NOT') {
        tokens.push({ kind: 'op', op: word });
        continue;
      }
      const isPrefix = word.endsWith('*');
      const text = word.replace(/\*+$/, '');
      if (hasWordCharacter(text)) tokens.push({ kind: 'term', text, isPrefix });
    }
  }
  return tokens;
}

/** True when a search holds at least one word to look for (blank, operators or punctuation alone hold none). */
export function hasSearchTerm(input: string): boolean {
  return tokenizeSearch(input).some((t) => t.kind === 'term');
}

/** The sentence for a bulk action whose search holds nothing to look for (it would otherwise match every resume). */
export const noSearchTermMessage =
  'The search holds no word to look for (only punctuation or operators), so it would match every resume; add a word, e.g. nurse OR "registered nurse".';

/** Bounds of one search (issue 22: `a* ` 666 times froze every request for 8.9 s on 108k resumes). */
export const searchLimits = { maxChars: 500, maxTerms: 24, maxPrefixTerms: 4, minPrefixChars: 2 } as const;

/**
 * Why a search is too costly to run, in a sentence, or null when it is within bounds. Each bound
 * caps work SQLite's full-text index does per query: every term is a lookup, a prefix term merges
 * the lists of every word it starts (one letter: nearly the whole vocabulary).
 */
export function searchTooCostly(input: string): string | null {
  if (input.length > searchLimits.maxChars) return `A search has at most ${searchLimits.maxChars} characters; this one has ${input.length}.`;
  const terms = tokenizeSearch(input).filter((t): t is Extract<SearchToken, { kind: 'term' }> => t.kind === 'term');
  if (terms.length > searchLimits.maxTerms) return `A search has at most ${searchLimits.maxTerms} words or phrases; this one has ${terms.length}.`;
  const prefixes = terms.filter((t) => t.isPrefix);
  if (prefixes.length > searchLimits.maxPrefixTerms)
    return `A search has at most ${searchLimits.maxPrefixTerms} prefix words (ending in *); this one has ${prefixes.length}.`;
  const short = prefixes.find((t) => [...t.text.replace(/[^\p{L}\p{N}]/gu, '')].length < searchLimits.minPrefixChars);
  if (short) return `A prefix word needs at least ${searchLimits.minPrefixChars} letters before the *: "${short.text}*" would match nearly every word.`;
  return null;
}
