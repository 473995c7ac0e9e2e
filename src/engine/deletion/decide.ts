/**
 * Graceful deletion (`strategy.go :: CheckGracefulDelete`, `rest/delete.go :: BeforeDelete`, `pod_workers.go`,
 * `status_manager.go :: canBeDeleted`): the API server removes at once a pod that was never bound, is already
 * finished, or is force-deleted (grace 0, also by a second request); otherwise the kubelet stops every container
 * (no restarts) once, a shorter grace later leaving its kill in flight as it is (`kubelet/kill.ts :: killPod`), and
 * sends the final delete when all are gone.
 */
import type { Event } from '../../events/index.js';
import { aboutPod } from '../emit.js';
import { killPod } from '../kubelet/kill.js';
import { syncTerminatedAt } from '../kubelet/terminated.js';
import { hasLiveContainer } from '../lifecycle.js';
import type { NodeBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';

/**
 * A container still ran when the deletion came (it exited at or after the request, or runs): the pod was not
 * finished, so the object waits for its kubelet's final delete, even when the container ends with a kill that
 * was in flight before the request (a probe's) and no kill comes for the deletion.
 */
const ranWhenDeleted = (pod: PodBook, deletedAt: VirtualMs): boolean =>
  pod.containers.some((c) => c.current !== undefined && (c.current.exit === undefined || c.current.exit.at >= deletedAt));

/**
 * The API server deletes the object without waiting for a kubelet (grace forced to 0): never bound, a grace
 * of 0, or already finished when the request came (`CheckGracefulDelete` reads the phase the object has then). A pod
 * rejected (deleted before its kubelet first saw it), evicted or found past its active deadline only after the request
 * was not over then (`deletion.over`): its kubelet deletes it once `TerminatePod` has written (`canBeDeleted`).
 */
export const removedAtOnce = (pod: PodBook): boolean =>
  pod.deletion !== undefined &&
  !pod.removed &&
  (pod.node === undefined || pod.deletion.graceSeconds === 0 || (pod.deletion.over && !hasLiveContainer(pod) && !ranWhenDeleted(pod, pod.deletion.at)));

export const apiRemoval = (pod: PodBook, now: VirtualMs): Event[] =>
  removedAtOnce(pod) ? [{ type: 'PodRemoved', ...aboutPod(now, 'api', pod.ref) }] : [];

/** `pod_workers.go :: calculateEffectiveGracePeriod`: the deletion's grace (else the spec's), never under 1 s; a force deletion's 0 becomes 1. */
export const effectiveGrace = (requested: number): number => Math.max(requested, 1);

/**
 * When the kubelet sends the final delete of a deleted pod whose containers are all gone, once its terminating
 * sync has begun. `SyncTerminatingPod` publishes the final status as `killPod` returns (every container
 * terminated, a terminal phase); the pod worker then runs `SyncTerminatedPod` only once the PLEG cache holds a
 * status newer than that sync (`pod_workers.go :: podWorkerLoop`: `podCache.GetNewerThan(uid, lastSyncTime)`,
 * "this adds ~1s of latency on all transitions from sync to terminating to terminated"), that is at the next
 * 1 s relist; it ends with `statusManager.TerminatePod`, whose status sync finds the pod finished and deletes
 * it with grace 0 (`status_manager.go :: syncPod`, `canBeDeleted`). The volumes' unmount that
 * `SyncTerminatedPod` waits for first (`WaitForUnmount`, a reconciler on a 100 ms loop) is not counted.
 */
const kubeletRemovalAt = (pod: PodBook, node: NodeBook): VirtualMs | undefined =>
  pod.deletion === undefined ? undefined : syncTerminatedAt(pod, node);

/** The kubelet's side of a deletion: stop what runs, then the final delete (`kubeletRemovalAt`). */
export const terminate = (pod: PodBook, node: NodeBook, now: VirtualMs): Event[] => {
  if (pod.deletion === undefined) return [];
  const kills = killPod(pod, now, 'PodDeleted', effectiveGrace(pod.deletion.graceSeconds));
  if (kills.length > 0) return kills;
  const removalAt = kubeletRemovalAt(pod, node);
  return removalAt !== undefined && removalAt <= now ? [{ type: 'PodRemoved', ...aboutPod(now, 'kubelet', pod.ref) }] : [];
};
