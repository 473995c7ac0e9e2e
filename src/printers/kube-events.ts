/**
 * The core/v1 Events a cluster would have recorded for the journal's events, correlated the way client-go's
 * `EventCorrelator` records them (identical events → one row with a count; a per-object spam filter).
 */
import { asSuperseded, isInferred, withoutSuperseded, type Event, type EventOf, type RecordedEvent } from '../events/index.js';
import { coreReasonsByEventType, emissionsOf, emptyContext, learn, type Emission } from './kube-event-emissions.js';
import type { KubeEventRow } from './kube-event-row.js';

export { coreReasonsByEventType, journalTypesForReason } from './kube-event-emissions.js';

export type { InvolvedObject, KubeEventRow, KubeEventType } from './kube-event-row.js';

/** `metav1.Time` serializes with second precision. */
const toSeconds = (instant: string): string => `${instant.slice(0, 19)}Z`;

/**
 * The identity under which the event logger counts repeats (`getEventKey`). An imported Event is its own object
 * whatever its words: kubectl lists one row per Event object, so two objects the same words (a kubelet restarted
 * between them, its correlator started over) are two rows.
 */
const keyOf = (em: Emission): string =>
  JSON.stringify([em.source.component, em.source.host, em.involvedObject, em.type, em.reason, em.message, em.recorded?.object]);

/**
 * The spam filter's bucket: one per source, object and event type, whatever the reason (`getSpamKey`). The
 * type is part of it: the recorded v1.36 crash loop (test/fixtures/real/crash-loop-events.json) wrote 21
 * Normal and 11 Warning kubelet Events about one pod, which one bucket of 25 would have cut short.
 */
const spamKeyOf = (em: Emission): string => {
  const { kind, namespace, name, uid } = em.involvedObject;
  return JSON.stringify([em.source.component, em.source.host, kind, namespace, name, uid, em.type]);
};

/** `EventSourceObjectSpamFilter` defaults: a burst of 25 events, then one more every 5 minutes. */
const SPAM_BURST = 25;
const SPAM_REFILL_PER_MS = 1 / 300_000;

interface Bucket {
  readonly tokens: number;
  readonly at: number;
}

const creationKey = (e: EventOf<'ContainerCreated'>): string => `${e.pod.uid}/${e.container}/${e.containerID}`;

/**
 * The creations the journal holds twice, placed and recorded, by run: a pod object's import placed the run's
 * creation at its start, a later import of the kubelet's `Created` Event recorded it (importers/fact-identity.ts
 * :: recordsHeldPlacement). One creation, one Event: the recorded one. Journals without placed creations pay one pass.
 */
const recordedOfPlaced = (events: readonly Event[]): ReadonlyMap<string, Event> => {
  const placed = new Set<string>();
  for (const e of events) if (e.type === 'ContainerCreated' && e.containerID !== '' && isInferred(e)) placed.add(creationKey(e));
  const recorded = new Map<string, Event>();
  if (placed.size > 0) for (const e of events) if (e.type === 'ContainerCreated' && !isInferred(e) && placed.has(creationKey(e))) recorded.set(creationKey(e), e);
  return recorded;
};

/**
 * `e`, or for a creation held twice its recorded record, at the first of its two places (the Event of the same
 * second, appended later, reads after the start: its Event goes before it, as the kubelet records it), and
 * nothing at the second.
 */
const onceRecorded = (e: Event, recorded: ReadonlyMap<string, Event>, emitted: Set<string>): Event | undefined => {
  if (e.type !== 'ContainerCreated') return e;
  const key = creationKey(e);
  const record = recorded.get(key);
  if (record === undefined) return e;
  if (emitted.has(key)) return undefined;
  emitted.add(key);
  return record;
};

/** A recorded Event object: the span of the occurrences the journal holds of it, at second precision. */
interface RecordedSpan {
  readonly recorded: RecordedEvent;
  first: string;
  last: string;
}

/** Where an Event of `reason` about this fact's pod (or container) is filed. */
const spanKey = (e: Event, reason: string): string | undefined =>
  'pod' in e && e.pod !== undefined ? JSON.stringify([e.pod.uid, 'container' in e ? e.container : '', reason]) : undefined;

/**
 * The Event objects the journal's imported facts were read from, by pod, container and reason. Journals without
 * them pay one pass.
 */
const recordedSpans = (events: readonly Event[]): ReadonlyMap<string, readonly RecordedSpan[]> => {
  const spans = new Map<string, RecordedSpan[]>();
  for (const e of events) {
    const recorded = e.from?.recorded;
    const key = recorded === undefined ? undefined : spanKey(e, recorded.reason);
    if (recorded === undefined || key === undefined) continue;
    const at = toSeconds(e.at);
    const held = spans.get(key);
    const span = held?.find((s) => s.recorded.object === recorded.object);
    if (span === undefined) {
      if (held === undefined) spans.set(key, [{ recorded, first: at, last: at }]);
      else held.push({ recorded, first: at, last: at });
    } else {
      if (at < span.first) span.first = at;
      if (at > span.last) span.last = at;
    }
  }
  return spans;
};

/**
 * `e`, read as an occurrence of the Event object that recorded it: an imported fact the journal held before its
 * Event was imported (a run a PodList implies, a back-off its status shows; the later import's occurrence of it
 * was the same fact, not stored again, `importers/merge.ts`) belongs to the Event of its reason about its pod
 * and container whose occurrences span its second. Engine-made facts have no Event to belong to.
 */
const withRecordedEvent = (e: Event, spans: ReadonlyMap<string, readonly RecordedSpan[]>): Event => {
  if (e.from === undefined || e.from.recorded !== undefined) return e;
  const reason = coreReasonsByEventType[e.type][0];
  const key = reason === undefined ? undefined : spanKey(e, reason);
  const at = toSeconds(e.at);
  const span = key === undefined ? undefined : spans.get(key)?.find((s) => s.first <= at && at <= s.last);
  return span === undefined ? e : { ...e, from: { ...e.from, recorded: span.recorded } };
};

/** One write of an Event object: the identity it is counted under (`getEventKey`) and the object as written. */
export interface KubeEventWrite {
  readonly key: string;
  readonly row: KubeEventRow;
}

/**
 * client-go's `EventCorrelator` over journal events, one at a time: `observe` answers the Event writes a journal
 * event makes (a new Event, or an existing one's count and lastTimestamp), none when the spam filter drops them.
 * The logger counts identical emissions (same source, object, type, reason and message) even when the filter then
 * drops the write; a written event carries that count, its first timestamp, and its own time as lastTimestamp.
 * Imported events (`from`) are not filtered: they are what the cluster recorded, or inferred from it, so their
 * counts are the source's. `history` is what the imported facts are matched against (the creations held twice,
 * the Event objects facts were read from, the records a later import superseded): the events `observe` will be given,
 * as far as they are known.
 */
export const kubeEventCorrelator = (history: readonly Event[]): { readonly observe: (held: Event) => KubeEventWrite[] } => {
  const ctx = emptyContext();
  const observed = new Map<string, { readonly count: number; readonly firstTimestamp: string; readonly firstInferred: boolean }>();
  const buckets = new Map<string, Bucket>();
  // records a later import superseded were not what the cluster recorded: their better records stand beside them
  const read = asSuperseded(history);
  const kept = withoutSuperseded(history);
  const recorded = recordedOfPlaced(kept);
  const spans = recordedSpans(kept);
  const emittedCreations = new Set<string>();
  const observe = (stored: Event): KubeEventWrite[] => {
    const held = read(stored);
    if (held === undefined) return [];
    const once = recorded.size === 0 ? held : onceRecorded(held, recorded, emittedCreations);
    if (once === undefined) return [];
    const e = spans.size === 0 ? once : withRecordedEvent(once, spans);
    // A run's record an import appended with its real id (`standIn`) is of a run the journal held: its Event is the held record's.
    const emitted = 'standIn' in e && e.standIn !== undefined ? [] : emissionsOf(e, ctx);
    learn(ctx, e);
    const at = toSeconds(e.at);
    const ms = Date.parse(e.at);
    const writes: KubeEventWrite[] = [];
    for (const em of emitted) {
      const key = keyOf(em);
      const before = observed.get(key);
      const inferred = isInferred(e);
      const seen = { count: (before?.count ?? 0) + 1, firstTimestamp: before?.firstTimestamp ?? at, firstInferred: before?.firstInferred ?? inferred };
      observed.set(key, seen);
      // An imported event is what the cluster recorded (its Event passed the real filter) or was inferred from
      // it (runs a restartCount counts): describe counts it as the source does, unfiltered.
      if (e.from === undefined) {
        const spamKey = spamKeyOf(em);
        const bucket = buckets.get(spamKey);
        const tokens = bucket === undefined ? SPAM_BURST : Math.min(SPAM_BURST, bucket.tokens + (ms - bucket.at) * SPAM_REFILL_PER_MS);
        buckets.set(spamKey, { tokens: tokens < 1 ? tokens : tokens - 1, at: ms });
        if (tokens < 1) continue;
      }
      const row: KubeEventRow = {
        ...em,
        count: seen.count,
        firstTimestamp: seen.firstTimestamp,
        lastTimestamp: at,
        ...((seen.firstInferred || inferred) && { inferred: true as const }),
      };
      writes.push({ key, row });
    }
    return writes;
  };
  return { observe };
};

/**
 * The Events the cluster would hold after these journal events (in journal order), each as its last write left it,
 * in the order they were created. The aggregator's "(combined from similar events)" rows (ten distinct messages of
 * one reason within ten minutes) are not reproduced.
 */
export const kubeEventsFor = (events: readonly Event[]): KubeEventRow[] => {
  const correlator = kubeEventCorrelator(events);
  const rows = new Map<string, KubeEventRow>();
  for (const e of events) for (const { key, row } of correlator.observe(e)) rows.set(key, row);
  return [...rows.values()];
};

/** The Events describe shows for a pod: those whose involved object is this pod (`searchEvents` by name, namespace, uid). */
export const eventsOfPod = (rows: readonly KubeEventRow[], pod: { readonly metadata: { readonly name?: string; readonly namespace?: string; readonly uid?: string } }): KubeEventRow[] =>
  rows.filter(
    (r) =>
      r.involvedObject.name === pod.metadata.name &&
      r.involvedObject.namespace === (pod.metadata.namespace ?? 'default') &&
      (pod.metadata.uid === undefined || r.involvedObject.uid === pod.metadata.uid),
  );

/** kube-apiserver's `--event-ttl` default (cmd/kube-apiserver/app/options/options.go :: NewServerRunOptions: `EventTTL: 1 * time.Hour`). */
export const DEFAULT_EVENT_TTL_MS = 3_600_000;

/**
 * Whether the API server still holds an Event at `now`: each write of an Event (its creation, every count or series
 * update) stores it with a lease of `--event-ttl` (pkg/registry/core/event/storage/storage.go :: NewREST, TTLFunc
 * returns the ttl for create and update alike; etcd3 store.go puts the key with the lease anew), so an Event is
 * gone once its last write, stamped in lastTimestamp (or the series' lastObservedTime), is older than the ttl. The
 * lease manager may hand out a shared lease up to 60 s longer (lease_manager.go :: GetLease, reuse of min(5 %, 60 s)),
 * so the real removal comes in [ttl, ttl + 60 s]: an Event is listed until its ttl is over, not beyond. A ttl of 0
 * keeps every Event (no lease, as the API server stores it with `--event-ttl 0`).
 */
export const heldAt =
  (now: Date, ttlMs: number) =>
  (r: KubeEventRow): boolean =>
    ttlMs <= 0 || Date.parse(r.lastTimestamp) + ttlMs >= now.getTime();
