/**
 * Kubernetes' own QoS cases, carried over as data: `pkg/apis/core/v1/helper/qos/qos_test.go :: TestComputePodQOS`
 * (all 20, the pod-level ones with `PodLevelResources` on, as qosClassOf always honours pod-level resources),
 * plus the API defaulting (requests from limits) that runs before the class is stored.
 */
import { describe, expect, test } from 'vitest';
import type { Container, QOSClass, ResourceRequirements, V1Pod } from '../../src/k8s/pod.js';
import { qosClassOf } from '../../src/k8s/qos.js';

/** `getResourceList(cpu, memory)`: empty strings are left out. */
const rl = (cpu: string, memory: string): Record<string, string> => ({
  ...(cpu !== '' ? { cpu } : {}),
  ...(memory !== '' ? { memory } : {}),
});
const rr = (requests: Record<string, string>, limits: Record<string, string>): ResourceRequirements => ({ requests, limits });
const ctr = (name: string, requests: Record<string, string>, limits: Record<string, string>): Container => ({
  name,
  resources: rr(requests, limits),
});
const pod = (name: string, containers: Container[], extra: Partial<V1Pod['spec']> = {}): V1Pod => ({
  metadata: { name },
  spec: { containers, ...extra },
});

const cases: ReadonlyArray<readonly [V1Pod, QOSClass]> = [
  [pod('guaranteed', [ctr('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))]), 'Guaranteed'],
  [
    pod('guaranteed-guaranteed', [
      ctr('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi')),
      ctr('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi')),
    ]),
    'Guaranteed',
  ],
  [pod('best-effort-best-effort', [ctr('best-effort', rl('', ''), rl('', '')), ctr('best-effort', rl('', ''), rl('', ''))]), 'BestEffort'],
  [pod('best-effort', [ctr('best-effort', rl('', ''), rl('', ''))]), 'BestEffort'],
  [pod('best-effort-burstable', [ctr('best-effort', rl('', ''), rl('', '')), ctr('burstable', rl('1', ''), rl('2', ''))]), 'Burstable'],
  [
    pod('best-effort-guaranteed', [ctr('best-effort', rl('', ''), rl('', '')), ctr('guaranteed', rl('10m', '100Mi'), rl('10m', '100Mi'))]),
    'Burstable',
  ],
  [pod('burstable-cpu-guaranteed-memory', [ctr('burstable', rl('', '100Mi'), rl('', '100Mi'))]), 'Burstable'],
  [pod('burstable-no-limits', [ctr('burstable', rl('100m', '100Mi'), rl('', ''))]), 'Burstable'],
  [
    pod('burstable-guaranteed', [ctr('burstable', rl('1', '100Mi'), rl('2', '100Mi')), ctr('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))]),
    'Burstable',
  ],
  [
    pod('burstable-unbounded-but-requests-match-limits', [
      ctr('burstable', rl('100m', '100Mi'), rl('200m', '200Mi')),
      ctr('burstable-unbounded', rl('100m', '100Mi'), rl('', '')),
    ]),
    'Burstable',
  ],
  [pod('burstable-1', [ctr('burstable', rl('10m', '100Mi'), rl('100m', '200Mi'))]), 'Burstable'],
  [pod('burstable-2', [ctr('burstable', rl('0', '0'), rl('100m', '200Mi'))]), 'Burstable'],
  [
    pod('best-effort-hugepages', [
      ctr('best-effort', { ...rl('0', '0'), 'hugepages-2Mi': '1Gi' }, { ...rl('0', '0'), 'hugepages-2Mi': '1Gi' }),
    ]),
    'BestEffort',
  ],
  [
    pod('init-container', [ctr('best-effort', rl('', ''), rl('', ''))], {
      initContainers: [ctr('burstable', rl('10m', '100Mi'), rl('100m', '200Mi'))],
    }),
    'Burstable',
  ],
  [
    pod('guaranteed-with-pod-level-resources', [ctr('best-effort', rl('', ''), rl('', ''))], {
      resources: rr(rl('10m', '100Mi'), rl('10m', '100Mi')),
    }),
    'Guaranteed',
  ],
  [
    pod('guaranteed-with-pod-and-container-level-resources', [ctr('burstable', rl('3m', '10Mi'), rl('5m', '20Mi'))], {
      resources: rr(rl('10m', '100Mi'), rl('10m', '100Mi')),
    }),
    'Guaranteed',
  ],
  [
    pod('burstable-with-pod-level-resources', [ctr('best-effort', rl('', ''), rl('', ''))], {
      resources: rr(rl('10m', '10Mi'), rl('20m', '50Mi')),
    }),
    'Burstable',
  ],
  [
    pod('burstable-with-pod-and-container-level-resources', [ctr('burstable', rl('5m', '10Mi'), rl('5m', '10Mi'))], {
      resources: rr(rl('10m', '10Mi'), rl('20m', '50Mi')),
    }),
    'Burstable',
  ],
  [
    pod('burstable-with-pod-and-container-level-requests', [ctr('burstable', rl('5m', '10Mi'), rl('', ''))], {
      resources: rr(rl('10m', '10Mi'), rl('', '')),
    }),
    'Burstable',
  ],
  [
    pod(
      'burstable-with-pod-and-container-level-resources-2',
      [ctr('burstable', rl('5m', '10Mi'), rl('', '')), ctr('guaranteed', rl('5m', '10Mi'), rl('5m', '10Mi'))],
      { resources: rr(rl('10m', '10Mi'), rl('5m', '')) },
    ),
    'Burstable',
  ],
];

describe('TestComputePodQOS (kubernetes)', () => {
  test.each(cases.map(([p, want]) => [p.metadata.name ?? '', p, want] as const))('%s', (_name, p, want) => {
    expect(qosClassOf(p)).toBe(want);
  });
  test('carries all 20 upstream cases', () => {
    expect(cases).toHaveLength(20);
  });
});

describe('defaulting before classification (SetDefaults_Pod)', () => {
  test('a limits-only pod is Guaranteed: requests default to the limits', () => {
    expect(qosClassOf(pod('limits-only', [{ name: 'c', resources: { limits: rl('500m', '1Gi') } }]))).toBe('Guaranteed');
  });
  test('an explicit zero request is not replaced by the limit', () => {
    expect(qosClassOf(pod('zero-request', [ctr('c', rl('0', '0'), rl('500m', '1Gi'))]))).toBe('Burstable');
  });
  test('equal quantities in different notations compare equal', () => {
    expect(qosClassOf(pod('notations', [ctr('c', rl('0.5', '1024Mi'), rl('500m', '1Gi'))]))).toBe('Guaranteed');
  });
  test('a sidecar without limits makes the pod Burstable', () => {
    const sidecar: Container = { name: 'proxy', restartPolicy: 'Always', resources: { requests: rl('10m', '') } };
    expect(qosClassOf(pod('sidecar', [ctr('c', rl('1', '1Gi'), rl('1', '1Gi'))], { initContainers: [sidecar] }))).toBe('Burstable');
  });
  test('pod-level limits only: pod requests default to them (Guaranteed)', () => {
    expect(qosClassOf(pod('pod-limits', [ctr('c', rl('', ''), rl('', ''))], { resources: { limits: rl('1', '1Gi') } }))).toBe('Guaranteed');
  });
  test('pod-level resources naming neither cpu nor memory leave the containers in charge', () => {
    const p = pod('hugepages-only', [ctr('c', rl('1', '1Gi'), rl('1', '1Gi'))], { resources: { limits: { 'hugepages-2Mi': '2Mi' } } });
    expect(qosClassOf(p)).toBe('Guaranteed');
  });
});
