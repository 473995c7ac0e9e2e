/**
 * The kubelet's pod worker in virtual time (`pod_workers.go`, `kubelet.go :: syncLoopIteration`): a pod is
 * synced when the PLEG relist (every second) sees one of its containers start or die, when the API or a
 * probe result updates it, and when its work-queue entry comes due. `completeWork` enqueues the entry at the
 * end of every sync: `wait.Jitter(resyncInterval, 0.5)` after a clean sync, `wait.Jitter(backOffPeriod, 0.5)`
 * after a failed one, and the crash-loop back-off's expiry (clamped to [0, resyncInterval], kubernetes#133066)
 * jittered the same way; the `syncCh` ticker reads the queue every second (`getPodsToSync`).
 *
 * `wait.Jitter(d, 0.5)` adds `rand.Float64() × 0.5 × d`. The fold keeps the entry unjittered (`Requeue`);
 * the world draws the number (`World.jitter`, by default from the pod's uid, the sync and the resyncs since:
 * the same journal always gives the same syncs).
 */
import { podKillInFlight, podKillSent } from './kill.js';
import type { NodeBook, PodBook, Requeue } from '../state.js';
import type { PodRef } from '../../events/index.js';
import type { VirtualMs, World } from '../world.js';
import { fmix32, fnv1a } from '../../hash/index.js';

/**
 * The sync has not returned yet: it waits on a pull (`EnsureImageExists` blocks), a postStart hook
 * (`startContainer` runs it), or the exit of a container it killed (`killContainer` waits for it); its
 * `postSync` comes only once it returns.
 */
export const blocked = (pod: PodBook): boolean =>
  pod.containers.some(
    (c) =>
      c.pullingSince !== undefined ||
      (c.current !== undefined && c.current.exit === undefined && (!c.current.postStartDone || c.current.kills.some((k) => k.sync === pod.syncs))),
  );

/**
 * A termination does not cut short a `SyncPod` in flight: v1.36's `kubelet.go :: SyncPod` runs the runtime's sync
 * on `context.WithoutCancel(ctx)` (TODO(#113606)), so the "Cancelling current pod sync" of `pod_workers.go ::
 * UpdatePod` for a deletion or an eviction (`TerminatePodAbnormallyAndWait`) reaches neither the pull in flight
 * (`image_manager.go :: pullImage` waits on `pullChan`), nor the postStart hook, nor the `killContainer` of a
 * liveness or startup kill (`kuberuntime_manager.go :: SyncPod` step 3): the pull completes, the killed container
 * exits with its probe kill's grace, the containers the sync planned are created and started (the killed one
 * restarted, `computePodActions`' `ContainersToStart`), and only then does `SyncTerminatingPod` stop them with the
 * deletion's or the eviction's grace (kubernetes#125050, #123365: the pod shows Terminating until the pull is done).
 * A pod that finished meanwhile (its last regular container exited) is found over only by the next `SyncPod`'s
 * status (`generateAPIPodStatus`: a terminal phase), so the one in flight runs on the same way. True at `now`
 * while that sync, resumed, still has steps to take; not for a sync that began on a pod already over
 * (`syncFoundTerminal`) or deleted, nor once the terminating path sent its kills.
 */
export const syncPodRunsOn = (pod: PodBook, now: VirtualMs): boolean =>
  pod.sessionAt === now &&
  pod.syncedAt !== undefined &&
  !pod.syncFoundTerminal &&
  (pod.deletion === undefined || pod.syncedAt < pod.deletion.at) &&
  !podKillSent(pod);

/** A `SyncPod` (not the terminating path's `killPod`) waits on a pull, a postStart hook or a probe kill. */
export const syncPodBlocked = (pod: PodBook): boolean => blocked(pod) && !podKillSent(pod);

/**
 * The pod worker runs one sync at a time (`pod_workers.go :: managePodLoop`): while one is blocked, an
 * update (a relist, a probe result, the work queue, the active deadline, a deletion, an eviction) only becomes
 * `pendingUpdate`, even for a pod now over: its `SyncPod` runs on (`syncPodRunsOn`). A `SyncTerminatingPod`
 * blocks in `killPod` until every container is gone, and generates no status meanwhile: a shorter grace cancels
 * its context, which it does not use (`kubelet.go :: SyncTerminatingPod` runs on `context.Background()`,
 * TODO(#113606)), so nothing starts over; the status manager still takes readiness changes (`SetContainerReadiness`).
 */
export const syncInFlight = (pod: PodBook): boolean => blocked(pod) || podKillInFlight(pod);

/**
 * When a sync wanted at `at` can start. One that came while the last sync ran (at or before its last step,
 * `sessionAt`) was pending: the worker picks it up when that sync returns, but first waits for a PLEG status
 * newer than that sync (`podCache.GetNewerThan(uid, lastSyncTime)`), that is the next relist; an on-demand
 * relist after a clean sync is the sync's own business (`sync.ts`).
 */
export const pendingTrigger = (pod: PodBook, node: NodeBook, at: VirtualMs): VirtualMs =>
  pod.sessionAt !== undefined && at <= pod.sessionAt ? tickOf(node, pod.sessionAt, true) : at;

/** `genericPlegRelistPeriod`, and the period of the `syncCh` ticker that reads the work queue. */
export const RELIST_MS = 1_000;
/** `--sync-frequency` (KubeletConfiguration `syncFrequency`, default 1m): `completeWork` after a clean sync. */
export const RESYNC_MS = 60_000;
/** `backOffPeriod` in `kubelet.go`: `completeWork` after a sync that failed (an image pull, say). */
export const SYNC_ERROR_BACKOFF_MS = 10_000;
/** `workerResyncIntervalJitterFactor` and `workerBackOffPeriodJitterFactor` in `pod_workers.go`. */
const JITTER_FACTOR = 0.5;

/**
 * The default `World.jitter`: a number in [0, 1) drawn from the text `uid/sync/resyncs` (FNV-1a), through
 * murmur3's final mix (successive seeds differ only in their last characters, which FNV-1a alone barely
 * carries into the high bits).
 */
export const hashedDraw = (pod: PodRef, sync: number, resyncs: number): number =>
  fmix32(fnv1a(`/${resyncs}`, fnv1a(`/${sync}`, fnv1a(pod.uid)))) / 2 ** 32;

/** `wait.Jitter(ms, 0.5)` for the `resyncs`-th entry after the pod's sync `sync`, in whole milliseconds. */
const jittered = (world: World, pod: PodBook, ms: number, sync: number, resyncs: number): number =>
  ms + Math.floor(ms * JITTER_FACTOR * (world.jitter ?? hashedDraw)(pod.ref, sync, resyncs));

/** The entry `completeWork` leaves after the pod's current sync, at `at`, with no error. */
export const resyncEntry = (pod: PodBook, at: VirtualMs): Requeue => ({ from: at, ms: RESYNC_MS, sync: pod.syncs });

/** After a sync that failed at `at` (a pull, an image back-off). */
export const errorEntry = (pod: PodBook, at: VirtualMs): Requeue => ({ from: at, ms: SYNC_ERROR_BACKOFF_MS, sync: pod.syncs });

/**
 * After a sync that found a container inside its crash-loop back-off until `until`
 * (`kubecontainer.MinBackoffExpiration`, clamped to [0, resyncInterval]); the earliest of the sync's entries wins.
 */
export const backoffEntry = (pod: PodBook, at: VirtualMs, until: VirtualMs): Requeue => {
  const entry = { from: at, ms: Math.min(Math.max(until - at, 0), RESYNC_MS), sync: pod.syncs };
  const current = pod.requeue;
  return current !== undefined && current.sync === pod.syncs && current.from + current.ms < entry.from + entry.ms ? current : entry;
};

/** The first tick of the node's one-second grid at or after `t` (`after`: strictly after). */
export const tickOf = (node: NodeBook, t: VirtualMs, after = false): VirtualMs => {
  const k = (t - node.registeredAt) / RELIST_MS;
  const whole = after ? Math.floor(k) + 1 : Math.ceil(k);
  return node.registeredAt + Math.max(whole, 0) * RELIST_MS;
};

/**
 * When the worker next syncs the pod for its queue entry: the entry read at the next tick, then, since a
 * sync with nothing to do leaves no trace, each resync it enqueues in turn (derived); one already taken at
 * `now` gives the next.
 */
export const requeueDue = (world: World, pod: PodBook, node: NodeBook, now: VirtualMs, takenNow: boolean): VirtualMs | undefined => {
  const entry = pod.requeue;
  if (entry === undefined) return undefined;
  // the chain is the same each time it is asked: go on from where it was last left
  const known = chains.get(entry);
  let { at, k } = known?.world === world && known.at <= now ? known : { at: tickOf(node, entry.from + jittered(world, pod, entry.ms, entry.sync, 0)), k: 1 };
  for (; at < now || (at === now && takenNow); k++) at = tickOf(node, at + jittered(world, pod, RESYNC_MS, entry.sync, k));
  chains.set(entry, { world, at, k });
  return at;
};

/** How far each entry's resync chain has been followed (`requeueDue`), in the world that drew it. */
const chains = new WeakMap<Requeue, { readonly world: World; readonly at: VirtualMs; readonly k: number }>();
