/** Timelines: each event that changed a pod, with the changes it made, folded one event at a time. */
import type { Event, PodEvent } from '../events/index.js';
import { msOf, type Instant } from '../k8s/codecs.js';
import type { V1Pod } from '../k8s/pod.js';
import { reducePod, type PodState } from '../reducers/index.js';
import { podChanges, type PodChange } from './pod-changes.js';

export interface TimelineEntry {
  readonly at: Instant;
  readonly pod: string;
  readonly changes: readonly PodChange[];
  /** The event that made the changes. */
  readonly cause: Event;
  readonly seq?: number;
  /**
   * When the cause is a kubelet sync: what the kubelet learnt since it last published, which the sync made
   * visible (`observed.ts` says which explains which change).
   */
  readonly observed?: readonly Sequenced[];
  /** The pod after the event; absent once it is removed. */
  readonly after?: V1Pod;
}

export type Sequenced = { readonly event: Event; readonly seq?: number };

/**
 * Entries for the pod events among `events`, in order; events that change nothing visible are left out.
 * `from` holds the pods' states before the first event (empty: they start from nothing).
 */
export function* timelineOf(events: Iterable<Sequenced>, from: ReadonlyMap<string, PodState> = new Map()): Generator<TimelineEntry> {
  yield* timelineSteps(events, new Map(from), new Map());
}

/** A pod event folded: the pod's state after it (undefined once removed), visible change or not. */
export type OnFolded = (event: PodEvent, after: PodState | undefined) => void;

/**
 * As `timelineOf` over pages of records (a journal's stream), one fold across the pages; `onFolded` sees every
 * pod event's state, also those that change nothing visible (a capture moves only the pod's provenance).
 */
export async function* timelineOfPages(pages: AsyncIterable<readonly Sequenced[]>, onFolded?: OnFolded): AsyncGenerator<TimelineEntry> {
  const pods = new Map<string, PodState>();
  const unpublished = new Map<string, Sequenced[]>();
  for await (const page of pages) yield* timelineSteps(page, pods, unpublished, onFolded);
}

/** A kubelet sync publishes what the kubelet learnt since the last one (a probe result publishes only itself). */
const publishes = (e: Event): boolean => e.type === 'PodSynced';

/**
 * The timeline of `events`, folding them onto `pods` (updated in place); `unpublished` keeps, per pod, the
 * events the kubelet learnt that nobody sees until its next sync publishes them.
 */
function* timelineSteps(events: Iterable<Sequenced>, pods: Map<string, PodState>, unpublished: Map<string, Sequenced[]>, onFolded?: OnFolded): Generator<TimelineEntry> {
  for (const step of events) {
    const { event, seq } = step;
    if (!('pod' in event)) continue;
    const uid = event.pod.uid;
    const before = pods.get(uid);
    const after = reducePod(before, event);
    if (after === undefined) {
      pods.delete(uid);
      unpublished.delete(uid);
    } else pods.set(uid, after);
    onFolded?.(event, after);
    const changes = podChanges(before?.pod, after?.pod, new Date(msOf(event.at)));
    if (changes.length === 0) {
      if (after !== undefined && after !== before) unpublished.set(uid, [...(unpublished.get(uid) ?? []), step]);
      continue;
    }
    const observed = publishes(event) ? unpublished.get(uid) : undefined;
    if (publishes(event)) unpublished.delete(uid);
    yield {
      at: event.at,
      pod: `${event.pod.namespace}/${event.pod.name}`,
      changes,
      cause: event,
      ...(seq === undefined ? {} : { seq }),
      ...(observed === undefined ? {} : { observed }),
      ...(after === undefined ? {} : { after: after.pod }),
    };
  }
}
