/**
 * What `kubectl top pod` says when the metrics API answers with no pod (`top_pod.go :: RunTopPod`): it lists the
 * pods themselves (`verifyEmptyMetrics`). None: "No resources found" on stderr, no error. Else the first pod listed
 * (the API server's order) created more than `metricsCreationDelay` ago is named with its age (`checkPodAge`, Go's
 * `time.Duration` string); if every pod is younger, the metrics are "not available yet".
 */
import type { V1Pod } from '../k8s/pod.js';
import { formatDuration } from '../k8s/duration.js';
import { compareStorageKeys } from '../printers/go-sort.js';
import { noResources } from '../printers/pod-columns.js';

/** `metricsCreationDelay`. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;

export type EmptyMetrics = { readonly kind: 'none'; readonly stderr: string } | { readonly kind: 'error'; readonly message: string };

export const emptyMetrics = (pods: readonly V1Pod[], namespace: string | undefined, now: Date): EmptyMetrics => {
  if (pods.length === 0) return { kind: 'none', stderr: noResources({ allNamespaces: namespace === undefined, ...(namespace === undefined ? {} : { namespace }) }) };
  const listed = pods
    .map((pod) => ({ namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', created: Date.parse(pod.metadata.creationTimestamp ?? '') }))
    .sort((a, b) => compareStorageKeys(a.namespace, a.name, b.namespace, b.name));
  const old = listed.find((p) => now.getTime() - p.created > METRICS_CREATION_DELAY_MS);
  return old === undefined
    ? { kind: 'error', message: 'metrics not available yet' }
    : { kind: 'error', message: `Metrics not available for pod ${old.namespace}/${old.name}, age: ${formatDuration(now.getTime() - old.created)}` };
};
