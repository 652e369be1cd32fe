/**
 * Turns what people type in the search box into a safe SQLite FTS5 query. Supported: words
 * (all must match), "exact phrases", prefix*, AND / OR / NOT (upper case) and parentheses. Any
 * input is accepted: every word is re-quoted, a stray quote closes at the end, unbalanced
 * parentheses and dangling operators are dropped — so a search never reaches SQLite as a syntax
 * error. Pure; used by the documents search. The tokens come from the contract's search syntax.
 */
import { tokenizeSearch, type SearchToken } from '../../preload/contract';

type Node =
  { kind: 'term'; text: string; isPrefix: boolean } | { kind: 'and'; children: Node[] } | { kind: 'or'; children: Node[] } | { kind: 'not'; child: Node };

type Token = SearchToken;

/** A compiled search: match the FTS expression, or (negated) every document that does not match it. */
export interface CompiledSearch {
  match: string;
  isNegated: boolean;
}

/** Recursive descent: or := and (OR and)*; and := unary ((AND)? unary)*; unary := NOT unary | ( or ) | term. */
function parse(tokens: Token[]): Node | null {
  let pos = 0;
  const peek = () => tokens[pos];

  const parseOr = (): Node | null => {
    const children: Node[] = [];
    for (;;) {
      const child = parseAnd();
      if (child) children.push(child);
      const next = peek();
      if (next?.kind === 'op' && next.op === 'OR') {
        pos++;
        continue;
      }
      break;
    }
    return children.length === 0 ? null : children.length === 1 ? children[0]! : { kind: 'or', children };
  };

  const parseAnd = (): Node | null => {
    const children: Node[] = [];
    for (;;) {
      const next = peek();
      if (!next || next.kind === 'close' || (next.kind === 'op' && next.op === 'OR')) break;
      if (next.kind === 'op' && next.op === 'AND') {
        pos++;
        continue;
      }
      const child = parseUnary();
      if (child) children.push(child);
    }
    return children.length === 0 ? null : children.length === 1 ? children[0]! : { kind: 'and', children };
  };

  const parseUnary = (): Node | null => {
    const next = tokens[pos++]!;
    if (next.kind === 'op' && next.op === 'NOT') {
      const following = peek();
      // A NOT followed by nothing it can negate is dropped.
      if (!following || following.kind === 'close' || (following.kind === 'op' && following.op !== 'NOT')) return null;
      const child = parseUnary();
      return child && { kind: 'not', child };
    }
    if (next.kind === 'open') {
      const inner = parseOr();
      if (peek()?.kind === 'close') pos++;
      return inner;
    }
    if (next.kind === 'term') return next;
    return null;
  };

  const parts: Node[] = [];
  while (pos < tokens.length) {
    const node = parseOr();
    if (node) parts.push(node);
    // A ')' with no '(' before it is skipped.
    if (peek()?.kind === 'close') pos++;
  }
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { kind: 'and', children: parts };
}

/** FTS5 string literal: double quotes doubled inside. */
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Compiles to FTS5, which has only a binary NOT (`a NOT b`): a part that is purely negative is
 * carried as "everything except …" and folded by De Morgan's laws into its parent.
 */
function compile(node: Node): CompiledSearch {
  switch (node.kind) {
    case 'term':
      return { match: quote(node.text) + (node.isPrefix ? '*' : ''), isNegated: false };
    case 'not': {
      const inner = compile(node.child);
      return { match: inner.match, isNegated: !inner.isNegated };
    }
    case 'and': {
      const parts = node.children.map(compile);
      const positives = parts.filter((p) => !p.isNegated).map((p) => `(${p.match})`);
      const negatives = parts.filter((p) => p.isNegated).map((p) => `(${p.match})`);
      // (a AND b) AND NOT (c OR d); with no positive part: NOT (c OR d).
      if (positives.length === 0) return { match: negatives.join(' OR '), isNegated: true };
      const kept = positives.join(' AND ');
      return { match: negatives.length === 0 ? kept : `(${kept}) NOT (${negatives.join(' OR ')})`, isNegated: false };
    }
    case 'or': {
      const parts = node.children.map(compile);
      const positives = parts.filter((p) => !p.isNegated).map((p) => `(${p.match})`);
      const negatives = parts.filter((p) => p.isNegated).map((p) => `(${p.match})`);
      if (negatives.length === 0) return { match: positives.join(' OR '), isNegated: false };
      // a OR NOT c OR NOT d  ==  NOT ((c AND d) NOT a)
      const excluded = negatives.join(' AND ');
      return { match: positives.length === 0 ? excluded : `(${excluded}) NOT (${positives.join(' OR ')})`, isNegated: true };
    }
  }
}

/** The FTS5 query for what a person typed, or null when it holds nothing to search for (blank, only operators or punctuation). */
export function compileSearch(input: string): CompiledSearch | null {
  // FTS5 reads its query as a C string: a NUL would end it inside a quote. Control characters are
  // never part of a word, so they become spaces.
  // eslint-disable-next-line no-control-regex
  const tree = parse(tokenizeSearch(input.replace(/[\u0000-\u001f\u007f]/g, ' ')));
  return tree && compile(tree);
}
