/** Turning `--at`, `--as-of`, `--since`, `--until` arguments into instants against a journal, or bad input. */
import * as E from 'fp-ts/lib/Either.js';
import type { Instant } from '../k8s/codecs.js';
import { parseInstantArg } from '../timetravel/instant-arg.js';
import type { Journal } from '../journal/index.js';
import { BadInput } from './errors.js';

/**
 * The instant an option names, `undefined` when the option was not given. A `+DURATION` on an empty
 * journal names no instant at all: the answer is then "nothing", as before the first event.
 */
export const instantOption = (journal: Journal, flag: string, arg: string | undefined): Instant | undefined => {
  if (arg === undefined) return undefined;
  const parsed = parseInstantArg(arg, journal.firstAt());
  if (E.isLeft(parsed)) throw new BadInput(`${flag}: ${parsed.left}`);
  return parsed.right ?? beforeAnything;
};

/** An instant before any event could be: queries at it see an empty cluster. */
const beforeAnything = '0000-01-01T00:00:00.000Z' as Instant;
