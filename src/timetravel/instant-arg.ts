/**
 * The `--at` / `--as-of` / `--since` argument: an RFC 3339 instant (any offset, any fraction) or `+DURATION`
 * counted from the journal's first event.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Instant, instantOf, msOf } from '../k8s/codecs.js';
import { parseDuration } from '../k8s/duration.js';

const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses the argument; `first` is the journal's first event time (undefined for an empty journal). */
export const parseInstantArg = (arg: string, first: Instant | undefined): E.Either<string, Instant | undefined> => {
  if (arg.startsWith('+')) {
    const ms = parseDuration(arg.slice(1));
    if (ms === undefined) return E.left(`"${arg}" is not a duration after "+" (e.g. +90s, +5m, +1h30m)`);
    return E.right(first === undefined ? undefined : instantOf(msOf(first) + ms));
  }
  const ms = rfc3339.test(arg) ? Date.parse(arg.replace(/(\.\d{3})\d+/, '$1')) : Number.NaN;
  if (Number.isNaN(ms)) return E.left(`"${arg}" is not an RFC 3339 time or +DURATION`);
  return E.right(instantOf(ms));
};
