import { describe, expect, it } from 'vitest';
import { expandCount } from '../../src/importers/index.js';
import type { Instant } from '../../src/k8s/codecs.js';

const at = (s: string) => s as Instant;

describe('expandCount (count N between first and last)', () => {
  it('puts one occurrence at the first timestamp', () => {
    expect(expandCount(at('2026-07-22T21:05:22.000Z'), at('2026-07-22T21:05:22.000Z'), 1)).toEqual([
      { index: 0, at: '2026-07-22T21:05:22.000Z', certainty: 'exact' },
    ]);
  });

  it('keeps both ends and spreads the others evenly, flooring to the millisecond', () => {
    const times = expandCount(at('2026-07-22T21:05:30.000Z'), at('2026-07-22T21:13:57.000Z'), 11);
    expect(times).toHaveLength(11);
    expect(times[0]).toEqual({ index: 0, at: '2026-07-22T21:05:30.000Z', certainty: 'exact' });
    expect(times[1]).toEqual({ index: 1, at: '2026-07-22T21:06:20.700Z', certainty: 'interpolated' });
    expect(times[10]).toEqual({ index: 10, at: '2026-07-22T21:13:57.000Z', certainty: 'exact' });
    const ms = times.map((o) => Date.parse(o.at));
    const steps = ms.slice(1).map((m, i) => m - (ms[i] ?? 0));
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThanOrEqual(1);
  });

  it('floors the thirds of a second: four occurrences over one second', () => {
    expect(expandCount(at('2026-01-01T00:00:00.000Z'), at('2026-01-01T00:00:01.000Z'), 4).map((o) => o.at)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.333Z',
      '2026-01-01T00:00:00.666Z',
      '2026-01-01T00:00:01.000Z',
    ]);
  });

  it('in a stream, an update from M to N adds only occurrences M..N-1 after the last one seen', () => {
    const seen = { count: 2, last: at('2026-01-01T00:00:10.000Z') };
    expect(expandCount(at('2026-01-01T00:00:00.000Z'), at('2026-01-01T00:00:40.000Z'), 5, seen)).toEqual([
      { index: 2, at: '2026-01-01T00:00:20.000Z', certainty: 'interpolated' },
      { index: 3, at: '2026-01-01T00:00:30.000Z', certainty: 'interpolated' },
      { index: 4, at: '2026-01-01T00:00:40.000Z', certainty: 'exact' },
    ]);
    expect(expandCount(at('2026-01-01T00:00:00.000Z'), at('2026-01-01T00:00:10.000Z'), 2, seen)).toEqual([]);
  });
});
