/**
 * Graceful deletion (`strategy.go :: CheckGracefulDelete`, `pod_workers.go`, `status_manager.go :: canBeDeleted`):
 * the API server removes at once a pod that was never bound, is already finished, or is force-deleted;
 * otherwise the kubelet stops every container (no restarts) and sends the final delete when all are gone.
 */
import type { Event } from '../../events/index.js';
import { aboutPod } from '../emit.js';
import { killing } from '../kubelet/kill.js';
import { liveContainers, podTerminal } from '../lifecycle.js';
import { podGraceSeconds } from '../spec.js';
import type { PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';

/** The API server deletes the object without waiting for a kubelet (grace forced to 0). */
export const removedAtOnce = (pod: PodBook): boolean =>
  pod.deletion !== undefined &&
  !pod.removed &&
  (pod.node === undefined || pod.deletion.graceSeconds === 0 || (podTerminal(pod) && liveContainers(pod).length === 0));

export const apiRemoval = (pod: PodBook, now: VirtualMs): Event[] =>
  removedAtOnce(pod) ? [{ type: 'PodRemoved', ...aboutPod(now, 'api', pod.ref) }] : [];

/**
 * `calculateEffectiveGracePeriod`: the deletion's grace, and for a force deletion (0) the pod's own, so the
 * kubelet still stops the containers gracefully after the object is gone.
 */
const effectiveGrace = (pod: PodBook, requested: number): number => (requested > 0 ? requested : Math.max(podGraceSeconds(pod.spec), 1));

/** The kubelet's side of a deletion: stop what runs, then the final delete. */
export const terminate = (pod: PodBook, now: VirtualMs): Event[] => {
  if (pod.deletion === undefined) return [];
  const live = liveContainers(pod);
  const grace = effectiveGrace(pod, pod.deletion.graceSeconds);
  const kills = live.filter((c) => c.current?.killing === undefined).map((c) => killing(pod, c, now, 'PodDeleted', grace));
  if (kills.length > 0) return kills;
  if (live.length === 0 && !pod.removed) return [{ type: 'PodRemoved', ...aboutPod(now, 'kubelet', pod.ref) }];
  return [];
};
