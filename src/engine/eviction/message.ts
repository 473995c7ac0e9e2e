/** The eviction's words (`eviction/helpers.go :: evictionMessage`): the message and the event's annotations. */
import { podLevelResourcesSet } from '../../k8s/pod-resources.js';
import type { V1Pod } from '../../k8s/pod.js';
import { canonicalQuantity, formatBytes, valueOf } from '../../k8s/quantity.js';

const quantity = (raw: string | undefined): string => (raw === undefined ? '0' : (canonicalQuantity(raw) ?? raw));

export interface EvictionWords {
  readonly message: string;
  readonly annotations: Readonly<Record<string, string>>;
}

/** The resources a node-pressure eviction reclaims (`signalToResource`). */
export type StarvedResource = 'memory' | 'ephemeral-storage' | 'pids';

/**
 * What the eviction manager read of the pod: its working set (pod-level sentence) and each container's use of
 * the starved resource: the working set for memory, writable layer plus logs for ephemeral-storage (`Rootfs` +
 * `Logs`), nothing for pids (`evictionMessage`'s switch has no case for it). Absent: no stats for it.
 */
export interface PodStats {
  readonly podMemory: bigint;
  readonly container: (name: string) => bigint | undefined;
}

/**
 * `The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ` (the quantities as the
 * caller prints them); for memory, with pod-level resources (`IsPodLevelResourcesSet`) and a pod-level memory request,
 * `Pod NAME was using …, request is …, has larger consumption of memory. ` whatever the usage, with `offending_pod` and
 * `offending_pod_usage`; then one sentence per regular or init container (sidecars included, since v1.32:
 * kubernetes#124947; ephemeral containers never, they cannot request) using more of the resource than it requests;
 * `offending_containers`, `offending_containers_usage`, `starved_resource` annotations. The kubelet walks the
 * containers in the order its stats list them; here that order is the spec's, regular containers first.
 */
export const evictionWords = (resource: StarvedResource, pod: V1Pod, threshold: string, available: string, stats: PodStats | undefined): EvictionWords => {
  let message = `The node was low on resource: ${resource}. Threshold quantity: ${threshold}, available: ${available}. `;
  // a pod the summary does not list: the threshold sentence alone, and no annotation (`if !ok { return }`)
  if (stats === undefined) return { message, annotations: {} };
  const podRequest = resource === 'memory' && podLevelResourcesSet(pod.spec) ? pod.spec.resources?.requests?.['memory'] : undefined;
  const offendingPod: Record<string, string> = {};
  if (podRequest !== undefined) {
    message += `Pod ${pod.metadata.name ?? ''} was using ${formatBytes(stats.podMemory)}, request is ${quantity(podRequest)}, has larger consumption of memory. `;
    offendingPod['offending_pod'] = pod.metadata.name ?? '';
    offendingPod['offending_pod_usage'] = formatBytes(stats.podMemory);
  }
  const containers: string[] = [];
  const usages: string[] = [];
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    const usage = resource === 'pids' ? undefined : stats.container(c.name);
    const request = c.resources?.requests?.[resource];
    if (usage === undefined || usage <= valueOf(request)) continue;
    message += `Container ${c.name} was using ${formatBytes(usage)}, request is ${quantity(request)}, has larger consumption of ${resource}. `;
    containers.push(c.name);
    usages.push(formatBytes(usage));
  }
  return {
    message,
    annotations: {
      ...offendingPod,
      offending_containers: containers.join(','),
      offending_containers_usage: usages.join(','),
      starved_resource: resource,
    },
  };
};
