/**
 * Count expansion: an Event seen `count` = N times between `first` and `last` becomes N occurrences. The
 * first is at `first`, the last at `last`, and the N - 2 between them are spread evenly: occurrence k
 * (0-based) is at first + floor((last - first) * k / (N - 1)) milliseconds. Only the two ends are recorded
 * times; the ones between are interpolated, and marked so.
 *
 * In a stream the same Event object comes again with a higher count: an update from M seen occurrences
 * (the last at L) to N adds only occurrences M .. N - 1, spread the same way after L, the last at `last`.
 */
import { instantOf, msOf, type Instant } from '../k8s/codecs.js';
import type { Certainty } from './imported.js';

export interface Occurrence {
  readonly index: number;
  readonly at: Instant;
  readonly certainty: Certainty;
}

export interface Seen {
  readonly count: number;
  readonly last: Instant;
}

export const expandCount = (first: Instant, last: Instant, count: number, seen?: Seen): Occurrence[] => {
  const n = Math.max(1, Math.trunc(count));
  const m = seen === undefined ? 0 : Math.min(seen.count, n);
  // Without earlier sightings, occurrence 0 sits at `first`; after them, the new ones follow the last seen.
  const from = msOf(seen === undefined ? first : seen.last);
  const steps = seen === undefined ? n - 1 : n - m;
  const span = Math.max(0, msOf(last) - from);
  return Array.from({ length: n - m }, (_, i) => {
    const k = m + i;
    const step = seen === undefined ? k : i + 1;
    return {
      index: k,
      at: steps === 0 ? instantOf(from) : instantOf(from + Math.floor((span * step) / steps)),
      certainty: (seen === undefined && k === 0) || k === n - 1 ? 'exact' : 'interpolated',
    };
  });
};
