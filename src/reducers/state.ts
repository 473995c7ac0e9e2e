/**
 * The folded state: what the reducers derive from events. The shapes here are the contract between the
 * reducers (which build them), the engine, time travel, printers and the CLI (which read them).
 */
import type { V1Pod } from '../k8s/pod.js';
import type { ConditionStatus, Instant, ResourceList, StringMap } from '../k8s/codecs.js';
import type { KubeletView } from './kubelet-view.js';

/** One pod: the genuine v1 Pod a real cluster would show, and what the kubelet knows besides. */
export interface PodState {
  readonly pod: V1Pod;
  readonly kubelet: KubeletView;
}

export interface NodeCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason?: string;
  readonly message?: string;
  readonly lastTransitionTime: Instant;
}

export interface NodeState {
  readonly name: string;
  readonly capacity: ResourceList;
  readonly allocatable: ResourceList;
  readonly labels: StringMap;
  readonly internalIP?: string;
  /** Images already on the node at registration. */
  readonly images?: readonly string[];
  /** Hard eviction thresholds by signal (`memory.available: 100Mi`). */
  readonly evictionHard?: StringMap;
  readonly conditions: readonly NodeCondition[];
  /** When each eviction signal last met its hard threshold (`EvictionThresholdMet`). */
  readonly thresholdsLastMet: Readonly<Record<string, Instant>>;
}

/** Pods by uid (removed pods are absent) and nodes by name. */
export interface ClusterState {
  readonly pods: ReadonlyMap<string, PodState>;
  readonly nodes: ReadonlyMap<string, NodeState>;
}
