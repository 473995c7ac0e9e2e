/**
 * The two Kubernetes Event kinds (core/v1 `Event` and `events.k8s.io/v1` `Event`) as io-ts codecs, and
 * their common reading: who it is about, why, and how many times between which instants.
 */
import * as t from 'io-ts';
import type { RecordedEvent } from '../../events/index.js';
import { EventSource, Integer, StringMap, struct, type Instant } from '../../k8s/codecs.js';
import { instantOfK8s, K8sTimeText, OptionalK8sTime } from '../time.js';

const ObjectReference = t.partial(
  { kind: t.string, namespace: t.string, name: t.string, uid: t.string, fieldPath: t.string, apiVersion: t.string, resourceVersion: t.string },
  'ObjectReference',
);
/** `lastObservedTime`, a MicroTime: checked as a time, kept as written, as `eventTime` is. */
const Series = t.partial({ count: Integer, lastObservedTime: t.union([K8sTimeText, t.null]) }, 'EventSeries');
const EventMeta = t.partial(
  { name: t.string, namespace: t.string, uid: t.string, resourceVersion: t.string, creationTimestamp: t.union([K8sTimeText, t.null]), annotations: t.union([StringMap, t.null]) },
  'ObjectMeta',
);

/** `eventTime`, a MicroTime: checked as a time, kept as written (its microseconds are the object's, printed as held). */
const EventTime = t.union([K8sTimeText, t.null], 'MicroTime');

/**
 * Every field is optional: `reason` is `omitempty` (core/v1 types.go :: Event), and Events a client wrote
 * without one are served so (an OpenShift installer's `bootstrap-success`, about a namespace only). An Event
 * naming no object (a gatherer may strip `involvedObject`) is about no pod.
 */
export const CoreV1Event = t.partial(
  {
    reason: t.string,
    involvedObject: ObjectReference,
    metadata: EventMeta,
    message: t.string,
    count: t.union([Integer, t.null]),
    firstTimestamp: OptionalK8sTime,
    lastTimestamp: OptionalK8sTime,
    eventTime: EventTime,
    series: t.union([Series, t.null]),
    type: t.string,
    action: t.string,
    source: EventSource,
    reportingComponent: t.string,
    reportingInstance: t.string,
  },
  'Event',
);
export type CoreV1Event = t.TypeOf<typeof CoreV1Event>;

/** `reason` is `omitempty` here too (events/v1 types.go :: Event): the same stored object, read through this API. */
export const EventsV1Event = struct(
  'Event',
  { regarding: ObjectReference },
  {
    reason: t.string,
    metadata: EventMeta,
    note: t.string,
    eventTime: EventTime,
    action: t.string,
    series: t.union([Series, t.null]),
    deprecatedFirstTimestamp: OptionalK8sTime,
    deprecatedLastTimestamp: OptionalK8sTime,
    deprecatedCount: t.union([Integer, t.null]),
    deprecatedSource: EventSource,
    reportingController: t.string,
    reportingInstance: t.string,
    type: t.string,
  },
);
export type EventsV1Event = t.TypeOf<typeof EventsV1Event>;

export type ObjectReference = t.TypeOf<typeof ObjectReference>;

/** What both kinds say: the object, the reason and message, and `count` occurrences from `first` to `last`. */
export interface Occurrences {
  /** The Event object's own identity: a stream sends it again each time its count grows. */
  readonly id: string | undefined;
  readonly regarding: ObjectReference;
  readonly reason: string;
  readonly message: string;
  readonly first: Instant;
  readonly last: Instant;
  readonly count: number;
  readonly annotations: Readonly<Record<string, string>>;
  /** The node a kubelet's Event came from (`source.host`). */
  readonly host: string | undefined;
  /** The Event as the cluster recorded it, for printing it so. */
  readonly recorded: RecordedEvent;
}

const idOf = (m: t.TypeOf<typeof EventMeta> | undefined): string | undefined =>
  m?.uid ?? (m?.name === undefined ? undefined : `${m.namespace ?? ''}/${m.name}`);

const timeOf = (text: string | null | undefined): Instant | undefined => (text == null ? undefined : instantOfK8s(text));

/** The first value given, skipping Kubernetes' nulls. */
const firstOf = <A>(...candidates: readonly (A | null | undefined)[]): A | undefined => candidates.find((c): c is A => c !== null && c !== undefined);

interface Fields {
  readonly metadata: t.TypeOf<typeof EventMeta> | undefined;
  readonly regarding: ObjectReference | undefined;
  readonly reason: string | undefined;
  readonly message: string | undefined;
  /** Candidates in order of preference; the first present one counts. */
  readonly first: readonly (Instant | null | undefined)[];
  readonly last: readonly (Instant | null | undefined)[];
  readonly count: readonly (number | null | undefined)[];
  readonly host: string | undefined;
  readonly type: string | undefined;
  /** `source.component`, then `reportingController` (the field kubectl reads when the source has none). */
  readonly component: readonly (string | undefined)[];
  /** `source.host`, then `reportingInstance`. */
  readonly instance: readonly (string | undefined)[];
  /** The reporter's fields as the core/v1 Event holds them, for printing it as served. */
  readonly served: {
    readonly source: { readonly component?: string; readonly host?: string } | undefined;
    readonly reportingComponent: string | undefined;
    readonly reportingInstance: string | undefined;
  };
  /** `eventTime` as written (`null` when the key held none; undefined when the object had no such key). */
  readonly eventTime: string | null | undefined;
  readonly action: string | undefined;
  /** It held no first or last timestamp nor count (`firstTimestamp`/`deprecatedFirstTimestamp` …, all null or absent). */
  readonly unstamped: boolean;
  readonly series: t.TypeOf<typeof Series> | null | undefined;
}

/** `value` without its undefined properties: the journal stores only what the object held. */
const defined = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The first non-empty value given: `printers.go :: formatEventSource` reads a recorder's fields so. */
const firstNonEmpty = (candidates: readonly (string | undefined)[]): string => candidates.find((c) => c !== undefined && c !== '') ?? '';

/**
 * The occurrences an Event records; undefined when it gives no time at all. The first occurrence is the
 * first time given; an Event stamped only with its last time (or its series' last observation) happened
 * then, as far as is known.
 */
const occurrences = (f: Fields): Occurrences | undefined => {
  const first = firstOf(...f.first, timeOf(f.metadata?.creationTimestamp), ...f.last);
  if (first === undefined) return undefined;
  const id = idOf(f.metadata);
  const message = f.message ?? '';
  const reason = f.reason ?? '';
  return {
    id,
    regarding: f.regarding ?? {},
    reason,
    message,
    first,
    last: firstOf(...f.last) ?? first,
    count: firstOf(...f.count) ?? 1,
    annotations: firstOf(f.metadata?.annotations) ?? {},
    host: f.host,
    recorded: {
      object: id ?? `${reason}@${first}`,
      type: f.type ?? '',
      reason,
      message,
      component: firstNonEmpty(f.component),
      host: firstNonEmpty(f.instance),
      ...defined({
        name: f.metadata?.name,
        source: f.served.source === undefined ? undefined : defined(f.served.source),
        reportingComponent: f.served.reportingComponent,
        reportingInstance: f.served.reportingInstance,
        uid: f.metadata?.uid,
        resourceVersion: f.metadata?.resourceVersion,
        creationTimestamp: f.metadata?.creationTimestamp ?? undefined,
        eventTime: f.eventTime,
        action: f.action,
        objectResourceVersion: f.regarding?.resourceVersion,
        unstamped: f.unstamped && f.eventTime != null ? (true as const) : undefined,
        series: heldSeries(f.series),
      }),
    },
  };
};

/** A series as held, when it states both its count and its last observation. */
const heldSeries = (series: t.TypeOf<typeof Series> | null | undefined): { count: number; lastObservedTime: string } | undefined =>
  series?.count == null || series.lastObservedTime == null ? undefined : { count: series.count, lastObservedTime: series.lastObservedTime };

/** The time fields of each kind, in the order they are read: named when an Event has none of them. */
export const CORE_TIME_FIELDS = 'firstTimestamp, eventTime, metadata.creationTimestamp, lastTimestamp, series.lastObservedTime';
export const EVENTS_V1_TIME_FIELDS = 'eventTime, deprecatedFirstTimestamp, metadata.creationTimestamp, series.lastObservedTime, deprecatedLastTimestamp';

/**
 * Old-style Events count in `count` between `firstTimestamp` and `lastTimestamp`; new-style ones start at
 * `eventTime` and count in `series` (whose `count` includes the first occurrence) up to `lastObservedTime`.
 */
export const occurrencesOfCore = (e: CoreV1Event): Occurrences | undefined =>
  occurrences({
    metadata: e.metadata,
    regarding: e.involvedObject,
    reason: e.reason,
    message: e.message,
    first: [e.firstTimestamp, timeOf(e.eventTime)],
    last: [e.lastTimestamp, timeOf(e.series?.lastObservedTime)],
    count: [e.series?.count, e.count],
    host: e.source?.host,
    type: e.type,
    component: [e.source?.component, e.reportingComponent],
    instance: [e.source?.host, e.reportingInstance],
    served: { source: e.source, reportingComponent: e.reportingComponent, reportingInstance: e.reportingInstance },
    eventTime: e.eventTime,
    action: e.action,
    unstamped: e.firstTimestamp == null && e.lastTimestamp == null && e.count == null,
    series: e.series,
  });

export const occurrencesOfEventsV1 = (e: EventsV1Event): Occurrences | undefined =>
  occurrences({
    metadata: e.metadata,
    regarding: e.regarding,
    reason: e.reason,
    message: e.note,
    first: [timeOf(e.eventTime), e.deprecatedFirstTimestamp],
    last: [timeOf(e.series?.lastObservedTime), e.deprecatedLastTimestamp],
    count: [e.series?.count, e.deprecatedCount],
    host: e.deprecatedSource?.host,
    type: e.type,
    component: [e.deprecatedSource?.component, e.reportingController],
    instance: [e.deprecatedSource?.host, e.reportingInstance],
    served: { source: e.deprecatedSource, reportingComponent: e.reportingController, reportingInstance: e.reportingInstance },
    eventTime: e.eventTime,
    action: e.action,
    unstamped: e.deprecatedFirstTimestamp == null && e.deprecatedLastTimestamp == null && e.deprecatedCount == null,
    series: e.series,
  });
