/**
 * Kubernetes Events (core/v1 and events.k8s.io/v1; single, List, or watch stream) as journal events:
 * each occurrence of a pod's Event, count expanded (`expand.ts`), mapped by reason (`event-reasons.ts`).
 * Events about other objects (ReplicaSets, Deployments, nodes) are counted, not imported.
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { CoreV1Event, EventsV1Event, type Occurrences, occurrencesOfCore, occurrencesOfEventsV1 } from './codecs/kube-event.js';
import { ObjectList, WatchEvent } from './codecs/watch.js';
import { isRecord } from './build.js';
import { decodeAt } from './decode.js';
import { eventOfReason } from './event-reasons.js';
import { expandCount, type Seen } from './expand.js';
import { type Converted, type Imported, concatConverted, ignoredOnly } from './imported.js';

/** Created and Started occurrences number the container's runs: the k-th is run k (from 0). */
const countsRuns = new Set(['Created', 'Started']);

/** Per Event object of one file: how many occurrences were imported already, and the last one's time. */
export type EventTracker = Map<string, Seen>;

export const convertOccurrences = (tracker: EventTracker, o: Occurrences): E.Either<string, Converted> => {
  const { kind, namespace, name, uid } = o.regarding;
  if (kind !== 'Pod') return E.right(ignoredOnly(`Events about ${kind ?? 'unnamed kinds'}`));
  if (uid === undefined || uid === '' || name === undefined) return E.left('involvedObject.uid: is required (pods are told apart by uid)');
  const pod = { namespace: namespace ?? 'default', name, uid };
  const container = /\{(.+)\}$/.exec(o.regarding.fieldPath ?? '')?.[1];
  const events: Imported[] = [];
  const ignored: string[] = [];
  const seen = o.id === undefined ? undefined : tracker.get(o.id);
  if (o.id !== undefined) tracker.set(o.id, { count: Math.max(o.count, seen?.count ?? 0), last: o.last });
  for (const occ of expandCount(o.first, o.last, o.count, seen)) {
    const r = eventOfReason({ pod, container, reason: o.reason, message: o.message, annotations: o.annotations, host: o.host, at: occ.at });
    if (r.kind === 'ignored') {
      ignored.push(r.why);
      continue;
    }
    events.push({
      event: r.event,
      origin: 'events',
      certainty: occ.certainty,
      ...(countsRuns.has(o.reason) && { instance: occ.index }),
      ...(r.delayUnknown === true && { delayUnknown: true }),
      ...(r.graceUnknown === true && { graceUnknown: true }),
    });
  }
  return E.right({ events, ignored });
};

const convertOne = (tracker: EventTracker, u: unknown, prefix: string): E.Either<string, Converted> => {
  const v1 = isRecord(u) && (u['apiVersion'] === 'events.k8s.io/v1' || 'regarding' in u);
  const occurrences: E.Either<string, Occurrences | undefined> = v1
    ? pipe(decodeAt(EventsV1Event, prefix)(u), E.map(occurrencesOfEventsV1))
    : pipe(decodeAt(CoreV1Event, prefix)(u), E.map(occurrencesOfCore));
  return pipe(
    occurrences,
    E.chain((o) => (o === undefined ? E.left(`${prefix === '' ? '' : `${prefix}.`}firstTimestamp: is required (the Event has no time)`) : E.right(o))),
    E.chain((o) => convertOccurrences(tracker, o)),
  );
};

/** One document: an Event, an EventList, or a watch event wrapping an Event. */
export const convertEventDocument = (tracker: EventTracker, doc: unknown): E.Either<string, Converted> => {
  if (isRecord(doc) && 'items' in doc) {
    return pipe(
      decodeAt(ObjectList)(doc),
      E.chain((list) => pipe(list.items.map((item, i) => convertOne(tracker, item, `items[${i}]`)), E.sequenceArray, E.map(concatConverted))),
    );
  }
  if (isRecord(doc) && 'object' in doc && 'type' in doc) {
    return pipe(
      decodeAt(WatchEvent)(doc),
      // A deleted Event object expired; what it recorded still happened.
      E.chain((w) => (w.type === 'BOOKMARK' ? E.right(ignoredOnly('watch bookmarks')) : convertOne(tracker, w.object, 'object'))),
    );
  }
  return convertOne(tracker, doc, '');
};
