/**
 * The pod-level `status.allocatedResources` and `status.resources` a v1.36 kubelet writes with every status it
 * generates (gate `InPlacePodLevelResourcesVerticalScaling`, beta and on in v1.36; `kubelet_pods.go ::
 * convertStatusToAPIStatus`), whether or not the pod sets `spec.resources`:
 * - `allocatedResources`: `PodRequests` of the allocated pod (omitted when it requests nothing);
 * - `resources` (`convertToAPIPodLevelResourcesStatus`): while the kubelet's copy of the pod is not `Running` (the
 *   status the API showed before this one), `PodRequests` and `PodLimits` (`getEffectiveAllocatedResources`); once
 *   it is, the pod-level `spec.resources` with cpu and memory from the pod cgroup (`pod-cgroup.ts`): the cpu request
 *   read back where it or the pod level's is above `MinShares` (2m), the cpu limit where it or the pod level's is
 *   above 10m, the memory limit as the cgroup holds it, the memory request `PodRequests`' (a pod-level one kept from
 *   the status before). Empty lists are omitted: a pod without requests or limits shows `resources: {}`.
 * A terminal status keeps the resources it had: the kubelet's copy of the pod is still the running one when it
 * generates the last status (the kind v1.36.1 recording's Succeeded pods keep the cgroup's values).
 */
import type { ResourceList } from '../k8s/codecs.js';
import type { PodSpec, PodStatus, QOSClass, ResourceRequirements, V1Pod } from '../k8s/pod.js';
import { isTerminalPhase } from '../k8s/phase.js';
import { qosClassOf } from '../k8s/qos.js';
import { formatBytes, formatQuantity, milliValueOf, nanosOf, parseQuantity } from '../k8s/quantity.js';
import { podLimits, podRequests } from '../k8s/pod-resources.js';
import { MIN_MILLI_CPU_LIMIT, MIN_SHARES, podCgroupReading } from '../k8s/pod-cgroup.js';

/** The two fields as one status writes them. */
export interface PodLevelResources {
  readonly allocatedResources?: ResourceList;
  readonly resources: ResourceRequirements;
}

const milliText = (milli: bigint): string => formatQuantity({ nanos: milli * 1_000_000n, format: 'DecimalSI' });

/** `{ limits, requests }` without an empty list (Go's `omitempty` on each map). */
const requirements = (requests: ResourceList, limits: ResourceList): ResourceRequirements => ({
  ...(Object.keys(limits).length > 0 && { limits }),
  ...(Object.keys(requests).length > 0 && { requests }),
});

const sortedList = (list: Record<string, string>): ResourceList =>
  Object.fromEntries(Object.entries(list).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Both fields from the spec alone (the allocated form), and the running forms met so far. They read only the spec's
 * containers, init containers, pod-level resources and overhead, so they are built once for those four objects: the
 * pods of a workload share them (`shared-values.ts`) on whatever node each is bound to (`boundSpec`: one spec object
 * per node, which at L is nearly one per pod), and so share these fields too.
 */
interface Allocated {
  readonly initContainers: PodSpec['initContainers'];
  readonly ownResources: PodSpec['resources'];
  readonly overhead: PodSpec['overhead'];
  readonly requests: ResourceList;
  readonly limits: ResourceList;
  readonly fields: PodLevelResources;
  /** A running pod's fields by the resources of the status before (`runningAfter`). */
  readonly running: WeakMap<ResourceRequirements, { readonly qos: QOSClass; readonly fields: PodLevelResources }>;
}

// Specs with one containers list and other init containers, resources or overhead: few (an update of those parts).
const PER_CONTAINERS = 8;
const allocatedByContainers = new WeakMap<PodSpec['containers'], Allocated[]>();

const allocatedOf = (spec: PodSpec): Allocated => {
  const known = allocatedByContainers.get(spec.containers);
  if (known !== undefined) {
    for (const a of known) if (a.initContainers === spec.initContainers && a.ownResources === spec.resources && a.overhead === spec.overhead) return a;
  }
  const requests = podRequests(spec);
  const limits = podLimits(spec);
  const built: Allocated = {
    initContainers: spec.initContainers,
    ownResources: spec.resources,
    overhead: spec.overhead,
    requests,
    limits,
    fields: { ...(Object.keys(requests).length > 0 && { allocatedResources: requests }), resources: requirements(requests, limits) },
    running: new WeakMap(),
  };
  if (known === undefined) allocatedByContainers.set(spec.containers, [built]);
  else if (known.length < PER_CONTAINERS) known.push(built);
  return built;
};

/**
 * `preserveOldResourcesValue`: the value the status before showed while both were Running, else the pod level's
 * plus the overhead (added to a limit only when the limit is not zero).
 */
const preserved = (pod: V1Pod, prev: PodStatus, side: 'requests' | 'limits', name: string, into: Record<string, string>): void => {
  const old = prev.phase === 'Running' ? prev.resources?.[side]?.[name] : undefined;
  if (old !== undefined) {
    into[name] = old;
    return;
  }
  const own = into[name];
  const overhead = pod.spec.overhead?.[name];
  if (own === undefined || overhead === undefined || (side === 'limits' && nanosOf(own) === 0n)) return;
  into[name] = formatQuantity({ nanos: nanosOf(own) + nanosOf(overhead), format: parseQuantity(own)?.format ?? 'DecimalSI' });
};

/** `convertToAPIPodLevelResourcesStatus` for a pod whose kubelet's copy is Running: spec values, the cgroup's over them. */
const runningResources = (pod: V1Pod, prev: PodStatus, allocated: Allocated, qos: QOSClass): ResourceRequirements => {
  const own = pod.spec.resources;
  const requests: Record<string, string> = { ...own?.requests };
  const limits: Record<string, string> = { ...own?.limits };
  const read = podCgroupReading(pod.spec, qos, allocated.requests, allocated.limits);
  if (read.cpuRequestMilli > MIN_SHARES || milliValueOf(requests['cpu']) > MIN_SHARES) requests['cpu'] = milliText(read.cpuRequestMilli);
  const memoryRequest = allocated.requests['memory'];
  if (requests['memory'] !== undefined) preserved(pod, prev, 'requests', 'memory', requests);
  else if (memoryRequest !== undefined) requests['memory'] = memoryRequest;
  if (read.cpuLimitMilli === undefined) preserved(pod, prev, 'limits', 'cpu', limits);
  else if (read.cpuLimitMilli > MIN_MILLI_CPU_LIMIT || milliValueOf(limits['cpu']) > MIN_MILLI_CPU_LIMIT) limits['cpu'] = milliText(read.cpuLimitMilli);
  if (read.memoryLimitBytes === undefined) preserved(pod, prev, 'limits', 'memory', limits);
  else limits['memory'] = formatBytes(read.memoryLimitBytes);
  return requirements(sortedList(requests), sortedList(limits));
};

const sameList = (a: ResourceList | undefined, b: ResourceList | undefined): boolean => {
  const x = Object.entries(a ?? {});
  return x.length === Object.keys(b ?? {}).length && x.every(([k, v]) => b?.[k] === v);
};

/** Both read the same: the same lists, each with the same quantities spelt alike. */
export const sameRequirements = (a: ResourceRequirements, b: ResourceRequirements): boolean =>
  sameList(a.requests, b.requests) && sameList(a.limits, b.limits) && (a.requests === undefined) === (b.requests === undefined) && (a.limits === undefined) === (b.limits === undefined);

/** `prev`'s object when it reads the same (so that an unchanged status keeps its identity). */
const kept = (next: ResourceRequirements, prev: ResourceRequirements | undefined): ResourceRequirements =>
  prev !== undefined && (next === prev || sameRequirements(next, prev)) ? prev : next;

const withResources = (allocated: Allocated, resources: ResourceRequirements): PodLevelResources =>
  resources === allocated.fields.resources ? allocated.fields : { ...allocated.fields, resources };

// The key of a status before that shows no resources.
const NO_RESOURCES: ResourceRequirements = {};

/**
 * The fields after a Running status: a pure function of the spec's parts, the class and the resources shown before,
 * asked again by every sync of a running pod; each answer is kept (pods of one workload interleave).
 */
const runningAfter = (pod: V1Pod, prev: PodStatus, allocated: Allocated): PodLevelResources => {
  const after = prev.resources ?? NO_RESOURCES;
  const qos = pod.status?.qosClass ?? qosClassOf(pod);
  const known = allocated.running.get(after);
  if (known !== undefined && known.qos === qos) return known.fields;
  const fields = withResources(allocated, kept(runningResources(pod, prev, allocated, qos), prev.resources));
  if (known === undefined) allocated.running.set(after, { qos, fields });
  return fields;
};

/** The pod-level fields of the status generated for `pod` after `prev` (the status the API showed until now). */
export const podLevelResources = (pod: V1Pod, prev: PodStatus): PodLevelResources => {
  const allocated = allocatedOf(pod.spec);
  if (isTerminalPhase(prev.phase) && prev.resources !== undefined) return withResources(allocated, prev.resources);
  if (prev.phase === 'Running') return runningAfter(pod, prev, allocated);
  return withResources(allocated, kept(allocated.fields.resources, prev.resources));
};
