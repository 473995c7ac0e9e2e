/** Go's byte length and byte prefix of a string, as Kubernetes measures and cuts text. */
import { describe, expect, it } from 'vitest';
import { goLength, goPrefix } from '../../src/k8s/go-bytes.js';

describe('goLength (Go len)', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\uD800', 3], // a lone surrogate is written as U+FFFD
  ])('%j is %i bytes', (s, bytes) => {
    expect(goLength(s)).toBe(bytes);
  });
});

describe('goPrefix (Go s[:n], read back as UTF-8)', () => {
  it.each([
    ['abcdef', 3, 'abc'],
    ['abc', 5, 'abc'],
    ['héllo', 2, 'h\uFFFD'],
    ['héllo', 3, 'hé'],
    ['€€', 4, '€\uFFFD'],
    ['€€', 5, '€\uFFFD\uFFFD'],
    ['a😀b', 4, 'a\uFFFD\uFFFD\uFFFD'],
    ['a😀b', 5, 'a😀'],
    ['x', 0, ''],
  ])('%j cut at %i bytes is %j', (s, n, expected) => {
    expect(goPrefix(s, n)).toBe(expected);
  });
});
