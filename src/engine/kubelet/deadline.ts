/**
 * `spec.activeDeadlineSeconds` (`pkg/kubelet/active_deadline.go`): past `status.startTime` + the deadline
 * (`pastActiveDeadline`: `duration >= allowedDuration`), `ShouldSync` puts the pod among those the `syncCh`
 * ticker syncs (`kubelet.go :: getPodsToSync`, every second), and `ShouldEvict` makes the status that sync
 * generates Failed / DeadlineExceeded (`kubelet_pods.go :: generateAPIPodStatus`); `SyncPod` then returns
 * terminal and the pod worker stops every container with the pod's grace (`SyncTerminatingPod`).
 */
import type { Event } from '../../events/index.js';
import { aboutPod } from '../emit.js';
import { podTerminal } from '../lifecycle.js';
import type { NodeBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';
import { tickOf } from './worker.js';

/**
 * When the deadline passes, if it still can: the status manager set `startTime` at the pod's first sync
 * (`updateStatusInternal`, in memory at full precision: `pastActiveDeadline` reads it from there). A pod
 * already over or being deleted is left to those paths.
 */
const deadlineOf = (pod: PodBook): VirtualMs | undefined => {
  const seconds = pod.spec.activeDeadlineSeconds;
  if (seconds === undefined || pod.startTime === undefined || pod.deadlineExceeded || pod.deletion !== undefined || podTerminal(pod)) return undefined;
  return pod.startTime + seconds * 1000;
};

/** The `syncCh` tick at which `getPodsToSync` first finds the pod past its deadline. */
export const deadlineTick = (pod: PodBook, node: NodeBook): VirtualMs | undefined => {
  const at = deadlineOf(pod);
  return at === undefined ? undefined : tickOf(node, at);
};

/** A sync starting now generates its status past the deadline: `ShouldEvict` (a Normal `DeadlineExceeded` Event). */
export const deadlineNoticed = (pod: PodBook, now: VirtualMs): Event[] => {
  const at = deadlineOf(pod);
  return at !== undefined && now >= at ? [{ type: 'PodDeadlineExceeded', ...aboutPod(now, 'kubelet', pod.ref) }] : [];
};
