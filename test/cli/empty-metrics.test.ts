/**
 * `kubectl top pod` when the metrics API lists no pod (`top_pod.go :: RunTopPod`, `verifyEmptyMetrics`,
 * `checkPodAge`): the pods are listed from the API server, so in its storage-key order.
 */
import { describe, expect, test } from 'vitest';
import type { V1Pod } from '../../src/k8s/pod.js';
import { emptyMetrics } from '../../src/cli/empty-metrics.js';

const now = new Date('2026-03-01T10:10:00Z');
const pod = (namespace: string, name: string, creationTimestamp: string): V1Pod => ({ metadata: { namespace, name, creationTimestamp }, spec: { containers: [] } });

describe('verifyEmptyMetrics', () => {
  test('no pod listed: "No resources found", no error', () => {
    expect(emptyMetrics([], 'testns', now)).toEqual({ kind: 'none', stderr: 'No resources found in testns namespace.\n' });
    expect(emptyMetrics([], undefined, now)).toEqual({ kind: 'none', stderr: 'No resources found\n' });
  });

  test('the first pod in the API server\'s order older than metricsCreationDelay, with its age as Go prints a Duration', () => {
    const pods = [pod('argo', 'a', '2026-03-01T10:00:00Z'), pod('argo-events', 'b', '2026-03-01T10:05:30.5Z'), pod('argo', 'c', '2026-03-01T10:09:00Z')];
    expect(emptyMetrics(pods, undefined, now)).toEqual({ kind: 'error', message: 'Metrics not available for pod argo-events/b, age: 4m29.5s' });
  });

  test('every pod younger than 2 minutes (exactly 2 is not older): "metrics not available yet"', () => {
    expect(emptyMetrics([pod('default', 'web', '2026-03-01T10:08:00Z')], 'default', now)).toEqual({ kind: 'error', message: 'metrics not available yet' });
  });
});
