import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { instantOfK8s, K8sTime, maybeInstant } from '../../src/importers/time.js';

describe('Kubernetes timestamps as Instants', () => {
  it.each([
    ['2026-07-22T21:05:22Z', '2026-07-22T21:05:22.000Z'],
    ['2026-03-14T10:00:00.112345Z', '2026-03-14T10:00:00.112Z'],
    ['2026-03-14T10:00:00.999999999Z', '2026-03-14T10:00:00.999Z'],
    ['2026-03-14T12:00:00.5+02:00', '2026-03-14T10:00:00.500Z'],
  ])('%s -> %s (truncated to the millisecond, in UTC)', (text, instant) => {
    expect(instantOfK8s(text)).toBe(instant);
  });

  it('refuses what is not RFC 3339, naming it', () => {
    expect(instantOfK8s('2026-03-14 10:00:00')).toBeUndefined();
    expect(K8sTime.decode('yesterday')).toEqual(E.left([expect.objectContaining({ message: 'is not an RFC 3339 time' })]));
  });

  it("treats Go's zero time and null as absent", () => {
    expect(maybeInstant('1970-01-01T00:00:00Z')).toBeUndefined();
    expect(maybeInstant(null)).toBeUndefined();
  });
});
