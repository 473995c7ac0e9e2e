/**
 * The two Kubernetes Event kinds (core/v1 `Event` and `events.k8s.io/v1` `Event`) as io-ts codecs, and
 * their common reading: who it is about, why, and how many times between which instants.
 */
import * as t from 'io-ts';
import { Integer, StringMap, struct, type Instant } from '../../k8s/codecs.js';
import { OptionalK8sTime } from '../time.js';

const ObjectReference = t.partial(
  { kind: t.string, namespace: t.string, name: t.string, uid: t.string, fieldPath: t.string, apiVersion: t.string },
  'ObjectReference',
);
const Series = t.partial({ count: Integer, lastObservedTime: OptionalK8sTime }, 'EventSeries');
const EventMeta = t.partial(
  { name: t.string, namespace: t.string, uid: t.string, creationTimestamp: OptionalK8sTime, annotations: t.union([StringMap, t.null]) },
  'ObjectMeta',
);

export const CoreV1Event = struct(
  'Event',
  { involvedObject: ObjectReference, reason: t.string },
  {
    metadata: EventMeta,
    message: t.string,
    count: t.union([Integer, t.null]),
    firstTimestamp: OptionalK8sTime,
    lastTimestamp: OptionalK8sTime,
    eventTime: OptionalK8sTime,
    series: t.union([Series, t.null]),
    type: t.string,
  },
);
export type CoreV1Event = t.TypeOf<typeof CoreV1Event>;

export const EventsV1Event = struct(
  'Event',
  { regarding: ObjectReference, reason: t.string },
  {
    metadata: EventMeta,
    note: t.string,
    eventTime: OptionalK8sTime,
    series: t.union([Series, t.null]),
    deprecatedFirstTimestamp: OptionalK8sTime,
    deprecatedLastTimestamp: OptionalK8sTime,
    deprecatedCount: t.union([Integer, t.null]),
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
}

const idOf = (m: t.TypeOf<typeof EventMeta> | undefined): string | undefined =>
  m?.uid ?? (m?.name === undefined ? undefined : `${m.namespace ?? ''}/${m.name}`);

const orUndefined = <A>(a: A | null | undefined): A | undefined => a ?? undefined;

/**
 * Old-style Events count in `count` between `firstTimestamp` and `lastTimestamp`; new-style ones start at
 * `eventTime` and count in `series` (whose `count` includes the first occurrence) up to `lastObservedTime`.
 */
export const occurrencesOfCore = (e: CoreV1Event): Occurrences | undefined => {
  const first = orUndefined(e.firstTimestamp) ?? orUndefined(e.eventTime) ?? orUndefined(e.metadata?.creationTimestamp);
  if (first === undefined) return undefined;
  return {
    id: idOf(e.metadata),
    regarding: e.involvedObject,
    reason: e.reason,
    message: e.message ?? '',
    first,
    last: orUndefined(e.lastTimestamp) ?? orUndefined(e.series?.lastObservedTime) ?? first,
    count: orUndefined(e.series?.count) ?? orUndefined(e.count) ?? 1,
    annotations: orUndefined(e.metadata?.annotations) ?? {},
  };
};

export const occurrencesOfEventsV1 = (e: EventsV1Event): Occurrences | undefined => {
  const first = orUndefined(e.eventTime) ?? orUndefined(e.deprecatedFirstTimestamp) ?? orUndefined(e.metadata?.creationTimestamp);
  if (first === undefined) return undefined;
  return {
    id: idOf(e.metadata),
    regarding: e.regarding,
    reason: e.reason,
    message: e.note ?? '',
    first,
    last: orUndefined(e.series?.lastObservedTime) ?? orUndefined(e.deprecatedLastTimestamp) ?? first,
    count: orUndefined(e.series?.count) ?? orUndefined(e.deprecatedCount) ?? 1,
    annotations: orUndefined(e.metadata?.annotations) ?? {},
  };
};
