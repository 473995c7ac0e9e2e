/**
 * A pod's QoS class as the API server stores it at creation: the API's defaulting (requests default to
 * limits), then `pkg/apis/core/helper/qos/qos.go :: ComputePodQOS` with pod-level resources honoured
 * (gates `PodLevelResources` and `PodLevelResourcesFixKubeletQOSClass` on).
 */
import type { ResourceList } from './codecs.js';
import { nanosOf } from './quantity.js';
import type { Container, QOSClass, ResourceRequirements, V1Pod } from './pod.js';

/** Only cpu and memory decide the class (`supportedQoSComputeResources`). */
const qosResources = ['cpu', 'memory'] as const;

/** `SetDefaults_Pod`: a resource with a limit but no request gets request = limit (zero requests stay). */
const defaultRequests = (r: ResourceRequirements | undefined): ResourceRequirements => {
  const limits = r?.limits ?? {};
  const requests: Record<string, string> = { ...r?.requests };
  for (const [name, q] of Object.entries(limits)) if (!(name in requests)) requests[name] = q;
  return { requests, limits };
};

/** Sums the positive cpu/memory quantities of `list` into `into`; returns the names found positive. */
const addPositive = (into: Map<string, bigint>, list: ResourceList | undefined): Set<string> => {
  const found = new Set<string>();
  for (const name of qosResources) {
    const n = nanosOf(list?.[name]);
    if (n > 0n) {
      into.set(name, (into.get(name) ?? 0n) + n);
      found.add(name);
    }
  }
  return found;
};

const classify = (requests: Map<string, bigint>, limits: Map<string, bigint>, limitsCoverAll: boolean): QOSClass => {
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  const matched = [...requests].every(([name, req]) => limits.get(name) === req);
  return limitsCoverAll && matched && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
};

/** `isPodLevelResourcesSet`: pod-level requests or limits name cpu or memory. */
const hasPodLevelResources = (pod: V1Pod): boolean => {
  const r = pod.spec.resources;
  return qosResources.some((name) => r?.requests?.[name] !== undefined || r?.limits?.[name] !== undefined);
};

const containerLevel = (containers: readonly Container[]): QOSClass => {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let limitsCoverAll = true;
  for (const c of containers) {
    const r = defaultRequests(c.resources);
    addPositive(requests, r.requests);
    if (addPositive(limits, r.limits).size < qosResources.length) limitsCoverAll = false;
  }
  return classify(requests, limits, limitsCoverAll);
};

const podLevel = (pod: V1Pod): QOSClass => {
  const r = defaultRequests(pod.spec.resources);
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  addPositive(requests, r.requests);
  // With no pod-level limits at all, the limit check is skipped: unequal counts then decide.
  const hasLimits = Object.keys(r.limits ?? {}).length > 0;
  const limitsCoverAll = addPositive(limits, r.limits).size === qosResources.length || !hasLimits;
  return classify(requests, limits, limitsCoverAll);
};

/** The QoS class of a pod: Guaranteed, Burstable or BestEffort (ephemeral containers never count). */
export const qosClassOf = (pod: V1Pod): QOSClass =>
  hasPodLevelResources(pod)
    ? podLevel(pod)
    : containerLevel([...pod.spec.containers, ...(pod.spec.initContainers ?? [])]);
