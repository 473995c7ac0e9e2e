/**
 * One calendar check for every instant podj reads, as Go's `time.Parse(time.RFC3339, …)` makes it
 * (`format_rfc3339.go :: parseRFC3339`): the journal's Instant codec, Kubernetes timestamps and `--at` agree.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { Instant, TimeString } from '../../src/k8s/codecs.js';
import { instantOfK8s } from '../../src/importers/time.js';
import { parseInstantArg } from '../../src/timetravel/instant-arg.js';

// Go: `parsing time "…": day out of range` (or month, hour, minute, second)
const refused: ReadonlyArray<readonly [string, string]> = [
  ['2026-02-29T00:00:00', 'day out of range'],
  ['2026-02-30T00:00:00', 'day out of range'],
  ['2026-04-31T08:00:00', 'day out of range'],
  ['1900-02-29T00:00:00', 'day out of range'],
  ['2026-00-10T00:00:00', 'month out of range'],
  ['2026-13-10T00:00:00', 'month out of range'],
  ['2026-01-00T00:00:00', 'day out of range'],
  ['2026-01-18T24:00:00', 'hour out of range'],
  ['2026-01-18T23:60:00', 'minute out of range'],
  ['2026-01-18T23:59:60', 'second out of range'],
];
const taken = ['2024-02-29T00:00:00', '2000-02-29T12:00:00', '2026-12-31T23:59:59', '2026-01-31T00:00:00'];

describe('one calendar check for instants', () => {
  it.each(refused)('%s is no instant (%s) to the codec, an imported timestamp and --at alike', (dateTime, why) => {
    expect(Instant.is(`${dateTime}.000Z`)).toBe(false);
    expect(E.isLeft(TimeString.decode(`${dateTime}Z`))).toBe(true);
    expect(instantOfK8s(`${dateTime}.123456Z`)).toBeUndefined();
    expect(parseInstantArg(`${dateTime}Z`, undefined)).toEqual(E.left(`"${dateTime}Z" is not an RFC 3339 time: ${why}`));
  });

  it('names the reason in a manifest or import field', () => {
    const decoded = TimeString.decode('2026-02-30T08:00:00Z');
    expect(E.isLeft(decoded) ? decoded.left[0]?.message : undefined).toBe('is not an RFC 3339 time: day out of range');
  });

  it.each(taken)('%s is one', (dateTime) => {
    expect(Instant.is(`${dateTime}.000Z`)).toBe(true);
    expect(TimeString.is(`${dateTime}+01:00`)).toBe(true);
    expect(instantOfK8s(`${dateTime}Z`)).toBe(`${dateTime}.000Z`);
    expect(E.isRight(parseInstantArg(`${dateTime}Z`, undefined))).toBe(true);
  });
});
