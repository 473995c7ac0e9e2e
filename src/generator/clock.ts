/**
 * Fast canonical instants for generated events: the same string as `instantOf(ms)`, built from cached
 * minute prefixes and a table of the 60,000 `SS.mmm` suffixes (`Date#toISOString` is too slow here).
 */
import type { Instant } from '../k8s/codecs.js';
import { boundedMemo } from '../memo/index.js';

const MINUTE_MS = 60_000;
/** `YYYY-MM-DDTHH:MM:` of recent minutes (an incident spans hours; the memo is dropped if it grows). */
const minutePrefix = boundedMemo((minute: number) => new Date(minute * MINUTE_MS).toISOString().slice(0, 17), 10_000);
/** `SS.mmm` for each millisecond of a minute. */
const secondsOfMinute: readonly string[] = Array.from({ length: MINUTE_MS }, (_, ms) =>
  `${String(Math.floor(ms / 1000)).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`,
);

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` for a millisecond epoch (UTC, years 1970–9999). */
export const instantAt = (ms: number): Instant => {
  const minute = Math.floor(ms / MINUTE_MS);
  return `${minutePrefix(minute)}${secondsOfMinute[ms - minute * MINUTE_MS] ?? ''}Z` as Instant;
};
