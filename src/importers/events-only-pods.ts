/**
 * Pods known only from their Events (issue 11 class 6): the Events name a pod (namespace, name, uid) whose
 * object no source captured and the journal does not hold. Without a `PodCreated` nothing would fold, so the
 * pod would be invisible although its Events say what happened to it. It gets one `PodCreated`, inferred and
 * marked so: at its first Event, with the containers and images the Events name, the API server's defaults
 * for the rest, and the annotation `INFERRED_ANNOTATION` that describe shows and `get` points out.
 *
 * What the Events say of its end is kept too: its owner's `SuccessfulDelete` naming it, or the kubelet's
 * `Killing` of a container with the deletion's message (`Stopping container`), means the pod was deleted
 * by then. It gets one inferred `PodDeletionRequested` at the first of those, so it shows `Terminating` from
 * then on (kubectl's printPod), never `Running` as if nothing had happened. A pod the kubelet found past its
 * active deadline (its `DeadlineExceeded` Event) has its containers stopped with that message too, undeleted.
 */
import { derivedProvenance, type Event, type PodRef } from '../events/index.js';
import type { Container, V1Pod } from '../k8s/pod.js';
import { envelopeAt } from './build.js';
import type { Imported } from './imported.js';
import { INFERRED_ANNOTATION, INFERRED_FROM_EVENTS, isKnownOnlyFromEvents } from '../k8s/inferred-annotation.js';
import { listsOf, removalByList, type PodList } from './listed-pods.js';

interface Seen {
  readonly pod: PodRef;
  first: Event['at'];
  last: Event['at'];
  /** Container names in the order the Events first name them, with the image an Event names, if any. */
  readonly containers: Map<string, string | undefined>;
  /** Its owner's deletion naming it. */
  deleted?: Imported;
  /** The first container stopped with the deletion's message. */
  stopped?: Imported;
  /** When the kubelet found it past its active deadline: containers stopped from then on stop for that. */
  pastDeadlineAt?: Event['at'];
}

const imageOf = (e: Event): string | undefined => ('image' in e && typeof e.image === 'string' && e.image !== '' ? e.image : undefined);

const manifestOf = (s: Seen): V1Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: s.pod.name,
    namespace: s.pod.namespace,
    uid: s.pod.uid,
    annotations: { [INFERRED_ANNOTATION]: INFERRED_FROM_EVENTS },
  },
  spec: {
    containers: [...s.containers].map(([name, image]): Container => ({ name, ...(image !== undefined && { image }) })),
    restartPolicy: 'Always',
  },
});

/** A deletion a controller's Event names by pod name only (`kube-events.ts`). */
const byNameOnly = (i: Imported): boolean => i.event.type === 'PodDeletionRequested' && i.event.pod.uid === '';

const earlier = (a: Imported | undefined, b: Imported): Imported => (a === undefined || b.event.at < a.event.at ? b : a);

/**
 * The first sign that the pod was deleted: its owner's deletion, or a container stopped for it. A stop at or
 * after the deadline is that of a finished pod (`SyncTerminatingPod` once `SyncPod` returned terminal).
 */
const deletionSign = (s: Seen): Imported | undefined => {
  const stop = s.stopped !== undefined && (s.pastDeadlineAt === undefined || s.stopped.event.at < s.pastDeadlineAt) ? s.stopped : undefined;
  return stop === undefined ? s.deleted : earlier(s.deleted, stop);
};

/** The deletion the Events show, at `at`, with the grace the pod's own (`fillUnstated`). */
const deletionOf = (s: Seen, at: Event['at'], from: Event['from']): Imported => ({
  event: { type: 'PodDeletionRequested', ...envelopeAt(at < s.first ? s.first : at, 'api'), pod: s.pod, gracePeriodSeconds: 0, ...derivedProvenance(from) },
  origin: 'events',
  certainty: 'inferred',
  graceUnknown: true,
});

/**
 * The removals the lists show of the pods the journal holds as known only from their Events (imported before), whose
 * object neither the journal nor this import holds: from their creation to their last fact the journal holds.
 */
const heldRemovedByList = (imported: readonly Imported[], known: readonly Event[], lists: readonly PodList[]): Imported[] => {
  if (lists.length === 0) return [];
  const objects = new Set<string>();
  for (const e of [...known, ...imported.map((i) => i.event)]) if (e.type === 'PodCreated' && !isKnownOnlyFromEvents(e.manifest)) objects.add(e.pod.uid);
  const held = new Map<string, { readonly pod: PodRef; readonly first: Event['at']; last: Event['at'] }>();
  for (const e of known) {
    if (!('pod' in e)) continue;
    const pod = held.get(e.pod.uid);
    if (pod !== undefined && e.at > pod.last) pod.last = e.at;
    if (pod === undefined && e.type === 'PodCreated' && isKnownOnlyFromEvents(e.manifest) && !objects.has(e.pod.uid)) held.set(e.pod.uid, { pod: e.pod, first: e.at, last: e.at });
  }
  return [...held.values()].flatMap((p) => removalByList(lists, p.pod, p.first, p.last));
};

/**
 * The imported facts with, for each pod the Events (and only they) name, neither among `imported` nor
 * `known`: its `PodCreated`, its deletion when the Events show one, and its removal when a list of its
 * namespace taken after its first Event lacks it. Deletions named by pod name only
 * go to such a pod; any other pod's object records its own deletion, so they are dropped.
 */
export const withPodsKnownOnlyFromEvents = (imported: readonly Imported[], known: readonly Event[]): Imported[] => {
  const created = new Set<string>();
  for (const e of known) if (e.type === 'PodCreated') created.add(e.pod.uid);
  for (const i of imported) if (i.event.type === 'PodCreated') created.add(i.event.pod.uid);
  const seen = new Map<string, Seen>();
  for (const item of imported) {
    const { event, origin } = item;
    if (origin !== 'events' || !('pod' in event) || event.pod.uid === '' || created.has(event.pod.uid)) continue;
    const s = seen.get(event.pod.uid) ?? { pod: event.pod, first: event.at, last: event.at, containers: new Map<string, string | undefined>() };
    if (event.at < s.first) s.first = event.at;
    if (event.at > s.last) s.last = event.at;
    if ('container' in event) s.containers.set(event.container, imageOf(event) ?? s.containers.get(event.container));
    if (event.type === 'ContainerKilling' && event.reason === 'PodDeleted') s.stopped = earlier(s.stopped, item);
    if (event.type === 'PodDeadlineExceeded' && (s.pastDeadlineAt === undefined || event.at < s.pastDeadlineAt)) s.pastDeadlineAt = event.at;
    seen.set(event.pod.uid, s);
  }
  const byName = new Map([...seen.values()].map((s) => [`${s.pod.namespace}/${s.pod.name}`, s]));
  for (const item of imported) {
    if (!byNameOnly(item)) continue;
    const s = 'pod' in item.event ? byName.get(`${item.event.pod.namespace}/${item.event.pod.name}`) : undefined;
    if (s !== undefined) s.deleted = earlier(s.deleted, item);
  }
  const lists = listsOf([...known, ...imported.map((i) => i.event)]);
  const inferred = [...seen.values()].flatMap((s): Imported[] => {
    const deleted = deletionSign(s);
    return [
      { event: { type: 'PodCreated', ...envelopeAt(s.first, 'api'), pod: s.pod, manifest: manifestOf(s) }, origin: 'events', certainty: 'inferred' },
      ...(deleted === undefined ? [] : [deletionOf(s, deleted.event.at, deleted.event.from)]),
      ...removalByList(lists, s.pod, s.first, s.last),
    ];
  });
  return [...imported.filter((i) => !byNameOnly(i)), ...inferred, ...heldRemovedByList(imported, known, lists)];
};
