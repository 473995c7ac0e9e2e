import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, fmix32, fnv1a } from '../../src/hash/index.js';

describe('fnv1a', () => {
  // Vectors from the FNV reference test suite (Fowler, Noll, Vo: FNV-1a, 32 bits).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j as the reference does', (text, expected) => {
    expect(fnv1a(text) >>> 0).toBe(expected);
  });

  it('continues from a previous result as over the concatenated text', () => {
    expect(fnv1a('bar', fnv1a('foo'))).toBe(fnv1a('foobar'));
    expect(fnv1a('', FNV_OFFSET)).toBe(FNV_OFFSET);
  });
});

describe('fmix32', () => {
  // MurmurHash3_x86_32 of the empty input with seed 1 is fmix32(1): the reference implementation's 0x514e28b7.
  it('matches murmur3 of the empty input with seed 1', () => {
    expect(fmix32(1)).toBe(0x514e28b7);
  });

  it('maps 0 to 0 and always returns an unsigned 32-bit number', () => {
    expect(fmix32(0)).toBe(0);
    for (const h of [-1, 0x7fffffff, 0x80000000, 123456789]) {
      const m = fmix32(h);
      expect(Number.isInteger(m) && m >= 0 && m < 2 ** 32).toBe(true);
    }
  });
});
