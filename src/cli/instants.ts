/** Turning `--at`, `--as-of`, `--since`, `--until` arguments into instants against a journal, or bad input. */
import * as E from 'fp-ts/lib/Either.js';
import { instantOf, msOf, type Instant } from '../k8s/codecs.js';
import { parseDuration } from '../k8s/duration.js';
import { parseInstantArg } from '../timetravel/instant-arg.js';
import type { Journal } from '../journal/index.js';
import { BadInput } from './errors.js';

/** `-DURATION`: counted back from `end` (the journal's last event, or its last record time for `--as-of`). */
const beforeEnd = (flag: string, arg: string, end: Instant | undefined): Instant | undefined => {
  const ms = parseDuration(arg.slice(1));
  if (ms === undefined) throw new BadInput(`${flag}: "${arg}" is not a duration after "-" (e.g. -10s, -5m)`);
  return end === undefined ? undefined : instantOf(msOf(end) - ms);
};

/**
 * The instant an argument names: RFC 3339, `+DURATION` from `first`, `-DURATION` back from `last`. Undefined
 * when the option was not given; an offset on an empty journal names an instant before anything.
 */
const instantFrom = (flag: string, arg: string | undefined, first: Instant | undefined, last: Instant | undefined): Instant | undefined => {
  if (arg === undefined) return undefined;
  if (arg.startsWith('-')) return beforeEnd(flag, arg, last) ?? beforeAnything;
  const parsed = parseInstantArg(arg, first);
  if (E.isLeft(parsed)) throw new BadInput(`${flag}: ${parsed.left}`);
  return parsed.right ?? beforeAnything;
};

/** A valid-time option: offsets count from the journal's first event (`+`) or back from its last (`-`). */
export const instantOption = (journal: Journal, flag: string, arg: string | undefined): Instant | undefined =>
  instantFrom(flag, arg, journal.firstAt(), journal.lastAt());

/** `--as-of R`: a record time, so its offsets count from the first record's time and back from the last's. */
export const asOfOption = async (journal: Journal, arg: string | undefined): Promise<Instant | undefined> => {
  if (arg === undefined) return undefined;
  if (!arg.startsWith('+') && !arg.startsWith('-')) return instantFrom('--as-of', arg, undefined, undefined);
  const [first] = await journal.records({ toSeq: 1 }).toArray();
  const [last] = await journal.records({ fromSeq: journal.head().seq }).toArray();
  return instantFrom('--as-of', arg, first?.recordedAt, last?.recordedAt);
};

/** An instant before any event could be: queries at it see an empty cluster. */
const beforeAnything = '0000-01-01T00:00:00.000Z' as Instant;

/** A note on stderr when `--at` lies outside what the journal saw: ages would otherwise grow, or nothing show, silently. */
export const outsideJournal = (journal: Journal, at: Instant | undefined): string | undefined => {
  const first = journal.firstAt();
  const last = journal.lastAt();
  if (at === undefined || first === undefined || last === undefined) return undefined;
  if (at > last) return `warning: --at ${at} is after the journal's last event (${last}); ages are counted to ${at}`;
  if (at < first) return `warning: --at ${at} is before the journal's first event (${first}): nothing existed yet`;
  return undefined;
};
