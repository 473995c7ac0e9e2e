/**
 * The default scheduler's filters for one node, in plugin order (TaintToleration, NodeAffinity, NodePorts,
 * NodeResourcesFit), each failing node giving the reasons `FitError` counts, and the LeastAllocated score.
 */
import { qosClassOf } from '../../k8s/qos.js';
import { divideUp, nanosOf } from '../../k8s/quantity.js';
import { schedulingRequestNanos } from '../../eviction/index.js';
import { sidecarsAndContainers } from '../../k8s/pod.js';
import { podTerminal } from '../lifecycle.js';
import { CONDITION_TAINT_KEYS } from '../../k8s/node-taints.js';
import { MEMORY_PRESSURE_TAINT, UNREACHABLE_TAINT, findMatchingUntoleratedTaint, type Taint, type Toleration } from '../../k8s/tolerations.js';
import { podsBoundTo, type EngineState, type NodeBook, type PodBook } from '../state.js';
import { hostPortsFree, NODE_PORTS_TAKEN } from './host-ports.js';
import { requiredNodeAffinityMatches } from './node-affinity.js';

/** The kubelet's default `maxPods` when a node does not state `pods` in its allocatable. */
const DEFAULT_MAX_PODS = 110n;

export interface Verdict {
  readonly node: NodeBook;
  readonly reasons: readonly string[];
  /**
   * The filter failed `Unschedulable` (NodePorts, NodeResourcesFit), not `UnschedulableAndUnresolvable`:
   * preemption could help if lower-priority victims existed.
   */
  readonly preemptionMayHelp: boolean;
}

/** Taints the node lifecycle controller puts on a node by condition (`TaintNodesByCondition`). */
const conditionTaints = (node: NodeBook): Taint[] => [
  ...(node.lostAt === undefined ? [] : [{ key: UNREACHABLE_TAINT, effect: 'NoSchedule' }]),
  ...CONDITION_TAINT_KEYS.filter(([type]) => node.pressures.some((p) => p === type)).map(([, key]) => ({ key, effect: 'NoSchedule' })),
];

// non-BestEffort pods get the memory-pressure toleration by default
const MEMORY_PRESSURE_TOLERATION: Toleration = { key: MEMORY_PRESSURE_TAINT, operator: 'Exists', effect: 'NoSchedule' };

/** `tainttoleration.go :: Filter`: the first NoSchedule or NoExecute taint the pod does not tolerate. */
const untoleratedTaint = (pod: PodBook, node: NodeBook): string | undefined => {
  const own = pod.spec.tolerations ?? [];
  const tolerations = qosClassOf(pod.manifest) === 'BestEffort' ? own : [...own, MEMORY_PRESSURE_TOLERATION];
  const taint = findMatchingUntoleratedTaint(conditionTaints(node), tolerations, (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  return taint === undefined ? undefined : `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
};

/** `nodeaffinity.ErrReasonPod`. */
export const NODE_AFFINITY_MISMATCH = "node(s) didn't match Pod's node affinity/selector";

/** Pods holding room on a node: bound, not removed, not finished. */
export const podsOn = (state: EngineState, node: string): PodBook[] =>
  podsBoundTo(state, node).filter((p) => !p.removed && !podTerminal(p));

/** What the scheduler and the kubelet count a resource in: pods, milli-cpu (`MilliValue`), bytes (`Value`), rounded up. */
const unitOf: Readonly<Record<FitResource, bigint>> = { pods: 1_000_000_000n, cpu: 1_000_000n, memory: 1_000_000_000n };

export type FitResource = 'pods' | 'cpu' | 'memory';

/** `noderesources/fit.go :: InsufficientResource`, in the units `unitOf` names. */
export interface InsufficientResource {
  readonly resource: FitResource;
  readonly requested: bigint;
  readonly used: bigint;
  readonly capacity: bigint;
}

const request = (pod: PodBook, resource: FitResource): bigint => divideUp(schedulingRequestNanos(pod.manifest, resource), unitOf[resource]);

const allocatable = (node: NodeBook, resource: FitResource): bigint =>
  resource === 'pods' && node.allocatable['pods'] === undefined ? DEFAULT_MAX_PODS : divideUp(nanosOf(node.allocatable[resource]), unitOf[resource]);

/**
 * `noderesources/fit.go :: fitsRequest`, shared by the scheduler's filter and the kubelet's admission
 * (`lifecycle/predicate.go :: generalFilter`): the pod count first, then cpu and memory, each only if the pod
 * requests it; `others` are the pods already holding room on the node.
 */
export const insufficientResources = (pod: PodBook, node: NodeBook, others: readonly PodBook[]): InsufficientResource[] => {
  const pods: InsufficientResource = { resource: 'pods', requested: 1n, used: BigInt(others.length), capacity: allocatable(node, 'pods') };
  const fits = (['cpu', 'memory'] as const).map((resource): InsufficientResource => ({
    resource,
    requested: request(pod, resource),
    used: others.reduce((sum, p) => sum + request(p, resource), 0n),
    capacity: allocatable(node, resource),
  }));
  const short = (r: InsufficientResource): boolean => r.requested > 0n && r.requested > r.capacity - r.used;
  return [pods, ...fits].filter(short);
};

/** `fit.go :: Filter`'s reasons: `Too many pods`, `Insufficient cpu`, `Insufficient memory`. */
const fitReason = (r: InsufficientResource): string => (r.resource === 'pods' ? 'Too many pods' : `Insufficient ${r.resource}`);

/** The first filter that fails, as the framework stops at it (`RunFilterPlugins`). */
export const verdict = (state: EngineState, pod: PodBook, node: NodeBook): Verdict => {
  const taint = untoleratedTaint(pod, node);
  if (taint !== undefined) return { node, reasons: [taint], preemptionMayHelp: false };
  if (!requiredNodeAffinityMatches(pod.spec, node)) return { node, reasons: [NODE_AFFINITY_MISMATCH], preemptionMayHelp: false };
  const others = podsOn(state, node.name);
  if (!hostPortsFree(pod.spec, others.map((p) => p.spec))) return { node, reasons: [NODE_PORTS_TAKEN], preemptionMayHelp: true };
  return { node, reasons: insufficientResources(pod, node, others).map(fitReason), preemptionMayHelp: true };
};

/** `schedutil.DefaultMilliCPURequest` and `DefaultMemoryRequest`: what scoring assumes for a container that requests nothing. */
const nonZeroDefaults: Readonly<Record<string, bigint>> = { cpu: 100_000_000n, memory: 200n * (1n << 20n) * 1_000_000_000n };

/** `GetNonzeroRequests` (a missing request takes the default, an explicit 0 stays) summed over the containers that run together (regular containers and sidecars), in nano-units. */
const nonZeroRequest = (pod: PodBook, resource: string): bigint =>
  sidecarsAndContainers(pod.spec).reduce((sum, c) => {
    const raw = c.resources?.requests?.[resource];
    return sum + (raw === undefined ? (nonZeroDefaults[resource] ?? 0n) : nanosOf(raw));
  }, 0n);

/**
 * LeastAllocated (`noderesources/least_allocated.go`): the mean free fraction of cpu and memory once the pod
 * is placed, counting non-zero defaults for containers without requests, so such pods spread (higher is better).
 */
export const leastAllocatedScore = (state: EngineState, pod: PodBook, node: NodeBook): number => {
  const pods = [...podsOn(state, node.name), pod];
  const free = (resource: string): number => {
    const allocatable = nanosOf(node.allocatable[resource]);
    if (allocatable === 0n) return 0;
    const used = pods.reduce((sum, p) => sum + nonZeroRequest(p, resource), 0n);
    return Number(allocatable - used) / Number(allocatable);
  };
  return (free('cpu') + free('memory')) / 2;
};
