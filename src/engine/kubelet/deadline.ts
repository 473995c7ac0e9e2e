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
 * already over is left to that path.
 */
const deadlineOf = (pod: PodBook): VirtualMs | undefined => {
  const seconds = pod.spec.activeDeadlineSeconds;
  if (seconds === undefined || pod.startTime === undefined || pod.deadlineExceeded || podTerminal(pod)) return undefined;
  return pod.startTime + seconds * 1000;
};

/**
 * The `syncCh` tick at which `getPodsToSync` first finds the pod past its deadline. A pod being deleted is
 * synced too, but its worker is terminating it (`UpdatePod` only queues the update): no status comes of it.
 */
export const deadlineTick = (pod: PodBook, node: NodeBook): VirtualMs | undefined => {
  const at = deadlineOf(pod);
  return at === undefined || pod.deletion !== undefined ? undefined : tickOf(node, at);
};

/**
 * A status generated now is past the deadline: `ShouldEvict` (a Normal `DeadlineExceeded` Event) makes it
 * Failed / DeadlineExceeded. Every `generateAPIPodStatus` asks, a deleted pod's too: the one its
 * `SyncTerminatingPod` makes once every container is gone, so a deadline passing during the grace ends it so.
 */
export const deadlineNoticed = (pod: PodBook, now: VirtualMs): Event[] => {
  const at = deadlineOf(pod);
  return at !== undefined && now >= at ? [{ type: 'PodDeadlineExceeded', ...aboutPod(now, 'kubelet', pod.ref) }] : [];
};
