/**
 * A compact map from a 64-bit digest of an id to a 32-bit digest of its stored line, in one typed
 * array (open addressing, linear probing): 16 bytes a slot instead of ~100 for a Map of strings, so
 * the item store's index of a million ids stays a few tens of MB. Each slot also has a mark bit
 * (used while compacting: "this id's line was written").
 */
const WORDS = 4; // id high, id low (never 0: marks a used slot), content digest, mark

export class DigestIndex {
  private slots = new Uint32Array(WORDS * 1024);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** The content digest stored for `id`, or undefined. */
  get(id: IdDigest): number | undefined {
    const at = this.find(id);
    return this.slots[at + 1] === 0 ? undefined : this.slots[at + 2];
  }

  set(id: IdDigest, content: number): void {
    const at = this.find(id);
    if (this.slots[at + 1] === 0) {
      this.slots[at] = id.high;
      this.slots[at + 1] = id.low;
      this.used += 1;
    }
    this.slots[at + 2] = content;
    if (this.used * 10 > this.capacity * 7) this.grow();
  }

  /** Sets the mark of `id` (which must be present); returns whether it was already set. */
  mark(id: IdDigest): boolean {
    const at = this.find(id);
    const was = this.slots[at + 3] === 1;
    this.slots[at + 3] = 1;
    return was;
  }

  clearMarks(): void {
    for (let at = 3; at < this.slots.length; at += WORDS) this.slots[at] = 0;
  }

  private get capacity(): number {
    return this.slots.length / WORDS;
  }

  /** The slot offset holding `id`, or the empty one where it would go. */
  private find(id: IdDigest): number {
    const mask = this.capacity - 1;
    for (let i = (id.high ^ Math.imul(id.low, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const at = i * WORDS;
      if (this.slots[at + 1] === 0 || (this.slots[at] === id.high && this.slots[at + 1] === id.low)) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.used = 0;
    for (let at = 0; at < old.length; at += WORDS) {
      if (old[at + 1] === 0) continue;
      const to = this.find({ high: old[at], low: old[at + 1] });
      this.slots.set(old.subarray(at, at + WORDS), to);
      this.used += 1;
    }
  }
}

/** 64 bits of an id's digest; `low` is never 0 (0 marks an empty slot). */
export interface IdDigest {
  high: number;
  low: number;
}
