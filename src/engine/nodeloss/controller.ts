/**
 * When the node lifecycle controller (`pkg/controller/nodelifecycle/node_lifecycle_controller.go`) acts on a
 * node whose kubelet went silent, and when the taint-eviction controller's clock for a pod starts.
 *
 * - The kubelet renews its node lease every 10 s (`nodelease` renew interval: a quarter of the 40 s lease).
 * - The controller passes every 5 s (`--node-monitor-period`, `monitorNodeHealth`); a pass that finds the last
 *   renewal more than `--node-monitor-grace-period` (50 s since v1.32) ago marks the node's conditions
 *   `Unknown` (`tryUpdateNodeHealth`) and the pods' Ready False (`MarkPodsNotReady`) in that same pass.
 * - The NoExecute taint comes at the next pass (`processTaintBaseEviction` reads the Ready condition the pass
 *   started with), and not at all while every node is not Ready (`handleDisruption`: "master disruption
 *   mode" removes the taints; leaving it taints again at the next pass).
 * Both grids are counted from the node's registration: a choice, so that replays agree.
 */
import type { PodSpec } from '../../k8s/pod.js';
import { nextOnGrid } from '../grid.js';
import type { EngineState, NodeBook } from '../state.js';
import { admittedTolerations, NOT_READY_TAINT, toleratesTaint, UNREACHABLE_TAINT } from '../../k8s/tolerations.js';
import type { VirtualMs } from '../world.js';

export const LEASE_RENEW_MS = 10_000;
export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_MS = 50_000;
/** `labelNodeDisruptionExclusion`: such nodes do not count towards a zone's state. */
const EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

/** The kubelet posts nothing: it stopped, or its node's Ready condition is not True. */
export const kubeletDown = (node: NodeBook): boolean => node.kubeletStoppedAt !== undefined || node.lostAt !== undefined;

/** The pass that marks a silent node `Unknown`; undefined while its kubelet posts or once it is marked. */
export const unresponsiveAt = (node: NodeBook): VirtualMs | undefined => {
  if (node.kubeletStoppedAt === undefined || node.lostAt !== undefined) return undefined;
  const { registeredAt } = node;
  const renewals = Math.max(0, Math.ceil((node.kubeletStoppedAt - registeredAt) / LEASE_RENEW_MS) - 1);
  const lastRenewal = registeredAt + renewals * LEASE_RENEW_MS;
  // `now.After(probeTimestamp + gracePeriod)`: strictly after
  return nextOnGrid(registeredAt, NODE_MONITOR_PERIOD_MS, lastRenewal + NODE_MONITOR_GRACE_MS, true);
};

/** Every node that counts is not Ready: the controller is in "master disruption mode" and taints nothing. */
export const fullyDisrupted = (nodes: Iterable<NodeBook>): boolean => {
  const counted = [...nodes].filter((n) => n.labels[EXCLUDE_DISRUPTION] === undefined);
  return counted.length > 0 && counted.every((n) => n.lostAt !== undefined);
};

/** When the NoExecute taint lands on a node that is not Ready; undefined while the cluster is fully disrupted. */
export const noExecuteTaintAt = (state: EngineState, node: NodeBook): VirtualMs | undefined => {
  if (node.lostAt === undefined || fullyDisrupted(state.nodes.values())) return undefined;
  const from = Math.max(node.lostAt, state.disruptionEndedAt ?? node.lostAt);
  return nextOnGrid(node.registeredAt, NODE_MONITOR_PERIOD_MS, from, true);
};

/** The taint for the node's Ready status (`nodeConditionToTaintKeyStatusMap`). */
export const noExecuteTaintOf = (node: NodeBook): string => (node.lostStatus === 'False' ? NOT_READY_TAINT : UNREACHABLE_TAINT);

/**
 * How long the pod stays once tainted (`taint_eviction.go :: processPodOnNode`: its first toleration of the taint,
 * `getMinTolerationTime`, at most 0 meaning at once; none at all: deleted at once); undefined when it tolerates
 * the taint for ever. The tolerations are read as admission stored them (`admittedTolerations`), so a pod
 * recorded without admission's defaults gets them, and one whose own toleration of the key does not match
 * the value-less taint (an `Equal` with a value) got none and goes at once.
 */
export const tolerationSeconds = (spec: PodSpec, taint: string): number | undefined => {
  const own = admittedTolerations(spec.tolerations ?? []).find((t) => toleratesTaint(t, { key: taint, effect: 'NoExecute' }));
  if (own === undefined) return 0;
  return own.tolerationSeconds === undefined ? undefined : Math.max(0, own.tolerationSeconds);
};
