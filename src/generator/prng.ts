/**
 * A small seeded PRNG (mulberry32: one 32-bit word of state, good enough for workload shapes, not for
 * cryptography) and seed derivation, so each pod and node draws from its own reproducible stream.
 */

import { fmix32 } from '../hash/index.js';

/** Mixes a seed and a stream index into a new 32-bit seed (the murmur3 finalizer over both words). */
export const deriveSeed = (seed: number, stream: number): number =>
  fmix32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 0x632be5ab, 0xc2b2ae35));

/** Scratch space for `hex`: 32 bytes, 64 hex digits. */
const HEX_WORDS = Buffer.alloc(32);

/** The generator's only source of chance; the same seed always yields the same draws. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32-bit unsigned word. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `n` lowercase hex digits (n ≤ 64), encoded natively from random words. */
  hex(n: number): string {
    for (let i = 0; i < n; i += 8) HEX_WORDS.writeUInt32BE(this.u32(), i >> 1);
    return HEX_WORDS.toString('hex', 0, Math.ceil(n / 2)).slice(0, n);
  }
}
