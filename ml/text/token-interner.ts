/**
 * Reading a corpus token by token, without a string per token: each distinct lower-cased token is
 * stored once (its characters in one arena, found again by hash), with its fate under the keep
 * rules worked out once. A corpus repeats its words: at 50k resumes this took 4.3 s where slicing
 * each token and looking it up in a Map took 7.4 s (a tokenizer pass plus id lookups alone). The
 * arena matters: keeping each distinct token as a string and comparing against it was no faster.
 */
import { forEachSpan, keptTerm, scanSource, type TokenizeOptions } from './tokenize';

const EMPTY = -1;

/** Distinct tokens of the texts read so far, each an entry with its kept term (or null: dropped). */
export class TokenInterner {
  /** Characters of every entry, back to back. */
  private arena = new Uint16Array(1 << 16);
  private arenaUsed = 0;
  private starts = new Int32Array(1 << 12);
  private lengths = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private readonly terms: (string | null)[] = [];
  /** Open addressing: entry or EMPTY, at most half full. */
  private slots = new Int32Array(1 << 13).fill(EMPTY);

  constructor(private readonly options: TokenizeOptions) {}

  /** Number of distinct tokens seen (kept or not). */
  get size(): number {
    return this.terms.length;
  }

  /** The kept term of an entry that forEachKept gave. */
  term(entry: number): string {
    return this.terms[entry]!;
  }

  /** Calls `emit(entry)` for every kept token of an already-normalized text, in order: forEachToken's tokens, as entries. */
  forEachKept(text: string, emit: (entry: number) => void): void {
    const { source, sameLength } = scanSource(text);
    forEachSpan(source, (start, end) => {
      let entry: number;
      if (sameLength) entry = this.entryOf(source, start, end);
      else {
        const token = source.slice(start, end).toLowerCase();
        entry = this.entryOf(token, 0, token.length);
      }
      if (this.terms[entry] !== null) emit(entry);
    });
  }

  /** The entry of s[start, end), added when new. */
  private entryOf(s: string, start: number, end: number): number {
    // FNV-1a over the UTF-16 code units.
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    const length = end - start;
    const mask = this.slots.length - 1;
    const arena = this.arena;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) return this.add(s, start, end, h, slot);
      if (this.hashes[entry] !== h || this.lengths[entry] !== length) continue;
      const at = this.starts[entry]!;
      let i = 0;
      while (i < length && arena[at + i] === s.charCodeAt(start + i)) i++;
      if (i === length) return entry;
    }
  }

  private add(s: string, start: number, end: number, hash: number, slot: number): number {
    const entry = this.terms.length;
    const length = end - start;
    if (entry === this.starts.length) {
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
      this.hashes = grown(this.hashes);
    }
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint16Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      arena.set(this.arena);
      this.arena = arena;
    }
    for (let i = 0; i < length; i++) this.arena[this.arenaUsed + i] = s.charCodeAt(start + i);
    this.starts[entry] = this.arenaUsed;
    this.lengths[entry] = length;
    this.hashes[entry] = hash;
    this.arenaUsed += length;
    this.terms.push(keptTerm(s.slice(start, end), this.options));
    this.slots[slot] = entry;
    if (this.terms.length * 2 > this.slots.length) this.rehash();
    return entry;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.terms.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
