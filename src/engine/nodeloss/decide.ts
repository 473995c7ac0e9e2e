/**
 * A node that is not Ready, seen from the control plane (`node_lifecycle_controller.go`,
 * `tainteviction/taint_eviction.go`): a silent kubelet's node is marked `Unknown`, its pods' Ready condition
 * False; when a pod's toleration of the node's NoExecute taint runs out, the taint-eviction controller adds
 * `DisruptionTarget` and deletes it. No kubelet confirms the deletion, so the object stays (Terminating)
 * until the node comes back or someone force-deletes it. No `NodeLost` reason is written any more.
 */
import type { Event } from '../../events/index.js';
import { nodeStatusUnknown } from '../../events/node-status-unknown.js';
import { instantOf } from '../../k8s/codecs.js';
import { aboutPod } from '../emit.js';
import type { InputOf } from '../inputs.js';
import { podGraceSeconds } from '../spec.js';
import type { EngineState } from '../state.js';
import type { VirtualMs } from '../world.js';

export const decideNodeLoss = (
  state: EngineState,
  input: InputOf<'nodeUnresponsive' | 'nodeLost' | 'tolerationExpired'>,
  now: VirtualMs,
): Event[] => {
  switch (input.kind) {
    case 'nodeUnresponsive': {
      const node = state.nodes.get(input.node);
      if (node === undefined || node.lostAt !== undefined) return [];
      return [nodeStatusUnknown(instantOf(now), node.name)];
    }
    case 'nodeLost':
    case 'tolerationExpired':
      break;
    default: {
      const never: never = input;
      return never;
    }
  }
  const pod = state.pods.get(input.uid);
  if (pod === undefined || pod.node === undefined) return [];
  const subject = aboutPod(now, 'controller', pod.ref);
  if (input.kind === 'nodeLost') return [{ type: 'PodNodeLost', ...subject, node: pod.node }];
  return [
    {
      type: 'PodConditionSet',
      ...subject,
      conditionType: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    },
    // `DeleteOptions{}`: the pod's own grace period
    { type: 'PodDeletionRequested', ...subject, gracePeriodSeconds: podGraceSeconds(pod.spec) },
  ];
};
