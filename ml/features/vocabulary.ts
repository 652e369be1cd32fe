/** A fitted vocabulary: term strings ↔ columns, with integer token ids for fast lookup of unigrams and bigrams. */

import { PairMap } from './pair-map';

/** Columns for terms: "word", "word word" (bigram) and "h:word" (headline). */
export class Vocabulary {
  readonly terms: readonly string[];
  private readonly tokenIds = new Map<string, number>();
  private unigramCols: number[] = [];
  private readonly bigramCols = new PairMap(1024);
  private readonly termCols = new Map<string, number>();

  constructor(terms: readonly string[]) {
    this.terms = terms;
    terms.forEach((term, col) => {
      this.termCols.set(term, col);
      const space = term.indexOf(' ');
      if (space < 0) this.unigramCols[this.idOf(term)] = col;
      else this.bigramCols.getOrSet(this.idOf(term.slice(0, space)), this.idOf(term.slice(space + 1)), col);
    });
    this.unigramCols = Array.from(this.unigramCols, (c) => c ?? -1);
  }

  private idOf(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.tokenIds.size;
      this.tokenIds.set(token, id);
    }
    return id;
  }

  /** Number of columns. */
  get size(): number {
    return this.terms.length;
  }

  /** The token id of a token, or -1 when no term uses it. */
  tokenId(token: string): number {
    return this.tokenIds.get(token) ?? -1;
  }

  /** Column of a unigram token id, or -1. */
  unigramCol(id: number): number {
    return id < 0 ? -1 : (this.unigramCols[id] ?? -1);
  }

  /** Column of the bigram (first, second) of token ids, or -1. */
  bigramCol(first: number, second: number): number {
    return first < 0 || second < 0 ? -1 : this.bigramCols.get(first, second);
  }

  /** Column of a term string, or -1. */
  col(term: string): number {
    return this.termCols.get(term) ?? -1;
  }
}
