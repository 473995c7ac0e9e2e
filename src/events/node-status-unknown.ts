/** The one event that marks a silent kubelet's node, written alike by the engine and by a scenario's `loseNode`. */
import type { Instant } from '../k8s/codecs.js';
import { SCHEMA_VERSION } from './common.js';
import type { EventOf } from './index.js';

/**
 * `tryUpdateNodeHealth` (node_lifecycle_controller.go): past the grace period every condition the kubelet posted
 * turns Unknown; this journal's kubelet posts Ready.
 */
export const nodeStatusUnknown = (at: Instant, node: string): EventOf<'NodeConditionChanged'> => ({
  type: 'NodeConditionChanged',
  v: SCHEMA_VERSION,
  at,
  source: 'controller',
  node,
  conditionType: 'Ready',
  status: 'Unknown',
  reason: 'NodeStatusUnknown',
  message: 'Kubelet stopped posting node status.',
});
