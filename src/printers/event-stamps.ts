/**
 * An Event's time fields as the API server serves it (core/v1), and the times kubectl reads off them. An imported
 * Event keeps what the object held: a series of the events.k8s.io recorder (client-go tools/events ::
 * recordToSink: `series` from the second occurrence, `count` including the first) with its `lastObservedTime` as
 * written, and no `firstTimestamp`, `lastTimestamp` nor `count` where it held none. At an instant before its last
 * occurrence the series is as far as the journal's occurrences went: their number, the last one's time.
 */
import type { KubeEventRow } from './kube-event-row.js';

export interface EventSeries {
  readonly count: number;
  readonly lastObservedTime: string;
}

export interface EventStamps {
  readonly firstTimestamp: string | null;
  readonly lastTimestamp: string | null;
  readonly count?: number;
  readonly series?: EventSeries;
}

/** A second-precision time (`2025-09-11T20:50:21Z`) as a MicroTime (`2025-09-11T20:50:21.000000Z`). */
const microTime = (time: string): string => `${time.slice(0, 19)}.000000Z`;

const seriesOf = (row: KubeEventRow): EventSeries | undefined => {
  const held = row.recorded?.series;
  if (held === undefined || row.count < 2) return undefined;
  return row.count === held.count ? held : { count: row.count, lastObservedTime: microTime(row.lastTimestamp) };
};

export const eventStamps = (row: KubeEventRow): EventStamps => {
  const series = seriesOf(row);
  // An Event of the events.k8s.io recorder holds its time in `eventTime` and its series (`recorder.go :: makeEvent`).
  const stamps =
    row.recorded?.unstamped === true && (row.count === 1 || series !== undefined)
      ? { firstTimestamp: null, lastTimestamp: null }
      : { firstTimestamp: row.firstTimestamp, lastTimestamp: row.lastTimestamp, count: row.count };
  return series === undefined ? stamps : { ...stamps, series };
};

/** `eventTime` as the object held it; undefined when it held none (Go's zero MicroTime). */
const eventTimeOf = (row: KubeEventRow): string | undefined => (typeof row.recorded?.eventTime === 'string' ? row.recorded.eventTime : undefined);

/**
 * What `kubectl get events` prints of an Event's times (`printers.go :: printEvent`); undefined reads `<unknown>`.
 * A series' times are read to the microsecond, as kubectl reads them (`translateMicroTimestampSince`). Other rows
 * keep their second-precision times: a singleton's `eventTime` is lost when its pod's object was imported before it
 * (the object's record of the fact wins and the Event's is not kept), and both orders must print alike.
 */
export interface TableTimes {
  readonly firstSeen: string | undefined;
  readonly lastSeen: string | undefined;
  readonly count: number;
}

export const tableTimes = (row: KubeEventRow): TableTimes => {
  const s = eventStamps(row);
  if (s.series === undefined) return { firstSeen: row.firstTimestamp, lastSeen: row.lastTimestamp, count: row.count };
  return { firstSeen: s.firstTimestamp ?? eventTimeOf(row), lastSeen: s.series.lastObservedTime, count: s.series.count };
};

/** What `describe` prints of an Event's times (`describe.go :: DescribeEvents`): a series' first `eventTime`, else `firstTimestamp`. */
export interface DescribedTimes {
  readonly first: string | undefined;
  /** The last occurrence and the count, for an Event seen more than once. */
  readonly repeated?: { readonly last: string | undefined; readonly count: number };
}

export const describedTimes = (row: KubeEventRow): DescribedTimes => {
  const s = eventStamps(row);
  if (s.series !== undefined) return { first: eventTimeOf(row) ?? s.firstTimestamp ?? undefined, repeated: { last: s.series.lastObservedTime, count: s.series.count } };
  return row.count > 1 ? { first: row.firstTimestamp, repeated: { last: row.lastTimestamp, count: row.count } } : { first: row.firstTimestamp };
};

/**
 * When `describe` orders an Event (`kubectl/pkg/util/event/sorted_event_list.go :: eventTime`): its series' last
 * observation, else a non-zero `lastTimestamp`, else `eventTime` (with the microseconds the object held).
 */
export const sortTimeOf = (row: KubeEventRow): number => {
  const s = eventStamps(row);
  return Date.parse(s.series?.lastObservedTime ?? s.lastTimestamp ?? eventTimeOf(row) ?? row.lastTimestamp);
};
