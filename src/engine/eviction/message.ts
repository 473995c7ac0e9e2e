/** The eviction's words (`eviction/helpers.go :: evictionMessage`): the message and the event's annotations. */
import { canonicalQuantity, formatBytes, valueOf } from '../../k8s/quantity.js';
import type { PodBook } from '../state.js';

const quantity = (raw: string | undefined): string => (raw === undefined ? '0' : (canonicalQuantity(raw) ?? raw));

export interface EvictionWords {
  readonly message: string;
  readonly annotations: Readonly<Record<string, string>>;
}

/**
 * `The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ` and one sentence per
 * regular container using more than it requests; `offending_containers`, `offending_containers_usage`,
 * `starved_resource` annotations.
 */
export const memoryEvictionWords = (
  pod: PodBook,
  threshold: bigint,
  available: bigint,
  usageOf: (container: string) => bigint | undefined,
): EvictionWords => {
  let message = `The node was low on resource: memory. Threshold quantity: ${formatBytes(threshold)}, available: ${formatBytes(available)}. `;
  const containers: string[] = [];
  const usages: string[] = [];
  for (const c of pod.spec.containers) {
    const usage = usageOf(c.name);
    const request = c.resources?.requests?.['memory'];
    if (usage === undefined || usage <= valueOf(request)) continue;
    message += `Container ${c.name} was using ${formatBytes(usage)}, request is ${quantity(request)}, has larger consumption of memory. `;
    containers.push(c.name);
    usages.push(formatBytes(usage));
  }
  return {
    message,
    annotations: {
      offending_containers: containers.join(','),
      offending_containers_usage: usages.join(','),
      starved_resource: 'memory',
    },
  };
};
