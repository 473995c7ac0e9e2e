/**
 * The `--at` / `--as-of` / `--since` argument: an RFC 3339 instant (any offset, any fraction) or `+DURATION`
 * counted from the journal's first event.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Instant, instantOf, msOf } from '../k8s/codecs.js';
import { parseDuration } from '../k8s/duration.js';
import { MAX_DURATION_SECONDS } from '../k8s/ranges.js';
import { calendarProblemOf } from '../k8s/calendar.js';

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** The first and last instants RFC 3339 can write (four-digit years): `Date` goes further, to `+275760`. */
const FIRST_WRITABLE_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_WRITABLE_MS = Date.parse('9999-12-31T23:59:59.999Z');

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

/**
 * The duration after an offset's `+` or `-`, in milliseconds; undefined when it is none, or carries a sign of its
 * own: `+-1m` (a Go duration may be signed) would count back while it reads as forward.
 */
export const offsetDuration = (arg: string): number | undefined => (/^[+-]{2}/.test(arg) ? undefined : parseDuration(arg.slice(1)));

/** Parses the argument; `first` is the journal's first event time (undefined for an empty journal). */
export const parseInstantArg = (arg: string, first: Instant | undefined): E.Either<string, Instant | undefined> => {
  if (arg.startsWith('+')) {
    const ms = offsetDuration(arg);
    if (ms === undefined) return E.left(`"${arg}" is not a duration after "+" (e.g. +90s, +5m, +1h30m)`);
    return first === undefined ? E.right(undefined) : offsetInstant(arg, msOf(first), ms);
  }
  const m = rfc3339.exec(arg);
  // as Go's time.Parse refuses them (k8s/calendar.ts): Date.parse rolls 2026-02-30 over into March
  const problem = m === null ? undefined : calendarProblemOf(arg);
  if (problem !== undefined) return E.left(`"${arg}" is not an RFC 3339 time: ${problem}`);
  const ms = m !== null ? Date.parse(arg.replace(/(\.\d{3})\d+/, '$1')) : Number.NaN;
  if (Number.isNaN(ms)) return E.left(`"${arg}" is not an RFC 3339 time or +DURATION`);
  return writableInstant(arg, ms);
};
