/** The pod's effective request for one resource, as the kubelet's eviction manager reads it. */
import type { Container, ResourceRequirements, V1Pod } from '../k8s/pod.js';
import { isSidecar } from '../k8s/pod.js';
import { nanosOf } from '../k8s/quantity.js';

/** Resources that pod-level `spec.resources` may set (`IsSupportedPodLevelResource`). */
const podLevelResources: ReadonlySet<string> = new Set(['cpu', 'memory']);

const requestOf = (resources: ResourceRequirements | undefined, resource: string): bigint =>
  nanosOf(resources?.requests?.[resource]);

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/**
 * `k8s.io/component-helpers/resource :: AggregateContainerRequests` for one resource, in nano-units:
 * regular containers and sidecars run together, so they add up; each regular init container runs
 * beside the sidecars started before it, and the pod needs the largest of those peaks.
 */
export const containerRequestsNanos = (
  containers: readonly Container[],
  initContainers: readonly Container[],
  resource: string,
): bigint => {
  let running = containers.reduce((sum, c) => sum + requestOf(c.resources, resource), 0n);
  let sidecars = 0n;
  let initPeak = 0n;
  for (const c of initContainers) {
    const own = requestOf(c.resources, resource);
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
 * `pkg/api/v1/resource/helpers.go :: GetResourceRequestQuantity` in nano-units: the containers'
 * aggregate request, replaced by a pod-level request for cpu/memory when one is set (gate
 * `PodLevelResources`, on by default), plus the pod overhead when that request is not zero.
 */
export const podRequestNanos = (pod: V1Pod, resource: string): bigint => {
  const { spec } = pod;
  const podLevel = spec.resources?.requests?.[resource];
  const base =
    podLevel !== undefined && podLevelResources.has(resource)
      ? nanosOf(podLevel)
      : containerRequestsNanos(spec.containers, spec.initContainers ?? [], resource);
  // `!requestQuantity.IsZero()`: a pod that requests nothing requests nothing, overhead or not
  return base === 0n ? 0n : base + nanosOf(spec.overhead?.[resource]);
};
