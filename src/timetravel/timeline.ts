/** Timelines: each event that changed a pod, with the changes it made, folded one event at a time. */
import type { Event } from '../events/index.js';
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
  /** The pod after the event; absent once it is removed. */
  readonly after?: V1Pod;
}

type Sequenced = { readonly event: Event; readonly seq?: number };

/**
 * Entries for the pod events among `events`, in order; events that change nothing visible are left out.
 * `from` holds the pods' states before the first event (empty: they start from nothing).
 */
export function* timelineOf(events: Iterable<Sequenced>, from: ReadonlyMap<string, PodState> = new Map()): Generator<TimelineEntry> {
  yield* timelineSteps(events, new Map(from));
}

/** As `timelineOf` over pages of records (a journal's stream), one fold across the pages. */
export async function* timelineOfPages(pages: AsyncIterable<readonly Sequenced[]>): AsyncGenerator<TimelineEntry> {
  const pods = new Map<string, PodState>();
  for await (const page of pages) yield* timelineSteps(page, pods);
}

/** The timeline of `events`, folding them onto `pods` (updated in place). */
function* timelineSteps(events: Iterable<Sequenced>, pods: Map<string, PodState>): Generator<TimelineEntry> {
  for (const { event, seq } of events) {
    if (!('pod' in event)) continue;
    const before = pods.get(event.pod.uid);
    const after = reducePod(before, event);
    if (after === undefined) pods.delete(event.pod.uid);
    else pods.set(event.pod.uid, after);
    const changes = podChanges(before?.pod, after?.pod, new Date(msOf(event.at)));
    if (changes.length === 0) continue;
    yield {
      at: event.at,
      pod: `${event.pod.namespace}/${event.pod.name}`,
      changes,
      cause: event,
      ...(seq === undefined ? {} : { seq }),
      ...(after === undefined ? {} : { after: after.pod }),
    };
  }
}
