/**
 * `status.nominatedNodeName`: the node the scheduler nominated for a pod it preempted others for
 * (`pkg/scheduler/schedule_one.go :: handleSchedulingFailure`). Only a capture states it (`PodObserved`), and a later
 * one without it clears it; a binding clears it (`pkg/registry/core/pod/storage/storage.go :: setPodNodeAndMetadata`,
 * gate ClearingNominatedNodeNameAfterBinding, on by default since v1.35). The kubelet never writes it.
 */
import type { PodStatus } from '../k8s/pod.js';

/** The keys Go's `PodStatus` holds before `nominatedNodeName` (the API's order, which `-o yaml` prints). */
const BEFORE = new Set(['observedGeneration', 'phase', 'conditions', 'message', 'reason']);

/** `status` nominating `node`, or none (`undefined`); the same object when it already does. */
export const withNominatedNode = (status: PodStatus, node: string | undefined): PodStatus => {
  if (status.nominatedNodeName === node) return status;
  const out: Record<string, unknown> = {};
  let placed = node === undefined;
  for (const [key, value] of Object.entries(status)) {
    if (key === 'nominatedNodeName') continue;
    if (!placed && !BEFORE.has(key)) {
      out['nominatedNodeName'] = node;
      placed = true;
    }
    out[key] = value;
  }
  if (!placed) out['nominatedNodeName'] = node;
  return out as PodStatus;
};
