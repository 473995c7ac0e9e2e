/** Turning `--at`, `--as-of`, `--since`, `--until` arguments into instants against a journal, or bad input. */
import * as E from 'fp-ts/lib/Either.js';
import { instantOf, msOf, type Instant } from '../k8s/codecs.js';
import { offsetDuration, offsetInstant, parseInstantArg } from '../timetravel/instant-arg.js';
import type { Journal } from '../journal/index.js';
import { BadInput } from './errors.js';

/** `-DURATION`: counted back from `end` (the journal's last event, or its last record time for `--as-of`). */
const beforeEnd = (flag: string, arg: string, end: Instant | undefined): Instant | undefined => {
  const ms = offsetDuration(arg);
  if (ms === undefined) throw new BadInput(`${flag}: "${arg}" is not a duration after "-" (e.g. -10s, -5m)`);
  if (end === undefined) return undefined;
  const at = offsetInstant(arg, msOf(end), -ms);
  if (E.isLeft(at)) throw new BadInput(`${flag}: ${at.left}`);
  return at.right;
};

/** `HH:MM[:SS[.fff]]`, UTC: "what did pod X look like at 14:03?" asked of an incident's journal. */
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?$/;
const DAY_MS = 86_400_000;
const SHOWN_CANDIDATES = 3;

/**
 * A time of day on the journal's UTC days, from its first event's to its last's: the one such instant, or the
 * one of them inside the journal's span; several left is ambiguous (the user gives the date). Undefined when
 * `arg` is not a time of day, or the journal is empty.
 */
const onJournalDay = (flag: string, arg: string, first: Instant | undefined, last: Instant | undefined): Instant | undefined => {
  const m = TIME_OF_DAY.exec(arg);
  if (m === null) return undefined;
  const [hours, minutes, seconds] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) throw new BadInput(`${flag}: "${arg}" is not a time of day (HH:MM or HH:MM:SS, UTC)`);
  if (first === undefined || last === undefined) return undefined;
  const offset = ((hours * 60 + minutes) * 60 + seconds) * 1000 + Math.floor(Number(m[4] ?? 0) * 1000);
  const days = (t: Instant): number => Math.floor(msOf(t) / DAY_MS) * DAY_MS;
  const candidates: number[] = [];
  for (let day = days(first); day <= days(last); day += DAY_MS) candidates.push(day + offset);
  const inside = candidates.filter((t) => t >= msOf(first) && t <= msOf(last));
  const chosen = candidates.length === 1 ? candidates : inside;
  if (chosen.length === 1 && chosen[0] !== undefined) return instantOf(chosen[0]);
  const shown = (inside.length > 0 ? inside : candidates).map((t) => instantOf(t));
  const listed = shown.slice(0, SHOWN_CANDIDATES).join(', ') + (shown.length > SHOWN_CANDIDATES ? ', …' : '');
  throw new BadInput(`${flag}: "${arg}" falls on more than one of the journal's days (${listed}): give the date, e.g. ${shown[0] ?? ''}`);
};

/**
 * The instant an argument names: RFC 3339, `+DURATION` from `first`, `-DURATION` back from `last`, a UTC time
 * of day on the journal's day. Undefined when the option was not given; an offset or a time of day on an
 * empty journal names an instant before anything.
 */
const instantFrom = (flag: string, arg: string | undefined, first: Instant | undefined, last: Instant | undefined): Instant | undefined => {
  if (arg === undefined) return undefined;
  if (arg.startsWith('-')) return beforeEnd(flag, arg, last) ?? beforeAnything;
  if (TIME_OF_DAY.test(arg)) return onJournalDay(flag, arg, first, last) ?? beforeAnything;
  const parsed = parseInstantArg(arg, first);
  if (E.isLeft(parsed)) throw new BadInput(`${flag}: ${parsed.left}`);
  return parsed.right ?? beforeAnything;
};

/** A valid-time option: offsets count from the journal's first event (`+`) or back from its last (`-`). */
export const instantOption = (journal: Journal, flag: string, arg: string | undefined): Instant | undefined =>
  instantFrom(flag, arg, journal.firstAt(), journal.lastAt());

/**
 * Refuses a range whose start (`from`, named by its flag) is after its end (`to`): a mistake, not a question whose
 * answer is "nothing" (`diff --from … --to …`, `events --since … --until …`).
 */
export const refuseReversedRange = (fromFlag: string, from: Instant | undefined, toFlag: string, to: Instant | undefined): void => {
  if (from !== undefined && to !== undefined && from > to) throw new BadInput(`${fromFlag} ${from} is after ${toFlag} ${to}`);
};

/** `--as-of R`: a record time, so its offsets count from the first record's time and back from the last's. */
export const asOfOption = async (journal: Journal, arg: string | undefined): Promise<Instant | undefined> => {
  if (arg === undefined) return undefined;
  if (!arg.startsWith('+') && !arg.startsWith('-') && !TIME_OF_DAY.test(arg)) return instantFrom('--as-of', arg, undefined, undefined);
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
