/**
 * `get pods -w` over a journal: the pods at the start, then each change of a pod, in valid-time order, like
 * kubectl's watch output (`watch-views.ts` prints them in the format asked for); as fast as possible, or scaled
 * to real time by `speed`. With `follow`, it then keeps watching the appends other processes make, until
 * interrupted.
 */
import { observationTypes, type Event } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import { msOf } from '../k8s/codecs.js';
import type { V1Pod } from '../k8s/pod.js';
import type { Journal, JournalRecord } from '../journal/index.js';
import { servedPod, sortPods } from '../printers/get-pods.js';
import { tableRows, type TableOptions } from '../printers/pod-columns.js';
import { unstructured } from '../printers/unstructured.js';
import { reducePod, restsOnInferred, type ClusterState, type PodState } from '../reducers/index.js';
import { isKnownOnlyFromEvents } from '../k8s/inferred-annotation.js';
import { inferredNotes } from '../printers/inferred-notes.js';
import { namespaceOrDefault } from '../k8s/namespace.js';
import type { CliIO } from './io.js';
import { watchListOrder, watchView, type ViewOptions, type WatchedKind } from './watch-views.js';

export interface WatchOptions extends ViewOptions {
  readonly table: TableOptions;
  readonly from?: Instant;
  readonly inScope: (pod: V1Pod) => boolean;
  /** `--sort-by`: orders the table at the start (`watchListOrder`), not the changes. */
  readonly sortBy?: string;
  /** Playback speed: 1 is real time, 60 a minute a second; undefined as fast as possible. */
  readonly speed?: number;
  /** `--watch-only`: the changes alone, not the pods at the start. */
  readonly watchOnly: boolean;
  /** After the history: the records appended after a sequence number, as they come. */
  readonly follow?: (afterSeq: number) => AsyncIterable<readonly JournalRecord[]>;
}

/** How a watch ended: at the end of what it could read (no `follow`), at an object its printer failed on, or by the user's interrupt. */
export type WatchEnd = 'ended' | 'interrupted';

/** `get pods`' notes on stderr for pods shown: known only from their Events, or resting on facts inferred since their last capture. */
const noteShown = (io: CliIO, states: readonly PodState[]): void => {
  const key = (s: PodState): string => `${namespaceOrDefault(s.pod.metadata.namespace)}/${s.pod.metadata.name ?? ''}`;
  const eventsOnly = states.filter((s) => isKnownOnlyFromEvents(s.pod));
  const notes = inferredNotes(eventsOnly.map(key), states.filter((s) => restsOnInferred(s) && !eventsOnly.includes(s)).map(key));
  if (notes !== '') io.err(notes);
};

/**
 * What a watch event is judged by: the pod's API object. The API server sends an event for each write that
 * changes the object (a write that changes nothing stores nothing, `GuaranteedUpdate`), whatever its printed
 * row shows; its keys sorted, so that equal objects built in another order are one object.
 */
const objectKey = (pod: V1Pod): string => JSON.stringify(unstructured(pod));

/**
 * Whether two events of a pod, one after the other, are one write of it: the facts an import took from one captured
 * object (the same file and line) at one instant. The cluster sent that object once, so the states between its
 * facts were never sent (a capture showing a pod Running yields its run's creation, start and readiness).
 */
const oneWrite = (a: Event, b: Event): boolean =>
  'pod' in a && 'pod' in b && a.pod.uid === b.pod.uid && a.at === b.at && a.from?.file !== undefined &&
  a.from.file === b.from?.file && a.from.line === b.from?.line;

/**
 * Whether `event` is a fact read from a Kubernetes Event object (the kubelet's `Created`, `Pulled`…) about a pod whose
 * objects were captured: no write of the pod stands behind it (the kubelet publishes no status for a creation or a
 * pull; its other facts the captured objects show), so it prints no row of its own, and the pod's next captured
 * object shows it. Before any capture of the pod (Events alone, or a list captured later), its Events are all the
 * history there is, each change a row.
 */
const readFromEventOfCaptured = (event: Event, state: PodState | undefined): boolean =>
  readFromEvent(event) && state?.kubelet.provenance?.capturedAt !== undefined;

const readFromEvent = (event: Event): boolean => event.from?.recorded !== undefined && event.type !== 'PodObserved';

/**
 * Whether `b` joins the write `a` began: `a` is a fact read from an Event and `b` a fact of the same pod at the same
 * instant (a `Created` Event and the start an object shows, both at :31): the kubelet published one status after both.
 */
const joinsEventFact = (a: Event, b: Event): boolean => readFromEvent(a) && 'pod' in a && 'pod' in b && a.pod.uid === b.pod.uid && a.at === b.at;

export const watchPods = async (io: CliIO, journal: Journal, start: ClusterState, opts: WatchOptions): Promise<WatchEnd> => {
  // Asked before the first row, so that Ctrl-C at any moment, the history's playback included, ends the watch.
  const interrupted = io.interrupted();
  const startNow = new Date(opts.from ?? journal.firstAt() ?? 0);
  const pods = new Map<string, PodState>(start.pods);
  const kind: WatchedKind<V1Pod> = { tableRows: (items, now) => tableRows(items, opts.table, now), served: servedPod, name: (pod) => `pod/${pod.metadata.name ?? ''}` };
  const initial = sortPods([...pods.values()].map((p) => p.pod).filter(opts.inScope));
  const printed = opts.watchOnly ? [] : watchListOrder(initial, opts.sortBy, opts.output, kind);
  const view = watchView(io, opts, kind, printed, startNow);
  const stateOf = new Map([...pods.values()].map((s) => [s.pod, s]));
  noteShown(io, printed.flatMap((pod) => stateOf.get(pod) ?? []));
  // The object each pod in scope was last sent as, and its key.
  const sent = new Map(initial.map((pod) => [pod.metadata.uid ?? '', { pod, key: objectKey(pod) }]));
  let previousMs = startNow.getTime();
  // An object the printer failed on ends the watch (`View.show`).
  let stopped = false;

  /** The watch event, if any, for the pod's write that `event` ended. */
  const send = async (event: Event & { readonly pod: { readonly uid: string } }, paced: boolean): Promise<void> => {
    if (stopped) return;
    const uid = event.pod.uid;
    const state = pods.get(uid);
    const visible = state !== undefined && opts.inScope(state.pod) ? state : undefined;
    const previous = sent.get(uid);
    const key = visible === undefined ? undefined : objectKey(visible.pod);
    if (key === previous?.key) return;
    const now = new Date(msOf(event.at));
    if (paced && opts.speed !== undefined) await io.sleep(Math.max(0, (now.getTime() - previousMs) / opts.speed));
    previousMs = now.getTime();
    if (visible === undefined || key === undefined) {
      // Deleted, or out of the selectors' scope: the cacher sends DELETED with the object it last sent
      // (apiserver storage/cacher/cache_watcher.go :: convertToWatchEvent, oldObjPasses && !curObjPasses).
      sent.delete(uid);
      if (previous !== undefined) stopped = !view.show('DELETED', previous.pod, now);
      return;
    }
    sent.set(uid, { pod: visible.pod, key });
    // A pod coming into scope is ADDED (curObjPasses && !oldObjPasses), as a new one is.
    stopped = !view.show(previous === undefined ? 'ADDED' : 'MODIFIED', visible.pod, now);
    if (!stopped) noteShown(io, [visible]);
  };

  // Per pod, the event folded last, whose write is sent once the pod's next event is known not to belong to it, or
  // the instant is over: another pod's facts of the same instant may come between one capture's facts (the import
  // orders an instant's facts cause before effect across pods).
  const unsent = new Map<string, Event & { readonly pod: { readonly uid: string } }>();
  const sendWrite = async (event: Event & { readonly pod: { readonly uid: string } }, paced: boolean): Promise<void> => {
    unsent.delete(event.pod.uid);
    await send(event, paced);
  };
  const flush = async (paced: boolean): Promise<void> => {
    for (const event of [...unsent.values()]) await sendWrite(event, paced);
  };
  const apply = async (event: Event, paced: boolean): Promise<void> => {
    if (!('pod' in event)) return;
    const uid = event.pod.uid;
    const [first] = unsent.values();
    if (first !== undefined && first.at !== event.at) await flush(paced);
    const mine = unsent.get(uid);
    const before = pods.get(uid);
    const sameWrite = mine !== undefined && (oneWrite(mine, event) || joinsEventFact(mine, event));
    // An observation (a `Killing` Event's kill) changes no object: no write stands behind it, nor does it end the one
    // pending (rhrsb's deletion, whose capture comes next: the stream's first object of that pod).
    const alongside = !sameWrite && (observationTypes.has(event.type) || readFromEventOfCaptured(event, before));
    // An Event's fact placed among one captured object's facts (before its capture, which comes last) is in that object.
    if (mine !== undefined && !sameWrite && !(alongside && mine.type !== 'PodObserved')) await sendWrite(mine, paced);
    const after = reducePod(before, event);
    if (after === undefined) pods.delete(uid);
    else pods.set(uid, after);
    if (!alongside) unsent.set(uid, event);
  };

  for await (const page of journal.recordsInTimeOrder({ untilAt: undefined }).batches()) {
    for (const { event } of page) {
      if (interrupted.aborted) return 'interrupted';
      if (opts.from === undefined || event.at > opts.from) await apply(event, true);
      if (stopped) return 'ended';
    }
  }
  await flush(true);
  if (stopped || opts.follow === undefined) return 'ended';
  for await (const page of opts.follow(journal.head().seq)) {
    for (const { event } of page) await apply(event, false);
    await flush(false);
    if (stopped) return 'ended';
  }
  return interrupted.aborted ? 'interrupted' : 'ended';
};
