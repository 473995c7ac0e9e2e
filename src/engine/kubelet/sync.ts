/**
 * The kubelet's pod sync (`kubelet.go :: SyncPod` → `computePodActions`). Admission comes first, before any
 * sync (`HandlePodAdditions`). A sync then publishes the status it generated from what the kubelet knew at
 * its start (`PodSynced`: the runtime's state and the previous sync's reason cache), and only then acts, one
 * step at a time at the same instant: deletion, stopping leftovers of a finished pod, the sandbox, and the
 * next container start. A sync with nothing to show or do leaves no trace.
 */
import type { Event } from '../../events/index.js';
import { effectiveGrace, terminate } from '../deletion/decide.js';
import { aboutPod } from '../emit.js';
import { liveContainers, podTerminal } from '../lifecycle.js';
import { readinessRunsWanted } from '../probes/worker.js';
import { kubeletDown } from '../nodeloss/controller.js';
import { podGraceSeconds } from '../spec.js';
import type { EngineState, Killing, NodeBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';
import { admit, sandbox } from './admission.js';
import { EVICTION_GRACE_SECONDS, killPod, podKillReturned } from './kill.js';
import { deadlineNoticed } from './deadline.js';
import { blocked, syncInFlight, syncPodRunsOn } from './worker.js';
import { containersToStart } from './plan.js';
import { resetBySync, resetStep, restartingAll } from './restart-all.js';
import { startStep } from './start.js';
import { terminatedSyncDue } from './terminated.js';
import { unhealthyKills } from './unhealthy.js';

/** What the sync does next; nothing when it is done. */
const step = (state: EngineState, pod: PodBook, node: NodeBook, now: VirtualMs): Event[] => {
  // `HandlePodAdditions` admits a pod the pod worker has not seen terminating (`IsPodTerminationRequested`), one
  // deleted before its kubelet first saw it too; the pod worker then runs `SyncTerminatingPod` on it at once
  if (!pod.admitted && pod.rejectedAt === undefined) return [admit(state, pod, node, now)];
  if (pod.deletion !== undefined && !syncPodRunsOn(pod, now)) return terminate(pod, node, now);
  if (pod.rejectedAt !== undefined) return [];
  // the terminating path, once no `SyncPod` begun before the end runs on: an evicted pod's containers are stopped
  // with the eviction's grace; sidecars outlive the regular containers, and the finished pod stops them
  // (`PodFinished`) with the spec's grace, at least 1 s
  if (podTerminal(pod) && !syncPodRunsOn(pod, now)) {
    return pod.evicted ? killPod(pod, now, 'PodEvicted', EVICTION_GRACE_SECONDS) : killPod(pod, now, 'PodFinished', effectiveGrace(podGraceSeconds(pod.spec)));
  }
  if (!pod.sandbox) return [sandbox(pod, node, now)];
  // `computePodActions` with `restartAllContainers`: the reset, and nothing else; the next sync starts the pod over
  if (restartingAll(pod)) return resetStep(pod, now);
  if (resetBySync(pod)) return [];
  const unhealthy = unhealthyKills(pod, now);
  if (unhealthy.length > 0) return unhealthy;
  // `SyncPod` starts its containers one after the other: a pull, a postStart hook or a kill holds the rest
  if (blocked(pod)) return [];
  for (const c of containersToStart(pod)) {
    const events = startStep(pod, node, c, now);
    if (events.length > 0) return events;
  }
  return [];
};

/** Kills `SyncPod` makes itself (`computePodActions`); a deletion's, an eviction's or a finished pod's are the terminating path's. */
const killedBySync = (k: Killing, sync: number): boolean =>
  k.sync === sync && (k.reason === 'LivenessProbeFailed' || k.reason === 'StartupProbeFailed' || k.reason === 'RestartAllContainers');

/**
 * Gate `PLEGOnDemandRelist` (beta, on by default in v1.36): a `SyncPod` that took some action and failed none
 * (`len(result.SyncResults) > 0 && err == nil`) returns a `postSync` that the pod worker runs at once
 * (`kl.RequestPodRelist`), and the PLEG relists that one pod (`generic.go :: relistPod`), so the containers
 * the sync started or killed are seen now, not at the next 1 s relist. A sync that reported an error asks for
 * none: a crash-loop or image back-off, a failed pull, a failed postStart hook (`startContainer` returns
 * `ErrPostStartHook` once its kill is over); nor does the terminating path (`SyncTerminatingPod` has no
 * `postSync`), nor a sync that found nothing to do.
 */
const relistsOnDemand = (pod: PodBook, now: VirtualMs): boolean => {
  if ((pod.deletion !== undefined && !syncPodRunsOn(pod, now)) || blocked(pod)) return false;
  const sync = pod.syncs;
  const failed = pod.containers.some(
    (c) => c.backOffSync === sync || c.imageBackOffSync === sync || c.imageFailedSync === sync || c.current?.kills.some((k) => k.sync === sync && k.reason === 'PostStartHookFailed'),
  );
  const acted = pod.containers.some(
    (c) => c.removedSync === sync || (c.current !== undefined && (c.current.sync === sync || c.current.kills.some((k) => killedBySync(k, sync)))),
  );
  return acted && !failed;
};

/**
 * A pod over with nothing left to stop, not deleted: evicted while its containers wait out a back-off, or finished by
 * itself (every regular container exited for good, no sidecar runs). The pod worker publishes twice at this instant.
 * First the status generated while it could still have running containers (`pod_workers.go ::
 * CouldHaveRunningContainers` until `completeTerminating`), which the status manager merges with the terminal phase
 * held back (`status_manager.go :: mergePodStatus`): the finished pod's `SyncPod` status (`generateAPIPodStatus`:
 * Succeeded/Failed, its conditions generated from it, the sandbox still up), or the evicted pod's before `killPod`
 * (`kubelet.go :: SyncTerminatingPod` applies the eviction's Failed, `Evicted`). Then the status `SyncTerminatingPod`
 * generates once `killPod` returned (the sandbox stopped), which `completeTerminating` lets through: the worker marks
 * the pod terminated as `SyncTerminatingPod` returns, before the status manager's goroutine has fetched the pod to
 * merge it. `next`: what the sync does (the terminating path's kills, none here).
 */
const overKillsNothing = (pod: PodBook, now: VirtualMs, next: readonly Event[]): boolean =>
  podTerminal(pod) && pod.deletion === undefined && !pod.syncFoundTerminal && next.length === 0 && !syncPodRunsOn(pod, now) && liveContainers(pod).length === 0;

export const syncPod = (state: EngineState, uid: string, now: VirtualMs): Event[] => {
  const pod = state.pods.get(uid);
  const node = pod?.node === undefined ? undefined : state.nodes.get(pod.node);
  // nothing to do without a reachable kubelet
  if (pod === undefined || node === undefined || kubeletDown(node)) return [];
  const next = step(state, pod, node, now);
  // numbered, so that a second sync at the same instant is not taken for the first by the journal's dedup
  const synced = (): Event[] => [{ type: 'PodSynced', ...aboutPod(now, 'kubelet', pod.ref), sync: pod.syncs + 1 }];
  // `SyncTerminatedPod`: TerminatePod's status when it may mark a container or the kubelet learnt something since the
  // last status (a deleted pod's final status may be the first past its active deadline); the final delete follows
  if (terminatedSyncDue(pod, node, now)) return [...deadlineNoticed(pod, now), { type: 'PodSynced', ...aboutPod(now, 'kubelet', pod.ref), sync: pod.syncs + 1, terminated: true }];
  if (pod.sessionAt === now) {
    if (next.length > 0) return next;
    // `SyncTerminatingPod` generates its next status as soon as `killPod` returns: a deleted, evicted,
    // past-deadline or finished pod's last stopped container is published at its exit, not at the next relist
    // a deleted pod's final status may be the first past its active deadline (Failed / DeadlineExceeded)
    if (pod.dirty && pod.deletion !== undefined && podKillReturned(pod)) return [...deadlineNoticed(pod, now), ...synced()];
    if (pod.dirty && podTerminal(pod) && podKillReturned(pod)) return synced();
    // this sync is done; what the pod's on-demand relist sees (`relistsOnDemand`) starts the next one at once;
    // an update that came in meanwhile (the active deadline's too) waits for the next relist (`pendingTrigger`)
    const due = pod.syncDueAt !== undefined && relistsOnDemand(pod, now);
    return pod.dirty && due ? [...deadlineNoticed(pod, now), ...synced()] : [];
  }
  if (!pod.admitted) return next;
  // one sync at a time: an update while one is blocked waits for it (`pod_workers.go :: managePodLoop`)
  if (syncInFlight(pod)) return [];
  // `SyncTerminatedPod` with nothing to publish: only the final delete
  if (next[0]?.type === 'PodRemoved') return next;
  // published twice even when `killPod` has nothing to stop: while the worker is not done, then as it returns
  const heldThenReleased = (): Event[] => [
    { type: 'PodSynced', ...aboutPod(now, 'kubelet', pod.ref), sync: pod.syncs + 1, beforeKill: true },
    { type: 'PodSynced', ...aboutPod(now, 'kubelet', pod.ref), sync: pod.syncs + 2 },
  ];
  if (overKillsNothing(pod, now, next)) return heldThenReleased();
  // the status this sync generates may be past the deadline: Failed, and the pod is then terminated; with nothing
  // running, that Failed is held back and let through at this instant like a finished pod's (`overKillsNothing`)
  const past = deadlineNoticed(pod, now);
  if (past.length > 0 && pod.deletion === undefined && !syncPodRunsOn(pod, now) && liveContainers(pod).length === 0) return [...past, ...heldThenReleased()];
  // a resync with nothing to show still generates a status, and so triggers readiness runs (`UpdatePodStatus`)
  return past.length > 0 || pod.dirty || next.length > 0 || readinessRunsWanted(pod) ? [...past, ...synced()] : [];
};
