/**
 * Kubernetes' kubelet admission cases as data: `pkg/kubelet/kubelet_test.go :: TestHandleNodeSelector`,
 * `TestHandleNodeSelectorBasedOnOS` and `TestHandleMemExceeded` (`HandlePodAdditions` → `canAdmitPod`). Each pod is
 * bound by `spec.nodeName` to the test's node; upstream's `PodFailed` is the kubelet's rejection (`PodRejected`),
 * `PodPending` its admission (`PodAdmitted`). `goruntime.GOOS`/`GOARCH` are `linux`/`amd64` here.
 *
 * Adapted: in TestHandleMemExceeded the node states no eviction threshold (see the test); and upstream hands both pods to one `HandlePodAdditions`, which sorts them by
 * creationTimestamp (the older one, a second earlier, is admitted first); here each is created at its own
 * creationTimestamp, the newer one a second later, so the kubelet sees them in the same order.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { PodSpec } from '../../src/k8s/pod.js';
import { created, node, ofType, run, world } from './harness.js';

const HOST = '127.0.0.1';
const outcome = (events: readonly Event[], name: string): string =>
  ofType(events, 'PodRejected').some((e) => e.pod.name === name) ? 'Failed' : ofType(events, 'PodAdmitted').some((e) => e.pod.name === name) ? 'Pending' : 'none';
const bound = (name: string, spec: Partial<PodSpec>, at = 0) =>
  created({ metadata: { name, namespace: 'foo' }, spec: { nodeName: HOST, containers: [{ name: 'c', image: 'app:1' }], ...spec } }, at);

describe('kubelet_test.go :: TestHandleNodeSelector', () => {
  it('the pod whose node selector the node does not match fails, the other is admitted', () => {
    const events = run(
      [node(HOST, { pods: '110' }, 0, { labels: { key: 'B' } }), bound('podA', { nodeSelector: { key: 'A' } }), bound('podB', { nodeSelector: { key: 'B' } })],
      world(),
      1,
    );
    expect([outcome(events, 'podA'), outcome(events, 'podB')]).toEqual(['Failed', 'Pending']);
  });
});

// kubelet_test.go :: TestHandleNodeSelectorBasedOnOS
const TestHandleNodeSelectorBasedOnOS: { name: string; nodeLabels: Record<string, string>; podSelector: Record<string, string>; podStatus: string }[] = [
  {
    name: 'correct OS label, wrong pod selector, admission denied',
    nodeLabels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' },
    podSelector: { 'kubernetes.io/os': 'dummyOS' },
    podStatus: 'Failed',
  },
  {
    name: 'correct OS label, correct pod selector, admission denied',
    nodeLabels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' },
    podSelector: { 'kubernetes.io/os': 'linux' },
    podStatus: 'Pending',
  },
  {
    name: 'new node label, correct pod selector, admitted',
    nodeLabels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', key: 'B' },
    podSelector: { key: 'B' },
    podStatus: 'Pending',
  },
];

describe('kubelet_test.go :: TestHandleNodeSelectorBasedOnOS', () => {
  it.each(TestHandleNodeSelectorBasedOnOS.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const events = run([node(HOST, { pods: '110' }, 0, { labels: c.nodeLabels }), bound('podA', { nodeSelector: c.podSelector })], world(), 1);
    expect(outcome(events, 'podA')).toBe(c.podStatus);
  });
});

describe('kubelet_test.go :: TestHandleMemExceeded', () => {
  it('of two pods that each request 90 of the node\'s 100 bytes, the newer one fails (OutOfmemory)', () => {
    const request = { containers: [{ name: 'c', image: 'app:1', resources: { requests: { memory: '90' } } }] };
    // no eviction threshold (0%, which the kubelet ignores): upstream's test kubelet runs no eviction manager, and the default 100Mi would find a 100-byte node under pressure
    const tiny = node(HOST, { cpu: '10m', memory: '100', pods: '40' }, 0, { evictionHard: { 'memory.available': '0%' } });
    const events = run([tiny, bound('oldpod', request), bound('newpod', request, 1)], world(), 2);
    expect([outcome(events, 'newpod'), outcome(events, 'oldpod')]).toEqual(['Failed', 'Pending']);
    expect(ofType(events, 'PodRejected').map((e) => e.reason)).toEqual(['OutOfmemory']);
  });
});
