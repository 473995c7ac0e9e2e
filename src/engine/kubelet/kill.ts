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

/** A probe or hook kill in flight is sent again (its sync is cancelled); a pod-level one only for a shorter grace. */
const killedAgain = (c: ContainerBook, grace: number): boolean => {
  const kills = c.current?.kills ?? [];
  const last = kills[kills.length - 1];
  return last === undefined || !isPodKill(last) || grace < last.graceSeconds;
};

/**
 * `SyncTerminatingPod` is blocked in `killPod`: a container it stopped for the pod still runs, and no shorter
 * grace (`shorterGrace`, a deletion's) has come to cancel it (`pod_workers.go :: UpdatePod` cancels a
 * terminating sync only when its grace shrinks).
 */
export const podKillInFlight = (pod: PodBook, shorterGrace: number | undefined): boolean => {
  const stopping = liveContainers(pod).filter((c) => c.current?.kills.some(isPodKill) === true);
  return stopping.length > 0 && (shorterGrace === undefined || !stopping.some((c) => killedAgain(c, shorterGrace)));
};

/** The terminating path has sent its kills (`killPod`): a container was stopped for the pod. */
export const podKillSent = (pod: PodBook): boolean => pod.containers.some((c) => c.current?.kills.some(isPodKill) === true);

/** `killPod` has returned: every container stopped for the pod (eviction, deadline, a finished pod's sidecars) is gone. */
export const podKillReturned = (pod: PodBook): boolean => liveContainers(pod).length === 0 && podKillSent(pod);

/**
 * A pod becoming terminating, or its grace shrinking (`pod_workers.go :: UpdatePod`, "Cancelling current pod
 * sync"): every live container is killed with the pod's grace (`killPodWithSyncResult`), unless it is already
 * stopping for the pod with that grace or a shorter one (`calculateEffectiveGracePeriod` never lengthens it).
 */
export const killPod = (pod: PodBook, now: VirtualMs, reason: KillReason, grace: number): EventOf<'ContainerKilling'>[] =>
  liveContainers(pod)
    .filter((c) => killedAgain(c, grace))
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
 * When one kill sends SIGTERM and SIGKILL, as the world's preStop answer says; undefined while a sidecar waits
 * for its turn.
 */
const signals = (world: World, pod: PodBook, c: ContainerBook, kill: Killing): { readonly sigtermAt: VirtualMs; readonly sigkillAt: VirtualMs } | undefined => {
  const spec = specOf(pod, c).spec;
  // the kill's grace is the pod worker's, an eviction's 1 s override included: v1.36's `killContainer` applies the
  // override before preStop, so it bounds the hook too, and the 2 s minimum comes after both
  const grace = kill.graceSeconds;
  const preStop = spec.lifecycle?.preStop;
  const hookMs =
    preStop !== undefined && grace > 0 ? Math.min(hookAnswerOf(preStop, () => world.preStop(pod.ref, c.name)).durationMs, grace * 1000) : 0;
  const turn = turnOf(pod, c, kill);
  if (turn === undefined) return undefined;
  const sigtermAt = Math.max(kill.at + hookMs, turn);
  const spentSeconds = Math.floor((sigtermAt - kill.at) / 1000);
  const windowSeconds = Math.max(grace - spentSeconds, MINIMUM_GRACE_SECONDS);
  return { sigtermAt, sigkillAt: sigtermAt + windowSeconds * 1000 };
};

/**
 * When and how a process its kills (in order) end, as the world's SIGTERM reaction says; undefined while
 * nothing is due (a sidecar waiting for its turn). Each later kill cancels the sync that sent the one before
 * (`pod_workers.go :: UpdatePod`, "Cancelling current pod sync"): that kill's preStop hook ends with its
 * context (`executePreStopHook` → `runner.Run(ctx, …)`), its `StopContainer` returns on the cancelled context
 * before SIGTERM, or after it without the SIGKILL (containerd's `stopContainer`: "If the parent context was
 * cancelled or exceeded return immediately"), and the new kill runs preStop again and gives at least 2 s after
 * it (`killContainer`). A SIGTERM already sent still reaches the process. So a shorter grace can make the process
 * live longer than the first kill's SIGKILL would have.
 */
export const killedEnd = (world: World, pod: PodBook, c: ContainerBook, kills: readonly Killing[]): ProcessEnd | undefined => {
  const reaction = world.onSigterm(pod.ref, c.name);
  const ends = kills.flatMap((kill, k): ProcessEnd[] => {
    const sent = signals(world, pod, c, kill);
    if (sent === undefined) return [];
    const cancelledAt = kills[k + 1]?.at ?? Infinity;
    // SIGKILL first: on a tie the process is killed, its handler's exit comes too late
    return [
      ...(sent.sigkillAt < cancelledAt ? [{ at: sent.sigkillAt, code: 137 }] : []),
      ...(reaction !== undefined && sent.sigtermAt < cancelledAt ? [{ at: sent.sigtermAt + reaction.afterMs, code: reaction.code }] : []),
    ];
  });
  return ends.reduce<ProcessEnd | undefined>((first, end) => (first === undefined || end.at < first.at ? end : first), undefined);
};
