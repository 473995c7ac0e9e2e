/**
 * Kubernetes Events (core/v1 and events.k8s.io/v1; single, List, or watch stream) as journal events:
 * each occurrence of a pod's Event, count expanded (`expand.ts`), mapped by reason (`event-reasons.ts`).
 * Events about other objects (ReplicaSets, Deployments, nodes) are counted, not imported, but for a controller's
 * `SuccessfulDelete` naming the pod it deleted.
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  CORE_TIME_FIELDS,
  CoreV1Event,
  EVENTS_V1_TIME_FIELDS,
  EventsV1Event,
  type ObjectReference,
  type Occurrences,
  occurrencesOfCore,
  occurrencesOfEventsV1,
} from './codecs/kube-event.js';
import { ObjectList, WatchEvent } from './codecs/watch.js';
import { envelopeAt, isRecord } from './build.js';
import { decodeAt } from './decode.js';
import { eventOfReason, podDeletedBy } from './event-reasons.js';
import { expandCount, type Seen } from './expand.js';
import { type Converted, type Imported, concatConverted, converted, ignoredOnly } from './imported.js';

/**
 * Created and Started occurrences number the container's runs: the k-th is run k (from 0). So do Pulled
 * ones (the kubelet ensures the image before each start, `EnsureImageExists`): the k-th is before run k.
 */
const countsRuns = new Set(['Created', 'Started', 'Pulled']);

/** Per Event object of one file: how many occurrences were imported already, and the last one's time. */
export type EventTracker = Map<string, Seen>;

const convertOccurrences = (tracker: EventTracker, o: Occurrences): E.Either<string, Converted> => {
  const { namespace, name, uid } = o.regarding;
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
    // An occurrence placed between the recorded first and last is known by its Event and its number; each
    // carries the Event as recorded, which the printers show in place of v1.36's words.
    const occurrence = occ.certainty === 'exact' ? undefined : `${o.recorded.object}#${occ.index}`;
    events.push({
      event: { ...r.event, from: { ...(occurrence !== undefined && { occurrence }), recorded: o.recorded } },
      origin: 'events',
      certainty: occ.certainty,
      ...(countsRuns.has(o.reason) && { instance: occ.index }),
      ...(r.delayUnknown === true && { delayUnknown: true }),
      ...(r.graceUnknown === true && { graceUnknown: true }),
    });
  }
  return E.right({ events, ignored });
};

/**
 * A controller deleted a pod it names: a deletion request of that pod, known by name only (the Event is about
 * the controller). Only a pod known from its Events alone takes it (`events-only-pods.ts`); the controller
 * deletes with the pod's own grace, not stated here.
 */
const controllerDeletion = (o: Occurrences): Imported | undefined => {
  const name = podDeletedBy(o.reason, o.message);
  if (name === undefined) return undefined;
  const pod = { namespace: o.regarding.namespace ?? 'default', name, uid: '' };
  return { event: { type: 'PodDeletionRequested', ...envelopeAt(o.first, 'controller'), pod, gracePeriodSeconds: 0 }, origin: 'events', certainty: 'inferred', graceUnknown: true };
};

/** One Event as read: the object it is about, its occurrences (undefined when it has no time), and its time fields' names. */
interface Read {
  readonly regarding: ObjectReference | undefined;
  readonly occurrences: Occurrences | undefined;
  readonly timeFields: string;
}

const readEvent = (u: unknown, prefix: string): E.Either<string, Read> =>
  isRecord(u) && (u['apiVersion'] === 'events.k8s.io/v1' || 'regarding' in u)
    ? pipe(
        decodeAt(EventsV1Event, prefix)(u),
        E.map((e) => ({ regarding: e.regarding, occurrences: occurrencesOfEventsV1(e), timeFields: EVENTS_V1_TIME_FIELDS })),
      )
    : pipe(
        decodeAt(CoreV1Event, prefix)(u),
        E.map((e) => ({ regarding: e.involvedObject, occurrences: occurrencesOfCore(e), timeFields: CORE_TIME_FIELDS })),
      );

/** Events about other objects are counted and skipped before anything else is asked of them (a time, a uid). */
const convertOne = (tracker: EventTracker, u: unknown, prefix: string): E.Either<string, Converted> =>
  pipe(
    readEvent(u, prefix),
    E.chain(({ regarding, occurrences, timeFields }) => {
      if (regarding?.kind !== 'Pod') {
        const deleted = occurrences === undefined ? undefined : controllerDeletion(occurrences);
        return E.right(deleted === undefined ? ignoredOnly(`Events about ${regarding?.kind ?? 'no object'}`) : converted([deleted]));
      }
      if (occurrences === undefined) {
        const first = timeFields.split(', ')[0] ?? '';
        return E.left(`${prefix === '' ? '' : `${prefix}.`}${first}: is required (none of ${timeFields} is given: the Event has no time)`);
      }
      return convertOccurrences(tracker, occurrences);
    }),
  );

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
