/**
 * Stopping a container (`kuberuntime_container.go :: killContainer`): the `Killing` decision, and when the
 * process then ends: preStop first (bounded by the grace, its whole seconds subtracted), then SIGTERM with
 * a window of at least 2 s, SIGKILL (exit 137) at its end; an eviction's override replaces the window.
 */
import type { EventOf, KillReason } from '../../events/index.js';
import { aboutContainer } from '../emit.js';
import { specOf } from '../lifecycle.js';
import { podGraceSeconds } from '../spec.js';
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

/** When and how a killed process ends, as the world's preStop and SIGTERM reactions say. */
export const killOutcome = (
  world: World,
  pod: PodBook,
  c: ContainerBook,
  kill: Killing,
): { readonly at: VirtualMs; readonly code: number } => {
  const spec = specOf(pod, c).spec;
  // an eviction passes its grace as an override: preStop is bounded by the pod's own grace, the stop window is the override
  const override = kill.reason === 'PodEvicted';
  const hookBound = override ? podGraceSeconds(pod.spec) : kill.graceSeconds;
  const hookMs =
    spec.lifecycle?.preStop !== undefined && hookBound > 0 ? Math.min(world.preStop(pod.ref, c.name).durationMs, hookBound * 1000) : 0;
  const sigtermAt = kill.at + hookMs;
  const windowSeconds = override ? kill.graceSeconds : Math.max(hookBound - Math.floor(hookMs / 1000), MINIMUM_GRACE_SECONDS);
  const sigkillAt = sigtermAt + windowSeconds * 1000;
  const reaction = world.onSigterm(pod.ref, c.name);
  return reaction !== undefined && sigtermAt + reaction.afterMs < sigkillAt
    ? { at: sigtermAt + reaction.afterMs, code: reaction.code }
    : { at: sigkillAt, code: 137 };
};
