import { describe, expect, it } from 'vitest';
import { BoundedTable, boundedMemo, lastMemo } from '../../src/memo/index.js';

describe('BoundedTable', () => {
  it('keeps what it was given until it is full, then starts over', () => {
    const t = new BoundedTable<string, number>(2);
    expect(t.add('a', 1)).toBe(1);
    t.add('b', 2);
    expect([t.get('a'), t.get('b')]).toEqual([1, 2]);
    t.add('c', 3);
    expect([t.get('a'), t.get('b'), t.get('c')]).toEqual([undefined, undefined, 3]);
  });
});

describe('boundedMemo', () => {
  it('computes each key once while it is kept, and again after the table started over', () => {
    const calls: string[] = [];
    const length = boundedMemo((s: string) => {
      calls.push(s);
      return s.length;
    }, 2);
    expect([length('ab'), length('ab'), length('abc'), length('ab')]).toEqual([2, 2, 3, 2]);
    expect(calls).toEqual(['ab', 'abc']);
    length('x');
    length('ab');
    expect(calls).toEqual(['ab', 'abc', 'x', 'ab']);
  });

  it('remembers falsy answers (0, false, 0n) as answers', () => {
    let calls = 0;
    const zero = boundedMemo((_: string) => {
      calls++;
      return 0n;
    }, 4);
    zero('a');
    zero('a');
    expect(calls).toBe(1);
  });
});

describe('lastMemo', () => {
  it('computes a key asked again at once only once, and again after another key', () => {
    const calls: number[] = [];
    const double = lastMemo((n: number) => {
      calls.push(n);
      return n * 2;
    });
    expect([double(0), double(0), double(1), double(1), double(0)]).toEqual([0, 0, 2, 2, 0]);
    expect(calls).toEqual([0, 1, 0]);
  });
});
