/**
 * Several sources into one sequence in valid-time order with no fact twice (see `fact-identity.ts`), each
 * container run coherent (`instances.ts`), and what Event objects leave out filled in (`unstated.ts`).
 */
import type { Event, EventType } from '../events/index.js';
import { containerKeyOf, subjectKeyOf } from './build.js';
import { capturesInStreamOrder } from './capture-order.js';
import { betterRecord, factKey, isBackOff, isStatusBackOff } from './fact-identity.js';
import type { Imported } from './imported.js';
import { numberRuns, recordedIds, settleInstances } from './instances.js';
import { placeRunsOnCurve } from './runs-on-curve.js';
import { fillUnstated } from './unstated.js';
import { succeedNames } from './succession.js';
import { secondOf } from './time.js';
import { reorderedWithinSeconds } from './within-seconds.js';

/** Order of facts stamped with the same instant: cause before effect in a pod's life. */
const tieRank: Readonly<Record<EventType, number>> = {
  NodeRegistered: 0,
  NodeConditionChanged: 1,
  KubeletStopped: 1,
  EvictionThresholdMet: 1,
  PodCreated: 2,
  PodWriteRejected: 3,
  PodMetadataUpdated: 4,
  PodEphemeralContainersUpdated: 4,
  PodUnschedulable: 5,
  PodBound: 6,
  PodAdmitted: 7,
  PodRejected: 8,
  SandboxCreated: 9,
  PodIPAssigned: 9,
  ImagePulling: 10,
  ImagePullFailed: 11,
  ImagePullBackOff: 12,
  ImagePulled: 13,
  ContainerCreated: 14,
  ContainerStartFailed: 15,
  ContainerWaiting: 15,
  ContainerStarted: 16,
  PostStartHookFailed: 17,
  PostStartHookSucceeded: 18,
  ProbeExecuted: 19,
  ProbeResultChanged: 20,
  ContainerUsageSampled: 21,
  PodConditionSet: 22,
  PodEvicted: 23,
  PodDeadlineExceeded: 23,
  PodNodeLost: 24,
  PodDeletionRequested: 25,
  ContainerKilling: 26,
  PodKillTimedOut: 26,
  ContainerExited: 27,
  ContainerRemoved: 27,
  ContainerBackOff: 28,
  // An imported publication shows the facts of its object, the exits of that second included.
  PodSynced: 29,
  // A capture sees every fact of its instant.
  PodObserved: 30,
  PodRemoved: 31,
};

/** An event's rank among facts at the same instant: cause before effect. */
export const tieRankOf = (e: Event): number => tieRank[e.type];

const containerKey = (e: Event): string | undefined => ('container' in e ? containerKeyOf(e) : undefined);

interface Ranked {
  readonly item: Imported;
  readonly order: number;
}

/**
 * Causal order within each whole second. Kubernetes stamps most facts with whole seconds, truncated: a fact
 * at `…:05Z` happened somewhere in `[…:05, …:06)`, so it may follow a fact at `…:05.131Z` from an audit
 * line. Within one second, facts go in cause-before-effect order (the tie rank); across seconds, in time
 * order. Runs of one container are then put in run order (`inRunOrder`): folding that into this comparison
 * would make it intransitive (an exit of run 4 before run 5's creation, another container's start between).
 */
const causal = (a: Ranked, b: Ranked): number => {
  const x = a.item;
  const y = b.item;
  const bySecond = secondOf(x.event.at) - secondOf(y.event.at);
  if (bySecond !== 0) return bySecond;
  return tieRank[x.event.type] - tieRank[y.event.type] || (x.event.at < y.event.at ? -1 : x.event.at > y.event.at ? 1 : 0) || a.order - b.order;
};

/** Within each whole second, each container's run facts re-dealt over their own places in run order. */
const inRunOrder = (sorted: readonly Imported[]): Imported[] =>
  reorderedWithinSeconds(
    sorted,
    (item) => (item.instance === undefined ? undefined : containerKey(item.event)),
    (items) => items.map((item, i) => ({ item, i })).sort((a, b) => (a.item.instance ?? 0) - (b.item.instance ?? 0) || a.i - b.i).map((r) => r.item),
  );

/**
 * Valid-time order that keeps each subject's causal order: within a second, a subject's fact stamped
 * earlier than the fact it follows is moved up to that fact's instant (still inside its truncated second),
 * then everything is ordered by time, stably.
 */
const inTimeOrder = (causallySorted: readonly Imported[]): Imported[] => {
  const lastAt = new Map<string, Event['at']>();
  const raised = causallySorted.map((item) => {
    const key = subjectKeyOf(item.event);
    const before = lastAt.get(key);
    const moved = before !== undefined && before > item.event.at && secondOf(before) === secondOf(item.event.at);
    const at = moved ? before : item.event.at;
    lastAt.set(key, at);
    return moved ? { ...item, event: { ...item.event, at } } : item;
  });
  return raised
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (a.item.event.at < b.item.event.at ? -1 : a.item.event.at > b.item.event.at ? 1 : a.order - b.order))
    .map((r) => r.item);
};

/**
 * A back-off read off a status ("waiting: CrashLoopBackOff") says less than the Event objects reporting
 * the same wait: when Events (or the journal) report back-off between the same two starts of the
 * container, the status's one is that same wait and is dropped. When the journal already holds the status's
 * one (the pod objects were imported before their Events), it stands for one of the Events' reports of that
 * wait: a placed one of that wait, else the latest placed one of the container (the Event's recorded first and
 * last keep their times), else a recorded one: the waits are counted as often as the Event says.
 */
const subsumes = (i: Imported): boolean => i.origin === 'events' || i.origin === 'journal';

/** A back-off the journal holds from a status: inferred, and not a placed occurrence of an Event. */
const heldFromStatus = (i: Imported): boolean => i.origin === 'journal' && isStatusBackOff(i);

/** The Events' back-off reports that a status back-off held by the journal already stands for (indices). */
const reportsHeld = (items: readonly Imported[], windows: readonly string[]): Set<number> => {
  const windowOf = (n: number): string => `${items[n]?.event.type ?? ''}|${windows[n] ?? ''}`;
  const dropped = new Set<number>();
  const reports = items.map((i, n) => ({ i, n })).filter(({ i }) => i.origin === 'events' && isBackOff(i));
  items.forEach((i, n) => {
    if (!heldFromStatus(i)) return;
    const mine = reports.filter((r) => !dropped.has(r.n) && r.i.event.type === i.event.type && containerKey(r.i.event) === containerKey(i.event));
    const placed = mine.filter((r) => r.i.certainty !== 'exact');
    const pick =
      placed.find((r) => windowOf(r.n) === windowOf(n)) ?? placed.at(-1) ?? mine.find((r) => windowOf(r.n) === windowOf(n));
    if (pick !== undefined) dropped.add(pick.n);
  });
  return dropped;
};

const dropSubsumedBackOffs = (items: readonly Imported[]): Imported[] => {
  const window = new Map<string, number>();
  const windowOf = (i: Imported): string => {
    const key = containerKey(i.event) ?? '';
    return `${key}#${window.get(key) ?? 0}`;
  };
  const withEvents = new Set<string>();
  const windows = items.map((i) => {
    const key = containerKey(i.event);
    if (key !== undefined && (i.event.type === 'ContainerStarted' || i.event.type === 'ImagePulled')) window.set(key, (window.get(key) ?? 0) + 1);
    const w = windowOf(i);
    if (subsumes(i) && (i.event.type === 'ContainerBackOff' || i.event.type === 'ImagePullBackOff')) withEvents.add(`${i.event.type}|${w}`);
    return w;
  });
  const held = reportsHeld(items, windows);
  return items.filter((i, n) => !held.has(n) && (subsumes(i) || !withEvents.has(`${i.event.type}|${windows[n] ?? ''}`)));
};

/** An event whose time (or whose very occurrence) the source did not record says so in its provenance. */
const markInferred = ({ event, certainty }: Imported): Event =>
  certainty === 'exact' ? event : { ...event, from: { ...event.from, inferred: true } };

/**
 * `kept`, carrying the Event the cluster recorded for this fact when only `other` was read from it: a pod object's
 * record of a start is the better one, the kubelet's `Started` Event still says how the cluster worded it. What the
 * journal holds stays as it is.
 */
const keepingRecordedEvent = (kept: Imported, other: Imported): Imported => {
  const recorded = other.event.from?.recorded;
  if (recorded === undefined || kept.origin === 'journal' || kept.event.from?.recorded !== undefined) return kept;
  return { ...kept, event: { ...kept.event, from: { ...kept.event.from, recorded } } };
};

/**
 * One sequence, in valid-time order, each fact once, from any number of converted sources. `known` is what
 * the journal already holds: it takes part in the merge (its records of a fact win) but is not returned,
 * so only new facts come back.
 */
/** Each fact once (its best record), in first-seen order. */
const eachFactOnce = (items: readonly Imported[]): Imported[] => {
  const best = new Map<string, Ranked>();
  items.forEach((item, order) => {
    const key = factKey(item);
    const held = best.get(key);
    if (held === undefined) best.set(key, { item, order });
    else if (betterRecord(item, held.item) < 0) best.set(key, { item: keepingRecordedEvent(item, held.item), order: held.order });
    else best.set(key, { item: keepingRecordedEvent(held.item, item), order: held.order });
  });
  return [...best.values()].sort((a, b) => a.order - b.order).map((r) => r.item);
};

export const mergeImported = (inputs: readonly Imported[], known: readonly Event[] = []): Event[] => {
  const journal = numberRuns(known);
  // Runs are placed from this import's own facts alone, so that importing the same files again places them
  // the same way and every fact meets its earlier record in the journal.
  // Containers whose back-offs the journal holds as reported by Events: those reports say how often it waited.
  const reported = new Set(journal.flatMap((i) => (isBackOff(i) && !heldFromStatus(i) ? [containerKey(i.event) ?? ''] : [])));
  const placed = placeRunsOnCurve(eachFactOnce(inputs), reported);
  const ranked = eachFactOnce([...journal, ...placed]).map((item, order) => ({ item, order }));
  const sorted = inTimeOrder(inRunOrder(capturesInStreamOrder(ranked.sort(causal).map((r) => r.item), (i) => tieRank[i.event.type])));
  return fillUnstated(dropSubsumedBackOffs(settleInstances(succeedNames(sorted), recordedIds([...journal, ...inputs]))))
    .filter((i) => i.origin !== 'journal')
    .map(markInferred);
};
