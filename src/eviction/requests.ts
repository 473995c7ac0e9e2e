/** The pod's effective request for one resource, as the kubelet's eviction manager reads it. */
import type { Container, PodSpec, ResourceRequirements, V1Pod } from '../k8s/pod.js';
import { isSidecar } from '../k8s/pod.js';
import { isPodLevelResource, podLevelResourcesSet } from '../k8s/pod-resources.js';
import { nanosOf } from '../k8s/quantity.js';

/** The pod-level request of a supported resource, if the pod sets one. */
const podLevelRequest = (spec: PodSpec, resource: string): string | undefined =>
  isPodLevelResource(resource) ? spec.resources?.requests?.[resource] : undefined;

type Side = 'requests' | 'limits';

const amountOf = (resources: ResourceRequirements | undefined, resource: string, side: Side): bigint =>
  nanosOf(resources?.[side]?.[resource]);

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/**
 * `k8s.io/component-helpers/resource :: AggregateContainerRequests` (or `AggregateContainerLimits`, the same walk
 * over limits) for one resource, in nano-units: regular containers and sidecars run together, so they add up;
 * each regular init container runs beside the sidecars started before it, and the pod needs the largest of those peaks.
 */
export const containerRequestsNanos = (
  containers: readonly Container[],
  initContainers: readonly Container[],
  resource: string,
  side: Side = 'requests',
): bigint => {
  let running = containers.reduce((sum, c) => sum + amountOf(c.resources, resource, side), 0n);
  let sidecars = 0n;
  let initPeak = 0n;
  for (const c of initContainers) {
    const own = amountOf(c.resources, resource, side);
    if (isSidecar(c)) {
      running += own;
      sidecars += own;
      initPeak = max(initPeak, sidecars);
    } else {
      initPeak = max(initPeak, own + sidecars);
    }
  }
  return max(running, initPeak);
};

/**
 * `component-helpers/resource :: PodLimits` for ephemeral-storage, as `podEphemeralStorageLimitEviction` reads it:
 * present only when some container or init container sets that limit (the aggregate lists the key then), plus
 * the pod overhead (added to a limit that is present). Pod-level limits never name ephemeral-storage
 * (`IsSupportedPodLevelResource`), so they do not enter.
 */
export const podEphemeralStorageLimitNanos = (pod: V1Pod): bigint | undefined => {
  const { spec } = pod;
  const all = [...spec.containers, ...(spec.initContainers ?? [])];
  if (!all.some((c) => c.resources?.limits?.['ephemeral-storage'] !== undefined)) return undefined;
  return containerRequestsNanos(spec.containers, spec.initContainers ?? [], 'ephemeral-storage', 'limits') + nanosOf(spec.overhead?.['ephemeral-storage']);
};

/**
 * `pkg/api/v1/resource/helpers.go :: GetResourceRequestQuantity` in nano-units, the request the eviction
 * manager ranks by. Once the pod sets pod-level resources (gate `PodLevelResources`, on by default), it asks
 * `PodRequests` with `SkipContainerLevelResources`: the containers' requests are skipped for every resource,
 * so a resource the pod level does not request counts as 0 (a pod-level cpu request leaves the memory and
 * ephemeral-storage requests at 0). Then the pod overhead, when that request is not zero.
 */
export const podRequestNanos = (pod: V1Pod, resource: string): bigint => {
  const { spec } = pod;
  const base = podLevelResourcesSet(spec)
    ? nanosOf(podLevelRequest(spec, resource))
    : containerRequestsNanos(spec.containers, spec.initContainers ?? [], resource);
  // `!requestQuantity.IsZero()`: a pod that requests nothing requests nothing, overhead or not
  return base === 0n ? 0n : base + nanosOf(spec.overhead?.[resource]);
};

/**
 * `component-helpers/resource :: PodRequests` with default options, as the scheduler's NodeResourcesFit reads
 * it: the containers' aggregate, replaced resource by resource where the pod level requests that resource
 * (`applyPodLevelResources`), plus the pod overhead whatever the request.
 */
export const schedulingRequestNanos = (pod: V1Pod, resource: string): bigint => {
  const { spec } = pod;
  const podLevel = podLevelRequest(spec, resource);
  const base = podLevel !== undefined ? nanosOf(podLevel) : containerRequestsNanos(spec.containers, spec.initContainers ?? [], resource);
  return base + nanosOf(spec.overhead?.[resource]);
};
