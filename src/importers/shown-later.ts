/**
 * Facts a capture states at an instant its pod's previous capture (of the same source) already covered, while that
 * capture did not show them: the cluster showed them only from this capture on. The runtime's `finishedAt` is the
 * exit's time, but the API shows it only in the status the kubelet writes after it saw the exit
 * (`kubelet_pods.go :: convertToAPIContainerStatuses` takes `finishedAt` from the runtime's status,
 * `status_manager.go :: syncPod` publishes it later). The rolling update's r5smx: its 21:19:18 objects show it
 * Running (Terminating), its 21:19:19 object its container terminated with `finishedAt` 21:19:18. Placed at its own
 * time, the exit made `--at 21:19:18` answer Completed, which the cluster never showed then; it is placed at the
 * capture that first showed it, its own time kept as the time its status states (`ContainerExited.finishedAt`).
 */
import type { Instant } from '../k8s/codecs.js';
import type { Imported } from './imported.js';

/** `facts` of a capture at `capturedAt`, with the exits its pod's previous capture (at `previous`) did not show placed at it. */
export const shownFromCapture = (facts: Imported[], previous: Instant | undefined, capturedAt: Instant): Imported[] =>
  previous === undefined
    ? facts
    : facts.map((i) => {
        const e = i.event;
        if (e.type !== 'ContainerExited' || e.at > previous || e.at >= capturedAt) return i;
        return { ...i, event: { ...e, at: capturedAt, finishedAt: e.at } };
      });
