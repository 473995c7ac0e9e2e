/**
 * Several sources into one sequence in valid-time order with no fact twice (see `fact-identity.ts`), and
 * the back-off details that Event objects leave out filled in with the kubelet's rule.
 */
import type { Event, EventType } from '../events/index.js';
import { betterRecord, factKey } from './fact-identity.js';
import type { Imported } from './imported.js';
import { recordedIds, settleInstances } from './instances.js';
import { plusMs, secondOf } from './time.js';

/** Order of facts stamped with the same instant: cause before effect in a pod's life. */
const tieRank: Readonly<Record<EventType, number>> = {
  NodeRegistered: 0,
  NodeConditionChanged: 1,
  EvictionThresholdMet: 1,
  PodCreated: 2,
  PodWriteRejected: 3,
  PodMetadataUpdated: 4,
  PodUnschedulable: 5,
  PodBound: 6,
  PodAdmitted: 7,
  PodRejected: 8,
  SandboxCreated: 9,
  ImagePulling: 10,
  ImagePullFailed: 11,
  ImagePullBackOff: 12,
  ImagePulled: 13,
  ContainerCreated: 14,
  ContainerStartFailed: 15,
  ContainerStarted: 16,
  PostStartHookFailed: 17,
  PostStartHookSucceeded: 18,
  ProbeExecuted: 19,
  ProbeResultChanged: 20,
  ContainerUsageSampled: 21,
  PodConditionSet: 22,
  PodEvicted: 23,
  PodNodeLost: 24,
  PodDeletionRequested: 25,
  ContainerKilling: 26,
  ContainerExited: 27,
  ContainerBackOff: 28,
  PodRemoved: 29,
};

const containerKey = (e: Event): string | undefined => ('container' in e ? `${e.pod.uid}/${e.container}` : undefined);

interface Ranked {
  readonly item: Imported;
  readonly order: number;
}

/**
 * Causal order within each whole second. Kubernetes stamps most facts with whole seconds, truncated: a fact
 * at `…:05Z` happened somewhere in `[…:05, …:06)`, so it may follow a fact at `…:05.131Z` from an audit
 * line. Within one second, facts go in cause-before-effect order (the tie rank; runs of one container by
 * run number); across seconds, in time order.
 */
const causal = (a: Ranked, b: Ranked): number => {
  const x = a.item;
  const y = b.item;
  const bySecond = secondOf(x.event.at) - secondOf(y.event.at);
  if (bySecond !== 0) return bySecond;
  if (x.instance !== undefined && y.instance !== undefined && x.instance !== y.instance && containerKey(x.event) === containerKey(y.event)) {
    return x.instance - y.instance;
  }
  return tieRank[x.event.type] - tieRank[y.event.type] || (x.event.at < y.event.at ? -1 : x.event.at > y.event.at ? 1 : 0) || a.order - b.order;
};

const subjectKey = (e: Event): string => ('pod' in e ? e.pod.uid : `node/${e.node}`);

/**
 * Valid-time order that keeps each subject's causal order: within a second, a subject's fact stamped
 * earlier than the fact it follows is moved up to that fact's instant (still inside its truncated second),
 * then everything is ordered by time, stably.
 */
const inTimeOrder = (causallySorted: readonly Imported[]): Imported[] => {
  const lastAt = new Map<string, Event['at']>();
  const raised = causallySorted.map((item) => {
    const key = subjectKey(item.event);
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
 * the same wait: when Events report back-off between the same two starts of the container, the status's
 * one is that same wait and is dropped.
 */
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
    if (i.origin === 'events' && (i.event.type === 'ContainerBackOff' || i.event.type === 'ImagePullBackOff')) withEvents.add(`${i.event.type}|${w}`);
    return w;
  });
  return items.filter((i, n) => i.origin === 'events' || !withEvents.has(`${i.event.type}|${windows[n] ?? ''}`));
};

const INITIAL_BACKOFF_SECONDS = 10;
const MAX_BACKOFF_SECONDS = 300;
const backOffSeconds = (steps: number): number => Math.min(INITIAL_BACKOFF_SECONDS * 2 ** Math.max(steps, 0), MAX_BACKOFF_SECONDS);

/**
 * The kubelet's back-off (`k8s-semantics.md` d): after the n-th exit of a container (n >= 2) the restart
 * waits 10 s * 2^(n-2), at most 300 s, counted from that exit; after the f-th failed pull of an image the
 * next pull waits 10 s * 2^(f-1), at most 300 s.
 */
const fillBackOffDelays = (items: readonly Imported[]): Event[] => {
  const starts = new Map<string, number>();
  const lastExit = new Map<string, Event['at']>();
  const failedPulls = new Map<string, number>();
  return items.map(({ event: e, delayUnknown }) => {
    const key = containerKey(e) ?? '';
    switch (e.type) {
      case 'ContainerStarted':
        starts.set(key, (starts.get(key) ?? 0) + 1);
        return e;
      case 'ContainerExited':
        lastExit.set(key, e.at);
        return e;
      case 'ImagePullFailed':
        failedPulls.set(key, (failedPulls.get(key) ?? 0) + 1);
        return e;
      case 'ImagePulled':
        failedPulls.delete(key);
        return e;
      case 'ContainerBackOff': {
        if (delayUnknown !== true) return e;
        const delay = backOffSeconds((starts.get(key) ?? 0) - 2);
        const from = lastExit.get(key) ?? e.at;
        return { ...e, delaySeconds: delay, until: plusMs(from, delay * 1000) };
      }
      case 'ImagePullBackOff': {
        if (delayUnknown !== true) return e;
        const delay = backOffSeconds((failedPulls.get(key) ?? 0) - 1);
        return { ...e, delaySeconds: delay, until: plusMs(e.at, delay * 1000) };
      }
      default:
        return e;
    }
  });
};

/** One sequence, in valid-time order, each fact once, from any number of converted sources. */
export const mergeImported = (inputs: readonly Imported[]): Event[] => {
  const best = new Map<string, Ranked>();
  inputs.forEach((item, order) => {
    const key = factKey(item);
    const held = best.get(key);
    if (held === undefined || betterRecord(item, held.item) < 0) best.set(key, { item, order: held?.order ?? order });
  });
  const sorted = inTimeOrder([...best.values()].sort(causal).map((r) => r.item));
  return fillBackOffDelays(dropSubsumedBackOffs(settleInstances(sorted, recordedIds(inputs))));
};
