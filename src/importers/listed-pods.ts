/**
 * Lists the API server served (`PodObserved.listed`): each the whole set of its namespace's pods at its instant, so a
 * pod known only from its Events that a later list of its namespace lacks was gone by then (issue: the k3s support
 * bundle's kube-system PodList lacks the two pods its ReplicaSets deleted, which stayed `Terminating` for ever).
 */
import { derivedProvenance, type Event, type PodRef } from '../events/index.js';
import { isKnownOnlyFromEvents } from '../k8s/inferred-annotation.js';
import { envelopeAt, subjectKeyOf } from './build.js';
import type { Imported } from './imported.js';

/** One list: the namespaces of its items, their uids, its instant (the latest of its items' captures). */
export interface PodList {
  readonly at: Event['at'];
  readonly namespaces: Set<string>;
  readonly uids: Set<string>;
  readonly from: Event['from'];
}

/** The lists among the captures of `events`, each told apart by its file and line, earliest first. */
export const listsOf = (events: Iterable<Event>): PodList[] => {
  const lists = new Map<string, { at: Event['at']; readonly namespaces: Set<string>; readonly uids: Set<string>; readonly from: Event['from'] }>();
  for (const e of events) {
    if (e.type !== 'PodObserved' || e.listed !== true) continue;
    const key = `${e.from?.file ?? ''}:${e.from?.line ?? ''}`;
    const list = lists.get(key) ?? { at: e.at, namespaces: new Set<string>(), uids: new Set<string>(), from: e.from };
    if (e.at > list.at) list.at = e.at;
    list.namespaces.add(e.pod.namespace);
    list.uids.add(e.pod.uid);
    lists.set(key, list);
  }
  return [...lists.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
};

/**
 * The pod's removal the first list of its namespace that lacks it shows, taken at or after `first` (the pod's first
 * fact): at the list's instant, or at `last` (its last fact) if later, since the API server served the list at or
 * after the latest time its items state. Inferred: no source recorded when.
 */
export const removalByList = (lists: readonly PodList[], pod: PodRef, first: Event['at'], last: Event['at']): Imported[] => {
  const list = lists.find((l) => l.namespaces.has(pod.namespace) && !l.uids.has(pod.uid) && l.at >= first);
  if (list === undefined) return [];
  return [{ event: { type: 'PodRemoved', ...envelopeAt(list.at < last ? last : list.at, 'api'), pod, ...derivedProvenance(list.from) }, origin: 'events', certainty: 'inferred' }];
};

const namespaceKey = (namespace: string): string => `namespace/${namespace}`;

/**
 * The subject keys of an imported fact: its subject's, and its namespace's when the fact is a list's capture or read
 * from an Event (`neededFromJournal` then reads the journal's lists and pods known only from Events there).
 */
export const subjectKeysOf = (i: Imported): string[] => {
  const { event } = i;
  const listing = 'pod' in event && ((event.type === 'PodObserved' && event.listed === true) || i.origin === 'events');
  return listing ? [subjectKeyOf(event), namespaceKey(event.pod.namespace)] : [subjectKeyOf(event)];
};

/**
 * Which of the journal's events (read in order) the merge of facts about `subjects` needs: those about its subjects,
 * and in the namespaces it names, the lists' captures and every event of a pod known only from its Events (from its
 * creation on), so that a list imported after the Events, or before them, still shows such a pod gone.
 */
export const neededFromJournal = (subjects: ReadonlySet<string>): ((e: Event) => boolean) => {
  const eventsOnly = new Set<string>();
  return (e) => {
    if (subjects.has(subjectKeyOf(e))) return true;
    if (!('pod' in e) || !subjects.has(namespaceKey(e.pod.namespace))) return false;
    if (e.type === 'PodCreated' && isKnownOnlyFromEvents(e.manifest)) eventsOnly.add(e.pod.uid);
    return eventsOnly.has(e.pod.uid) || (e.type === 'PodObserved' && e.listed === true);
  };
};
