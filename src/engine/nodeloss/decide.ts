/**
 * A lost node, seen from the control plane (`node_lifecycle_controller.go`, `tainteviction/taint_eviction.go`):
 * its pods are marked lost at once; when a pod's toleration of `node.kubernetes.io/unreachable:NoExecute`
 * runs out (300 s from the DefaultTolerationSeconds admission plugin unless the spec says otherwise) the
 * taint manager deletes it. No kubelet confirms, so the object stays.
 */
import type { Event } from '../../events/index.js';
import { aboutPod } from '../emit.js';
import type { InputOf } from '../inputs.js';
import { podGraceSeconds } from '../spec.js';
import type { EngineState, PodBook } from '../state.js';
import { tolerationFor, UNREACHABLE_TAINT } from '../tolerations.js';
import type { VirtualMs } from '../world.js';

/** `defaultTolerationSeconds` of `plugin/pkg/admission/defaulttolerationseconds`. */
const DEFAULT_TOLERATION_SECONDS = 300;

/** How long the pod stays on an unreachable node; undefined when it tolerates the taint for ever. */
export const unreachableToleration = (pod: PodBook): number | undefined => {
  const own = tolerationFor(pod.spec, UNREACHABLE_TAINT, 'NoExecute');
  return own === undefined ? DEFAULT_TOLERATION_SECONDS : own.tolerationSeconds;
};

export const decideNodeLoss = (state: EngineState, input: InputOf<'nodeLost' | 'tolerationExpired'>, now: VirtualMs): Event[] => {
  const pod = state.pods.get(input.uid);
  if (pod === undefined || pod.node === undefined) return [];
  const subject = aboutPod(now, 'controller', pod.ref);
  switch (input.kind) {
    case 'nodeLost':
      return [{ type: 'PodNodeLost', ...subject, node: pod.node }];
    case 'tolerationExpired':
      return [
        {
          type: 'PodConditionSet',
          ...subject,
          conditionType: 'DisruptionTarget',
          status: 'True',
          reason: 'DeletionByTaintManager',
          message: 'Taint manager: deleting due to NoExecute taint',
        },
        { type: 'PodDeletionRequested', ...subject, gracePeriodSeconds: podGraceSeconds(pod.spec) },
      ];
    default: {
      const never: never = input;
      return never;
    }
  }
};
