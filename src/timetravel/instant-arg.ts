/**
 * The `--at` / `--as-of` / `--since` argument: an RFC 3339 instant (any offset, any fraction) or `+DURATION`
 * counted from the journal's first event.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Instant, instantOf, msOf } from '../k8s/codecs.js';
import { parseDuration } from '../k8s/duration.js';
import { MAX_DURATION_SECONDS } from '../k8s/ranges.js';

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** The first and last instants RFC 3339 can write (four-digit years): `Date` goes further, to `+275760`. */
const FIRST_WRITABLE_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_WRITABLE_MS = Date.parse('9999-12-31T23:59:59.999Z');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number): number => (month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));

/**
 * Why an RFC 3339 text names no instant, as Go's `time.Parse(time.RFC3339, …)` refuses it (`format.go ::
 * parse`: "month out of range", "day out of range", "hour out of range", …): `Date.parse` rolls
 * `2026-02-30` over into March and takes `24:00:00` as the next midnight.
 */
const calendarProblem = (m: RegExpExecArray): string | undefined => {
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12) return 'month out of range';
  if (day < 1 || day > daysIn(year, month)) return 'day out of range';
  if (hour > 23) return 'hour out of range';
  if (minute > 59) return 'minute out of range';
  if (second > 59) return 'second out of range';
  return undefined;
};

const writableInstant = (arg: string, ms: number): E.Either<string, Instant> =>
  ms < FIRST_WRITABLE_MS || ms > LAST_WRITABLE_MS
    ? E.left(`"${arg}" lies outside 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, the instants RFC 3339 can write`)
    : E.right(instantOf(ms));

/**
 * The instant `ms` past `base` (or `ms` itself), when it is one RFC 3339 can write; else why not. A duration
 * is at most Go's longest (`time.ParseDuration` refuses more: "invalid duration").
 */
export const offsetInstant = (arg: string, base: number, ms: number): E.Either<string, Instant> => {
  if (Math.abs(ms) > MAX_DURATION_SECONDS * 1000) return E.left(`"${arg}" is longer than the longest Go duration (2562047h47m16s)`);
  return writableInstant(arg, base + ms);
};

/** Parses the argument; `first` is the journal's first event time (undefined for an empty journal). */
export const parseInstantArg = (arg: string, first: Instant | undefined): E.Either<string, Instant | undefined> => {
  if (arg.startsWith('+')) {
    const ms = parseDuration(arg.slice(1));
    if (ms === undefined) return E.left(`"${arg}" is not a duration after "+" (e.g. +90s, +5m, +1h30m)`);
    return first === undefined ? E.right(undefined) : offsetInstant(arg, msOf(first), ms);
  }
  const m = rfc3339.exec(arg);
  const problem = m === null ? undefined : calendarProblem(m);
  if (problem !== undefined) return E.left(`"${arg}" is not an RFC 3339 time: ${problem}`);
  const ms = m !== null ? Date.parse(arg.replace(/(\.\d{3})\d+/, '$1')) : Number.NaN;
  if (Number.isNaN(ms)) return E.left(`"${arg}" is not an RFC 3339 time or +DURATION`);
  return writableInstant(arg, ms);
};
