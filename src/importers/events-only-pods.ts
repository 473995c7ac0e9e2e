/**
 * Pods known only from their Events (issue 11 class 6): the Events name a pod (namespace, name, uid) whose
 * object no source captured and the journal does not hold. Without a `PodCreated` nothing would fold, so the
 * pod would be invisible although its Events say what happened to it. It gets one `PodCreated`, inferred and
 * marked so: at its first Event, with the containers and images the Events name, the API server's defaults
 * for the rest, and the annotation `INFERRED_ANNOTATION` that describe shows and `get` points out.
 */
import type { Event, PodRef } from '../events/index.js';
import type { Container, V1Pod } from '../k8s/pod.js';
import { envelopeAt } from './build.js';
import type { Imported } from './imported.js';
import { INFERRED_ANNOTATION, INFERRED_FROM_EVENTS } from './inferred-annotation.js';


interface Seen {
  readonly pod: PodRef;
  first: Event['at'];
  /** Container names in the order the Events first name them, with the image an Event names, if any. */
  readonly containers: Map<string, string | undefined>;
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

/** A `PodCreated` for each pod the Events (and only they) name, neither among `imported` nor `known`. */
export const podsKnownOnlyFromEvents = (imported: readonly Imported[], known: readonly Event[]): Imported[] => {
  const created = new Set<string>();
  for (const e of known) if (e.type === 'PodCreated') created.add(e.pod.uid);
  for (const i of imported) if (i.event.type === 'PodCreated') created.add(i.event.pod.uid);
  const seen = new Map<string, Seen>();
  for (const { event, origin } of imported) {
    if (origin !== 'events' || !('pod' in event) || event.pod.uid === '' || created.has(event.pod.uid)) continue;
    const s = seen.get(event.pod.uid) ?? { pod: event.pod, first: event.at, containers: new Map<string, string | undefined>() };
    if (event.at < s.first) s.first = event.at;
    if ('container' in event) s.containers.set(event.container, imageOf(event) ?? s.containers.get(event.container));
    seen.set(event.pod.uid, s);
  }
  return [...seen.values()].map((s) => ({
    event: { type: 'PodCreated', ...envelopeAt(s.first, 'api'), pod: s.pod, manifest: manifestOf(s) },
    origin: 'events',
    certainty: 'inferred',
  }));
};
