/**
 * The emulator's one seeded generator (sfc32): every generated object draws from a stream seeded by
 * (workspace seed, kind, index…), so any object can be rebuilt on demand without the others; faker
 * draws from it too (`fakerRandomizer`), and so do the fault and latency draws (`seededRandom`).
 */
import { createHash } from 'crypto';
import type { Randomizer } from '@faker-js/faker';

/** 32-bit hash of a key path (FNV-1a over the parts, then a final avalanche). */
export function hash32(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part) + '\u0000';
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hex digest (sha256) of a key path, for ids that must look random and never collide in practice. */
export function hexId(length: number, ...parts: Array<string | number>): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, length);
}

/** A small, fast seeded generator (sfc32) with the helpers the generators need. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...key: Array<string | number>) {
    this.a = hash32('a', ...key);
    this.b = hash32('b', ...key);
    this.c = hash32('c', ...key);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
    const total = table.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of table) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return table[table.length - 1][0];
  }

  /** `count` distinct integers from [0, n), in ascending order. */
  sample(n: number, count: number): number[] {
    const k = Math.min(n, Math.max(0, count));
    if (k * 2 > n) {
      const all = Array.from({ length: n }, (_, i) => i);
      for (let i = 0; i < k; i++) {
        const j = this.int(i, n - 1);
        [all[i], all[j]] = [all[j], all[i]];
      }
      return all.slice(0, k).sort((x, y) => x - y);
    }
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(this.int(0, n - 1));
    return [...chosen].sort((x, y) => x - y);
  }
}

/** A seeded sequence of uniform values in [0, 1): same key, same sequence. */
export function seededRandom(...key: Array<string | number>): () => number {
  const rng = new Rng(...key);
  return () => rng.next();
}

/** Faker's source of randomness, drawn from an `Rng` that each `faker.seed(…)` restarts. */
export function fakerRandomizer(): Randomizer {
  let rng = new Rng(0);
  return {
    next: () => rng.next(),
    seed: (seed) => {
      rng = new Rng(...(Array.isArray(seed) ? seed : [seed]));
    },
  };
}
