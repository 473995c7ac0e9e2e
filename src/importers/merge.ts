/**
 * Several sources into one sequence in valid-time order with no fact twice (see `fact-identity.ts`), each
 * container run coherent (`instances.ts`), and what Event objects leave out filled in (`unstated.ts`).
 */
import { withoutSuperseded, type Event, type EventType } from '../events/index.js';
import { containerKeyOf, subjectKeyOf } from './build.js';
import { capturesInStreamOrder } from './capture-order.js';
import { betterRecord, factKey, isBackOff, isStatusBackOff } from './fact-identity.js';
import type { Imported } from './imported.js';
import { numberRuns, recordedIds, settleInstances } from './instances.js';
import { placeRunsOnCurve } from './runs-on-curve.js';
import { fillUnstated } from './unstated.js';
import { reread, rerecordedContainers, supersede, supersessionMarkers } from './supersede.js';
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
  // stamped before the records it supersedes: in their second, before every other fact
  RecordsSuperseded: 0,
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
 * A back-off read off a status ("waiting: CrashLoopBackOff") and the Event objects reporting the same wait: when
 * Events (or the journal) report back-off between the same two starts of the container, the status's one is that
 * same wait. It stands for one of the Events' reports of that wait, placed: the status says the container waited
 * then, where the placed report is only spread over the wait (the k3s bundle's backend-api, captured waiting
 * `CrashLoopBackOff` at 20:53:31, 4 s after its exit, where the Events' next report was placed at 20:53:36). A
 * placed one of that wait, else the latest placed one of the container (the Event's recorded first and last keep
 * their times); without one, the status's is dropped for the recorded reports of its wait (and a status's one the
 * journal holds stands for one of them): the waits are counted as often as the Event says.
 */
const subsumes = (i: Imported): boolean => i.origin === 'events' || i.origin === 'journal';

/** A back-off the journal holds from a status: inferred, and not an occurrence of an Event. */
const heldFromStatus = (i: Imported): boolean => i.origin === 'journal' && isStatusBackOff(i);

/**
 * The Events' back-off reports that a status back-off stands for (`dropped`, indices), the status back-offs of this
 * import that stand for one (`standing`), and the reports the journal holds that one stands for (`held`: the Events
 * were imported before the pod objects, and the merge supersedes them).
 */
const reportsHeld = (items: readonly Imported[], windows: readonly string[]): { readonly dropped: Set<number>; readonly standing: Set<number> } => {
  const windowOf = (n: number): string => `${items[n]?.event.type ?? ''}|${windows[n] ?? ''}`;
  const dropped = new Set<number>();
  const standing = new Set<number>();
  const isReport = (i: Imported): boolean => isBackOff(i) && (i.origin === 'events' || (i.origin === 'journal' && !heldFromStatus(i)));
  const placedReport = (i: Imported): boolean => (i.origin === 'journal' ? i.event.from?.inferred === true : i.certainty !== 'exact');
  const reports = items.map((i, n) => ({ i, n })).filter(({ i }) => isReport(i));
  // containers whose status's back-off the journal holds: it stands for one of the reports already (the objects again)
  const heldStatus = new Set(items.flatMap((i) => (heldFromStatus(i) ? [containerKey(i.event) ?? ''] : [])));
  items.forEach((i, n) => {
    if (!isStatusBackOff(i)) return;
    // a status's back-off the journal holds stands for one of this import's reports; this import's, for any
    const journalReports = !heldFromStatus(i) && !heldStatus.has(containerKey(i.event) ?? '');
    const mine = reports.filter(
      (r) => !dropped.has(r.n) && (r.i.origin === 'events' || journalReports) && r.i.event.type === i.event.type && containerKey(r.i.event) === containerKey(i.event),
    );
    const placed = mine.filter((r) => placedReport(r.i));
    const pick = placed.find((r) => windowOf(r.n) === windowOf(n)) ?? placed.at(-1) ?? (heldFromStatus(i) ? mine.find((r) => windowOf(r.n) === windowOf(n)) : undefined);
    if (pick === undefined) return;
    dropped.add(pick.n);
    standing.add(n);
  });
  return { dropped, standing };
};

/** The merged facts without the back-offs reports stand for, and the journal's reports a status's back-off stands for. */
const dropSubsumedBackOffs = (items: readonly Imported[]): { readonly kept: Imported[]; readonly heldDropped: Imported[] } => {
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
  const { dropped, standing } = reportsHeld(items, windows);
  return {
    kept: items.filter((i, n) => !dropped.has(n) && (subsumes(i) || standing.has(n) || !withEvents.has(`${i.event.type}|${windows[n] ?? ''}`))),
    heldDropped: items.filter((i, n) => dropped.has(n) && i.origin === 'journal'),
  };
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
  // What the journal holds, without the records an earlier import superseded, in time order: runs are numbered in
  // the order their ids first show (a run's better record, appended by a later import, comes late in the journal).
  const held = numberRuns([...withoutSuperseded(known)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));
  // Runs are placed from this import's own facts alone, so that importing the same files again places them
  // the same way and every fact meets its earlier record in the journal.
  // Containers whose back-offs the journal holds as reported by Events: those reports say how often it waited.
  const reported = new Set(held.flatMap((i) => (isBackOff(i) && !heldFromStatus(i) ? [containerKey(i.event) ?? ''] : [])));
  const own = eachFactOnce(inputs);
  // Containers whose runs this import's Events record where the journal holds them placed: placed again, with the journal's records.
  const rerecorded = rerecordedContainers(held, own);
  const placed = placeRunsOnCurve(rerecorded.size === 0 ? own : eachFactOnce([...reread(held, own, rerecorded), ...own]), reported);
  const { journal, superseded } = supersede(held, placed, rerecorded);
  const ranked = eachFactOnce([...journal, ...placed]).map((item, order) => ({ item, order }));
  const sorted = inTimeOrder(inRunOrder(capturesInStreamOrder(ranked.sort(causal).map((r) => r.item), (i) => tieRank[i.event.type])));
  const { kept, heldDropped } = dropSubsumedBackOffs(settleInstances(succeedNames(sorted), recordedIds([...journal, ...inputs])));
  const merged = fillUnstated(kept)
    .filter((i) => i.origin !== 'journal')
    .map(markInferred);
  // the journal's own record of each (the merge may have moved a record's time inside its second)
  const heldByKey = new Map(journal.map((i) => [factKey(i), i]));
  const reportsStoodFor = heldDropped.flatMap((i) => {
    const record = heldByKey.get(factKey(i));
    return record === undefined ? [] : [{ held: record }];
  });
  const markers = supersessionMarkers([...superseded, ...reportsStoodFor], held);
  return markers.length === 0 ? merged : withMarkers(merged, markers);
};

/** `events` in time order with each marker before the first event not earlier than it. */
const withMarkers = (events: readonly Event[], markers: readonly Event[]): Event[] => {
  const out: Event[] = [];
  const waiting = [...markers].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const e of events) {
    while (waiting.length > 0 && (waiting[0]?.at ?? e.at) <= e.at) out.push(waiting.shift() as Event);
    out.push(e);
  }
  return [...out, ...waiting];
};
