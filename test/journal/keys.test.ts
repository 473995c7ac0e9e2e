import { describe, expect, it } from 'vitest';
import { podKey, podPrefix, positionOfKey, recordKey, seqOfKey, snapshotKey, timeKey, upper } from '../../src/journal/keys.js';
import { at } from './fixtures.js';

describe('key space', () => {
  it('sorts record keys in sequence order', () => {
    const keys = [10, 9, 100, 1].map(recordKey);
    expect([...keys].sort()).toEqual([1, 9, 10, 100].map(recordKey));
  });

  it('sorts time keys by instant, then sequence', () => {
    const keys = [timeKey({ at: at(2), seq: 1 }), timeKey({ at: at(1), seq: 30 }), timeKey({ at: at(1), seq: 4 })];
    expect([...keys].sort().map(positionOfKey)).toEqual([
      { at: at(1), seq: 4 },
      { at: at(1), seq: 30 },
      { at: at(2), seq: 1 },
    ]);
  });

  it('reads the position back from time, pod and snapshot keys', () => {
    const p = { at: at(7), seq: 42 };
    expect(positionOfKey(timeKey(p))).toEqual(p);
    expect(positionOfKey(podKey('a!b', false, p))).toEqual(p);
    expect(positionOfKey(snapshotKey(p))).toEqual(p);
    expect(seqOfKey(recordKey(42))).toBe(42);
  });

  it("keeps one pod's keys inside its prefix range and other pods' outside", () => {
    const range = [podPrefix('x', false), upper(podPrefix('x', false))] as const;
    const inside = (k: string) => k >= range[0] && k < range[1];
    expect(inside(podKey('x', false, { at: at(1), seq: 1 }))).toBe(true);
    expect(inside(podKey('x!y', false, { at: at(1), seq: 1 }))).toBe(false);
    expect(inside(podKey('x%y', false, { at: at(1), seq: 1 }))).toBe(false);
  });
});
