/**
 * `kubelet.go :: SyncTerminatedPod`: once `SyncTerminatingPod` has returned (every container gone, its last status
 * published), the pod worker waits for a PLEG status newer than that sync (`pod_workers.go :: podWorkerLoop`:
 * `podCache.GetNewerThan(uid, lastSyncTime)`, the next 1 s relist; no on-demand relist on the terminating path), then
 * generates the status once more and ends with `statusManager.TerminatePod`, which marks each container the status
 * still shows unfinished terminated `ContainerStatusUnknown` and turns a Pending or Running phase Failed; a deleted
 * pod's final delete follows (`status_manager.go :: syncPod`, `canBeDeleted`).
 */
import type { VirtualMs } from '../world.js';
import type { ContainerBook, NodeBook, PodBook } from '../state.js';
import { hasLiveContainer, willRestart } from '../lifecycle.js';
import { stoppingForPod } from './kill.js';
import { tickOf } from './worker.js';

/** `housekeepingPeriod` in `kubelet.go`: the `housekeepingCh` ticker that runs `HandlePodCleanups`. */
const HOUSEKEEPING_MS = 2_000;

/** The first housekeeping tick after `t`, on a grid from the node's registration, as its relist's. */
const housekeepingAfter = (node: NodeBook, t: VirtualMs): VirtualMs =>
  node.registeredAt + (Math.floor((t - node.registeredAt) / HOUSEKEEPING_MS) + 1) * HOUSEKEEPING_MS;

/**
 * Deleted before its kubelet first saw it, then rejected at admission (`HandlePodAdditions` admits what the pod
 * worker has not seen terminating, and `rejectPod` writes Failed): no pod worker knows it, so no termination of its
 * own ever runs, and the API server no longer removes it (it was Pending when the request came).
 */
export const rejectedDeleted = (pod: PodBook): boolean =>
  pod.rejectedAt !== undefined && pod.deletion !== undefined && pod.deletion.at <= pod.rejectedAt;

/**
 * When `SyncTerminatedPod` runs: at the relist after the terminating sync returned (its start, or the last exit it
 * waited for); undefined while that sync has not begun (a deleted pod's `SyncPod` in flight runs on) or not returned.
 * A rejected pod has no pod worker: one deleted before its rejection gets one at the next housekeeping
 * (`kubelet_pods.go :: HandlePodCleanups` hands a deleted, terminal pod no worker knows to `UpdatePod` with
 * `SyncPodKill`, `filterTerminalPodsToDelete`; `pod_workers.go :: UpdatePod` finds it terminal in the config and with
 * nothing in the runtime, so its first work is `SyncTerminatedPod`, whose `TerminatePod` lets the delete go).
 */
export const syncTerminatedAt = (pod: PodBook, node: NodeBook): VirtualMs | undefined => {
  if (pod.removed) return undefined;
  if (pod.rejectedAt !== undefined) return rejectedDeleted(pod) ? housekeepingAfter(node, pod.rejectedAt) : undefined;
  const synced = pod.syncedAt;
  if (synced === undefined || hasLiveContainer(pod)) return undefined;
  const terminating = pod.deletion === undefined ? pod.syncFoundTerminal : synced >= pod.deletion.at;
  if (!terminating) return undefined;
  const returned = Math.max(synced, ...pod.containers.map((c) => c.current?.exit?.at ?? synced));
  return tickOf(node, returned, true);
};

/**
 * The terminal status may still show the container unfinished: it never ran (waiting), or it exited and waits to run
 * again (its cached start failure, `CrashLoopBackOff`, shown while `ShouldContainerBeRestarted`, which a deletion
 * answers no), not stopped for the pod. A container shown terminated but restartable answers yes too: its
 * `TerminatePod` write then changes nothing.
 */
const mayShowUnfinished = (pod: PodBook, c: ContainerBook): boolean =>
  c.current === undefined || (pod.deletion === undefined && c.current.exit !== undefined && !stoppingForPod(c) && willRestart(pod, c));

/**
 * `TerminatePod` may change the status: mark a container (`status_manager.go :: hasPodInitialized`,
 * `initializedContainers`: a regular one once the pod has initialized, that is no init containers, a regular container
 * ran, or the last init container completed or, a sidecar, ran; an init container up to the last one that ran, at least
 * the first), or turn a deleted pod's phase Failed: `getPhase` left it Pending while a container never ran, unless a
 * regular init container failed for good (Failed).
 */
export const terminatePodMayWrite = (pod: PodBook): boolean => {
  const inits = pod.containers.filter((c) => c.role !== 'regular');
  const regular = pod.containers.filter((c) => c.role === 'regular');
  const last = inits[inits.length - 1];
  const initialized =
    last === undefined || regular.some((c) => c.instances > 0) || (last.role === 'sidecar' ? last.instances > 0 : last.current?.exit?.code === 0);
  const ran = inits.reduce((n, c, i) => (c.instances > 0 ? i + 1 : n), 0);
  const marked = inits.slice(0, Math.max(ran, 1));
  if (marked.some((c) => mayShowUnfinished(pod, c)) || (initialized && regular.some((c) => mayShowUnfinished(pod, c)))) return true;
  const initFailed = inits.some((c) => c.role === 'init' && c.current?.exit !== undefined && c.current.exit.code !== 0 && !willRestart(pod, c));
  // an eviction or the active deadline set Failed, and a pod that finished by itself has its terminal phase already
  return pod.deletion !== undefined && !initFailed && pod.containers.some((c) => c.current === undefined);
};

/**
 * `SyncTerminatedPod` has not published yet, and `TerminatePod` may change the status or the kubelet learnt something.
 * A rejected pod's always changes it (`rejectedDeleted`): its `generateAPIPodStatus` writes the kubelet's conditions and
 * container statuses over what `rejectPod` wrote, and `TerminatePod` marks them.
 */
const terminatedStatusPending = (pod: PodBook): boolean =>
  pod.terminatedSynced !== true && (pod.rejectedAt === undefined ? pod.dirty || terminatePodMayWrite(pod) : rejectedDeleted(pod));

/**
 * `SyncTerminatedPod` has a status to publish: its relist has come (`terminatedStatusPending`). `syncTerminatedAt` is
 * asked first: it answers at once for a pod whose terminating sync has not returned (every pod that runs, at each of
 * its wake-ups), where `terminatePodMayWrite` reads every container.
 */
export const terminatedSyncDue = (pod: PodBook, node: NodeBook, now: VirtualMs): boolean => {
  const at = syncTerminatedAt(pod, node);
  return at !== undefined && at <= now && terminatedStatusPending(pod);
};

/** When the pod worker next acts for a pod over: its `SyncTerminatedPod` status (`terminatedSyncDue`), a deleted pod's final delete. */
export const terminatedWorkAt = (pod: PodBook, node: NodeBook): VirtualMs | undefined => {
  const at = syncTerminatedAt(pod, node);
  return at !== undefined && (pod.deletion !== undefined || terminatedStatusPending(pod)) ? at : undefined;
};
