import { describe, expect, it } from 'vitest';
import { changedEntries, grouping, PersistentMap, valuesIn } from '../../src/engine/persistent-map.js';

const filled = (n: number): PersistentMap<string, number> => {
  let map = PersistentMap.empty<string, number>();
  for (let i = 0; i < n; i++) map = map.set(`k${i}`, i);
  return map;
};

describe('PersistentMap', () => {
  it('reads like a Map built by the same sets, in insertion order, across chunks', () => {
    const map = filled(70).set('k3', 300).set('k69', 690);
    const plain = new Map(Array.from({ length: 70 }, (_, i) => [`k${i}`, i] as const)).set('k3', 300).set('k69', 690);
    expect([...map]).toEqual([...plain]);
    expect([...map.keys()]).toEqual([...plain.keys()]);
    expect([...map.values()]).toEqual([...plain.values()]);
    expect(map.size).toBe(70);
    expect(map.get('k3')).toBe(300);
    expect(map.has('k70')).toBe(false);
    const seen: [string, number][] = [];
    map.forEach((v, k) => seen.push([k, v]));
    expect(seen).toEqual([...plain]);
  });

  it('leaves every earlier version as it was', () => {
    const before = filled(40);
    const after = before.set('k5', -5).set('new', 1);
    expect(before.get('k5')).toBe(5);
    expect(before.has('new')).toBe(false);
    expect(before.size).toBe(40);
    expect(after.get('k5')).toBe(-5);
    expect(after.get('new')).toBe(1);
  });

  it('keeps two versions grown from one apart (a key each at the same place)', () => {
    const base = filled(33);
    const a = base.set('a', 1);
    const b = base.set('b', 2);
    expect([a.has('a'), a.has('b'), b.has('a'), b.has('b')]).toEqual([true, false, false, true]);
    expect([...b.keys()].at(-1)).toBe('b');
    expect([...a.set('c', 3).keys()].slice(-2)).toEqual(['a', 'c']);
    expect([...b.set('c', 3).keys()].slice(-2)).toEqual(['b', 'c']);
  });

  it('lists the entries that changed since an earlier version, whatever kind the maps are', () => {
    const before = filled(100);
    const after = before.set('k2', 20).set('k77', 770).set('extra', 0);
    const expected = [
      ['k2', 20],
      ['k77', 770],
      ['extra', 0],
    ];
    expect([...changedEntries(before, after)]).toEqual(expected);
    expect([...changedEntries(new Map(before), after)]).toEqual(expected);
    expect([...changedEntries(before, new Map(after))]).toEqual(expected);
    // grown apart: compared entry by entry
    expect([...changedEntries(before.set('x', 1), after)]).toEqual(expected);
    expect([...changedEntries(after, after)]).toEqual([]);
  });
});

describe('valuesIn', () => {
  it('gives the values of one group in order, as a filter of every value would, after sets in any chunk', () => {
    const parity = grouping((v: number) => (v % 2 === 0 ? 'even' : 'odd'));
    let map = filled(80);
    const filter = (m: ReadonlyMap<string, number>, group: string) => [...m.values()].filter((v) => parity.of(v) === group);
    expect(map.valuesIn(parity, 'odd')).toEqual(filter(map, 'odd'));
    map = map.set('k1', 2).set('k64', 65).set('late', 7);
    expect(map.valuesIn(parity, 'odd')).toEqual(filter(map, 'odd'));
    expect(map.valuesIn(parity, 'even')).toEqual(filter(map, 'even'));
    expect(valuesIn(new Map(map), parity, 'even')).toEqual(filter(map, 'even'));
    expect(map.valuesIn(parity, 'none')).toEqual([]);
  });
});
