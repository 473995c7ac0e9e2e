/**
 * Stopping a container (`kuberuntime_container.go :: killContainer`): the `Killing` decision, for one container
 * or for every container of a terminating pod, and when the process then ends: preStop first (bounded by the
 * grace, its whole seconds subtracted), a sidecar's wait for its turn, then SIGTERM with a window of at least
 * 2 s, SIGKILL (exit 137) at its end. The grace is the kill's own: an eviction's 1 s override bounds preStop and
 * the window alike (it is applied before preStop, then raised to the 2 s minimum).
 */
import type { EventOf, KillReason } from '../../events/index.js';
import { aboutContainer } from '../emit.js';
import { isRunning, liveContainers, specOf } from '../lifecycle.js';
import { hookAnswerOf } from '../spec.js';
import type { ContainerBook, Killing, PodBook } from '../state.js';
import type { VirtualMs, World } from '../world.js';

/** `minimumGracePeriodInSeconds` in `kuberuntime_manager.go`. */
const MINIMUM_GRACE_SECONDS = 2;

/** `immediateEvictionGracePeriodSeconds` (`eviction_manager.go`): hard thresholds and local storage limits kill with a 1 s grace. */
export const EVICTION_GRACE_SECONDS = 1;

export const killing = (
  pod: PodBook,
  c: ContainerBook,
  now: VirtualMs,
  reason: KillReason,
  graceSeconds: number,
  message = `Stopping container ${c.name}`,
): EventOf<'ContainerKilling'> => ({
  type: 'ContainerKilling',
  ...aboutContainer(now, 'kubelet', pod.ref, c.name),
  reason,
  message,
  gracePeriodSeconds: graceSeconds,
});

/** Pod-level kills, those of a terminating pod, where sidecars wait for their turn (`terminationOrdering`, KEP-753). */
const podKills: ReadonlySet<KillReason> = new Set(['PodDeleted', 'PodEvicted', 'PodFinished']);

const isPodKill = (kill: Killing): boolean => podKills.has(kill.reason);

/** A kill for the pod (not a probe's or a hook's) has been sent to the container's current instance. */
export const stoppingForPod = (c: ContainerBook): boolean => c.current?.kills.some(isPodKill) === true;

/**
 * A container is killed for the pod unless a pod-level kill of it is already in flight: v1.36's
 * `kubelet.go :: SyncTerminatingPod` runs `killPod` on `context.Background()` ("TODO(#113606): connect this with
 * the incoming context parameter"), so the pod worker's "Cancelling current pod sync" on a shorter grace
 * (`pod_workers.go :: UpdatePod`) never reaches it; it returns once every container is gone, and the worker
 * then completes the termination without calling `killContainer` again (kubernetes#83916). A deletion, an
 * eviction or a pod's end waits for a probe or hook kill in flight and the restart its `SyncPod` planned
 * (`worker.ts :: syncPodRunsOn`).
 */
const killedAgain = (c: ContainerBook): boolean => !stoppingForPod(c);

/**
 * `SyncTerminatingPod` is blocked in `killPod`: a container it stopped for the pod still runs. A shorter grace
 * (a second delete, an eviction, a force delete) does not end the wait (`killedAgain`).
 */
export const podKillInFlight = (pod: PodBook): boolean => liveContainers(pod).some(stoppingForPod);

/** The terminating path has sent its kills (`killPod`): a container was stopped for the pod. */
export const podKillSent = (pod: PodBook): boolean => pod.containers.some(stoppingForPod);

/** `killPod` has returned: every container stopped for the pod (eviction, deadline, a finished pod's sidecars) is gone. */
export const podKillReturned = (pod: PodBook): boolean => liveContainers(pod).length === 0 && podKillSent(pod);

/**
 * A pod becoming terminating (`pod_workers.go :: UpdatePod`): every live container is killed with the pod's
 * grace (`killPodWithSyncResult`), unless the pod's kill of it is already in flight (`killedAgain`).
 */
export const killPod = (pod: PodBook, now: VirtualMs, reason: KillReason, grace: number): EventOf<'ContainerKilling'>[] =>
  liveContainers(pod)
    .filter(killedAgain)
    .map((c) => killing(pod, c, now, reason, grace));

/**
 * When a sidecar of a terminating pod may get SIGTERM: after every regular container and every later
 * sidecar has exited (sidecars stop in reverse order); undefined while one of them still runs.
 */
const turnOf = (pod: PodBook, c: ContainerBook, kill: Killing): VirtualMs | undefined => {
  if (c.role !== 'sidecar' || !isPodKill(kill)) return kill.at;
  const index = pod.containers.indexOf(c);
  const blockers = pod.containers.filter((o, i) => o.role === 'regular' || (o.role === 'sidecar' && i > index));
  if (blockers.some((o) => isRunning(o.current))) return undefined;
  return Math.max(kill.at, ...blockers.map((o) => o.current?.exit?.at ?? kill.at));
};

/** A process's end: when, and its exit code. */
export interface ProcessEnd {
  readonly at: VirtualMs;
  readonly code: number;
}

/**
 * When and how a process ends once killed, as the world's preStop and SIGTERM reactions say; undefined while a
 * sidecar waits for its turn. Its first kill decides, whatever comes after it: the runtime calls of a kill in
 * flight run on a context nothing cancels (v1.36's `kubelet.go :: SyncTerminatingPod` uses
 * `context.Background()`, `SyncPod` hands the runtime `context.WithoutCancel(ctx)`; TODO(#113606)), so its
 * preStop hook, its `StopContainer` with the first grace and the SIGKILL at that grace's end all run to their
 * end (kubernetes#83916, open; #113883 and #127580, which would change it, were not merged). A later, shorter
 * grace neither cuts the process short nor lets its SIGKILL lapse.
 */
export const killedEnd = (world: World, pod: PodBook, c: ContainerBook, kills: readonly Killing[]): ProcessEnd | undefined => {
  const first = kills[0];
  if (first === undefined) return undefined;
  const spec = specOf(pod, c).spec;
  // the kill's grace is the pod worker's, an eviction's 1 s override included: v1.36's `killContainer` applies the
  // override before preStop, so it bounds the hook too, and the 2 s minimum comes after both
  const grace = first.graceSeconds;
  const preStop = spec.lifecycle?.preStop;
  const hookMs =
    preStop !== undefined && grace > 0 ? Math.min(hookAnswerOf(preStop, () => world.preStop(pod.ref, c.name)).durationMs, grace * 1000) : 0;
  const turn = turnOf(pod, c, first);
  if (turn === undefined) return undefined;
  const sigtermAt = Math.max(first.at + hookMs, turn);
  const spentSeconds = Math.floor((sigtermAt - first.at) / 1000);
  const sigkillAt = sigtermAt + Math.max(grace - spentSeconds, MINIMUM_GRACE_SECONDS) * 1000;
  const reaction = world.onSigterm(pod.ref, c.name);
  // on a tie the process is killed: its handler's exit comes too late
  return reaction !== undefined && sigtermAt + reaction.afterMs < sigkillAt
    ? { at: sigtermAt + reaction.afterMs, code: reaction.code }
    : { at: sigkillAt, code: 137 };
};
