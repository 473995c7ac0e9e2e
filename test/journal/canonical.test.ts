import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/journal/canonical.js';

describe('canonical JSON', () => {
  it('sorts object keys at every depth and leaves arrays in order', () => {
    expect(canonical({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('spells scalars as JSON does', () => {
    expect(canonical(['é"\n', -0.5, 1e21, true, false, null])).toBe('["é\\"\\n",-0.5,1e+21,true,false,null]');
  });

  it('escapes strings and keys exactly as JSON.stringify does, the plain ones and the rest', () => {
    const strings = ['plain-ascii_0.9', '', 'a"b', 'a\\b', 'tab\there', '\u007f', '\u2028', 'ünïcode', '\ud800 lone', '😀', '/'];
    for (const s of strings) {
      expect(canonical(s)).toBe(JSON.stringify(s));
      expect(canonical({ [s]: s })).toBe(`{${JSON.stringify(s)}:${JSON.stringify(s)}}`);
    }
  });

  it('leaves out undefined properties and writes undefined array slots as null, as JSON.stringify does', () => {
    expect(canonical({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonical(Number.NaN)).toThrow('canonical JSON cannot encode the number NaN');
    expect(() => canonical({ f: () => 1 })).toThrow('canonical JSON cannot encode a function');
  });

  it('is JSON that parses back to the same value, and does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonical(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonical(JSON.parse(text))).toBe(text);
        const reversed = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        ) as unknown;
        expect(canonical(reversed)).toBe(text);
      }),
    );
  });
});
