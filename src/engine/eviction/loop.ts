/**
 * The eviction manager's loop (`eviction_manager.go :: Start`): `synchronize`, then, when it evicted pods,
 * `waitForPodsCleanup` and `synchronize` again at once; otherwise sleep `monitoringInterval` (10 s) and go on.
 *
 * `evictPod` blocks until the pod worker has completed the pod's termination (`pod_workers.go ::
 * completeTerminating` closes the kill's channel), or for at most `max(grace × 1.5, 10 s)` — 10 s with the 1 s
 * eviction grace. `localStorageEviction` evicts every pod over a limit, one `evictPod` after the other, each
 * waiting for the previous one's return; a pressure eviction evicts one. `waitForPodsCleanup` then polls
 * `podResourcesAreReclaimed` every second (`podCleanupPollFreq`) from the last return, for at most 30 s
 * (`podCleanupTimeout`). The pod is taken as reclaimed once its termination is over (its volumes and cgroup go
 * within that second: `SyncTerminatedPod`), so the next cycle comes at the first poll tick after that, and the
 * 10 s grid restarts there.
 */
import type { EngineState, EvictionRound, NodeBook, PodBook } from '../state.js';
import { podKillSent } from '../kubelet/kill.js';
import type { VirtualMs } from '../world.js';
import { hasLiveContainer } from '../lifecycle.js';

/** `killPodNow`'s wait with the 1 s eviction grace: `max(1 + 1/2, 10)` seconds. */
const KILL_WAIT_MS = 10_000;
/** `podCleanupPollFreq`. */
const POLL_MS = 1_000;
/** `podCleanupTimeout`. */
const CLEANUP_TIMEOUT_MS = 30_000;

/** When the round's last `evictPod` returns: its pod terminated, or its wait over. */
const evictPodReturned = (round: EvictionRound): VirtualMs => Math.min(round.lastDoneAt ?? Infinity, round.evictedAt + KILL_WAIT_MS);

/**
 * When `killPodNow`'s wait for the round's last-evicted pod runs out, while its termination is not complete and the
 * timeout not yet recorded: it records `ExceededGracePeriod` then (`PodKillTimedOut`) and `evictPod` returns.
 */
export const killWaitRunsOutAt = (round: EvictionRound): VirtualMs | undefined =>
  round.lastDoneAt === undefined && round.waitRanOut === undefined ? round.evictedAt + KILL_WAIT_MS : undefined;

/** A local storage round's next `evictPod`, as the last one returns (the cycle's next pod over a limit, if any). */
export const localTurnAt = (round: EvictionRound): VirtualMs | undefined => (round.local ? evictPodReturned(round) : undefined);

/** The instant the loop gives up waiting for the round's pods and synchronizes anyway. */
export const cleanupDeadline = (round: EvictionRound): VirtualMs => evictPodReturned(round) + CLEANUP_TIMEOUT_MS;

/** The poll tick at which the round's pods, cleaned up at `cleanedAt`, are seen gone (at most the deadline). */
const resumedAt = (round: EvictionRound, cleanedAt: VirtualMs): VirtualMs => {
  // the ticker starts as the last `evictPod` returns
  const returned = evictPodReturned(round);
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

/**
 * Notes when the round's last-evicted pod is terminated (its `evictPod` returns) and when all are: the loop then
 * resumes at the next poll tick and the 10 s grid restarts there (`monitorFrom`), unless a local storage round's
 * turn evicts another pod first.
 */
export const roundCleaned = (state: EngineState, node: NodeBook, at: VirtualMs): NodeBook => {
  const round = node.evictionRound;
  if (round === undefined || round.cleanedAt !== undefined) return node;
  const done = (uid: string | undefined): boolean => {
    const pod = uid === undefined ? undefined : state.pods.get(uid);
    return pod === undefined || !stillTerminating(pod);
  };
  const lastDoneAt = round.lastDoneAt ?? (done(round.uids[round.uids.length - 1]) ? at : undefined);
  if (lastDoneAt === undefined) return node;
  if (!round.uids.every(done)) return lastDoneAt === round.lastDoneAt ? node : { ...node, evictionRound: { ...round, lastDoneAt } };
  const cleaned = { ...round, lastDoneAt, cleanedAt: at };
  return { ...node, evictionRound: cleaned, monitorFrom: resumedAt(cleaned, at) };
};

/** The round's last `evictPod` gave up waiting (`PodKillTimedOut` of its pod). */
export const roundWaitRanOut = (node: NodeBook, uid: string): NodeBook => {
  const round = node.evictionRound;
  if (round === undefined || round.uids[round.uids.length - 1] !== uid) return node;
  return { ...node, evictionRound: { ...round, waitRanOut: true } };
};

/** An eviction joins the local storage round whose turn it is, else opens the node's round. */
export const roundJoined = (node: NodeBook, uid: string, at: VirtualMs, local: boolean): NodeBook => {
  const round = node.evictionRound;
  const joins = round !== undefined && local && localTurnAt(round) === at;
  return {
    ...node,
    evictionRound: joins ? { at: round.at, uids: [...round.uids, uid], evictedAt: at, local } : { at, uids: [uid], evictedAt: at, local },
  };
};
