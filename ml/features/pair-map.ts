/** An open-addressing hash map from a pair of non-negative int32 (a bigram of token ids) to an int32. */
export class PairMap {
  private firsts: Int32Array;
  private seconds: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 16) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.firsts = new Int32Array(size).fill(-1);
    this.seconds = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Number of stored pairs. */
  get size(): number {
    return this.count;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.firsts[i] !== -1 && (this.firsts[i] !== a || this.seconds[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.firsts[i] === -1 ? -1 : this.values[i]!;
  }

  /** The value for (a, b); when absent, stores `value` first. */
  getOrSet(a: number, b: number, value: number): number {
    const i = this.slot(a, b);
    if (this.firsts[i] !== -1) return this.values[i]!;
    this.firsts[i] = a;
    this.seconds[i] = b;
    this.values[i] = value;
    if (++this.count * 2 > this.mask) this.grow();
    return value;
  }

  private grow(): void {
    const { firsts, seconds, values } = this;
    const size = firsts.length * 2;
    this.firsts = new Int32Array(size).fill(-1);
    this.seconds = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < firsts.length; i++) {
      if (firsts[i] === -1) continue;
      const j = this.slot(firsts[i]!, seconds[i]!);
      this.firsts[j] = firsts[i]!;
      this.seconds[j] = seconds[i]!;
      this.values[j] = values[i]!;
    }
  }
}
