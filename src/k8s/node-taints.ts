/**
 * The taint keys the node lifecycle controller keeps in step with a node's conditions
 * (`pkg/controller/nodelifecycle/node_lifecycle_controller.go`): `nodeConditionToTaintKeyStatusMap` for the
 * conditions that are True, and for Ready, False → not-ready and Unknown → unreachable.
 */

/** A condition type and the key of the NoSchedule taint it brings while True. */
export const CONDITION_TAINT_KEYS: readonly (readonly [string, string])[] = [
  ['MemoryPressure', 'node.kubernetes.io/memory-pressure'],
  ['DiskPressure', 'node.kubernetes.io/disk-pressure'],
  ['PIDPressure', 'node.kubernetes.io/pid-pressure'],
  ['NetworkUnavailable', 'node.kubernetes.io/network-unavailable'],
];

/** The key of the taint a Ready condition with this status brings, if any. */
export const readyTaintKey = (status: string | undefined): string | undefined =>
  status === 'False' ? 'node.kubernetes.io/not-ready' : status === 'Unknown' ? 'node.kubernetes.io/unreachable' : undefined;
