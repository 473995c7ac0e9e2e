/**
 * The eviction manager's loop (`eviction_manager.go :: Start`): `synchronize`, then, when it evicted pods,
 * `waitForPodsCleanup` and `synchronize` again at once; otherwise sleep `monitoringInterval` (10 s) and go on.
 *
 * `evictPod` blocks in `killPodNow` (`pod_workers.go`) until the pod's termination completes, or for at most
 * `max(grace × 1.5, 10 s)` — 10 s with the 1 s eviction grace. `waitForPodsCleanup` then polls
 * `podResourcesAreReclaimed` every second (`podCleanupPollFreq`) for at most 30 s (`podCleanupTimeout`). The pod
 * is taken as reclaimed once its last container is gone (its volumes and cgroup go within that second:
 * `SyncTerminatedPod`), so the next cycle comes at the first poll tick after that, and the 10 s grid restarts
 * there. Several pods of one cycle (local storage limits) are killed at once here; the kubelet kills them one
 * after the other, each `evictPod` waiting for the previous one (not simulated).
 */
import type { EngineState, NodeBook, PodBook } from '../state.js';
import { podKillSent } from '../kubelet/kill.js';
import type { VirtualMs } from '../world.js';
import { hasLiveContainer } from '../lifecycle.js';

/** `killPodNow`'s wait with the 1 s eviction grace: `max(1 + 1/2, 10)` seconds. */
const KILL_WAIT_MS = 10_000;
/** `podCleanupPollFreq`. */
const POLL_MS = 1_000;
/** `podCleanupTimeout`. */
const CLEANUP_TIMEOUT_MS = 30_000;

/** The instant the loop gives up waiting for the round's pods and synchronizes anyway. */
export const cleanupDeadline = (round: NonNullable<NodeBook['evictionRound']>): VirtualMs => round.at + KILL_WAIT_MS + CLEANUP_TIMEOUT_MS;

/** The poll tick at which the round's pods, cleaned up at `cleanedAt`, are seen gone (at most the deadline). */
const resumedAt = (round: NonNullable<NodeBook['evictionRound']>, cleanedAt: VirtualMs): VirtualMs => {
  // `evictPod` returns when the kill completes, or after its wait; the ticker starts then
  const returned = Math.min(cleanedAt, round.at + KILL_WAIT_MS);
  // the first tick after the last container is gone (the volumes and the cgroup follow it)
  const tick = returned + (Math.floor((cleanedAt - returned) / POLL_MS) + 1) * POLL_MS;
  return Math.min(tick, cleanupDeadline(round));
};

/**
 * The pod worker could still have running containers (`podResourcesAreReclaimed` → `CouldHaveRunningContainers`):
 * one runs, or a `SyncPod` that was in flight at the eviction has not yet handed over to `SyncTerminatingPod` (its
 * probe kill's container exited, its restart and the terminating kill are still to come: `kubelet/worker.ts ::
 * syncPodRunsOn`).
 */
const stillTerminating = (pod: PodBook): boolean => hasLiveContainer(pod) || (!podKillSent(pod) && !pod.syncFoundTerminal);

/** Once every pod of the node's round is terminated, the loop resumes: the round ends, the grid restarts. */
export const roundCleaned = (state: EngineState, node: NodeBook, at: VirtualMs): NodeBook => {
  const round = node.evictionRound;
  if (round === undefined) return node;
  const live = round.uids.some((uid) => {
    const pod = state.pods.get(uid);
    return pod !== undefined && stillTerminating(pod);
  });
  if (live) return node;
  const { evictionRound: _, ...rest } = node;
  return { ...rest, monitorFrom: resumedAt(round, at) };
};

/** A cycle that evicted `uid` opens (or joins) the node's round. */
export const roundJoined = (node: NodeBook, uid: string, at: VirtualMs): NodeBook => {
  const round = node.evictionRound;
  return { ...node, evictionRound: round !== undefined && round.at === at ? { at, uids: [...round.uids, uid] } : { at, uids: [uid] } };
};
