/** The Events table ending every describe (`describe.go :: DescribeEvents`). */
import { ageOf } from './duration.js';
import { describedTimes, sortTimeOf } from './event-stamps.js';
import { apiList } from './events-table.js';
import { goSort } from './go-sort.js';
import type { KubeEventRow } from './kube-events.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.js';

/**
 * `sort.Sort(event.SortableEvents(...))`: by last seen, oldest first (`eventTime(...).Before`), from the order the
 * API server lists the pod's Events in (by name: their first occurrence, `apiList`). Go's sort is not stable:
 * Events of one second keep that order up to 12 rows, past that they come out as its quicksort leaves them.
 */
const byLastSeen = (events: readonly KubeEventRow[]): KubeEventRow[] =>
  goSort(
    apiList(events).map((named) => named.row),
    (a, b) => sortTimeOf(a) < sortTimeOf(b),
  );

/**
 * `7m (x3 over 12m)` for repeated events (a series: its count and last observation), the age of the only one
 * otherwise; `(inferred)` after it when an import placed the first or last occurrence (the source did not record
 * that time).
 */
const interval = (e: KubeEventRow, now: Date): string => {
  const { first, repeated } = describedTimes(e);
  const age = repeated === undefined ? ageOf(first, now) : `${ageOf(repeated.last, now)} (x${repeated.count} over ${ageOf(first, now)})`;
  return `${age}${e.inferred === true ? ' (inferred)' : ''}`;
};

/** The message, prefixed with the container's field path as kubectl 1.35+ shows it. */
const message = (e: KubeEventRow): string => {
  const text = e.message.trim();
  const fieldPath = e.involvedObject.fieldPath ?? '';
  return fieldPath === '' ? text : `${fieldPath}: ${text}`;
};

export const describeEvents = (w: PrefixWriter, events: readonly KubeEventRow[], now: Date): void => {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of byLastSeen(events)) {
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval(e, now)}\t${e.source.component}\t${message(e)}\n`);
  }
};
