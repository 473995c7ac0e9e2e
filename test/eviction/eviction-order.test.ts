/** evictionOrder through the signal table, the effective request, and the critical-pod test. */
import { describe, expect, it } from 'vitest';
import { evictionOrder, isCriticalPod, podRequestNanos, schedulingRequestNanos, type EvictionSignal } from '../../src/eviction/index.js';
import { applyDefaults } from '../../src/manifest/index.js';
import { at, container, pod, resources } from './builders.js';

const Mi = 1024n * 1024n * 1_000_000_000n;

describe('evictionOrder', () => {
  const noStats = at(pod('no-stats', 1000, [container('c', resources('', '1Gi'))]), {});
  const bestEffort = at(pod('best-effort', 0, [container('c')]), { memory: '10Mi', ephemeralStorage: '5Mi', pids: 3 });
  const burstable = at(pod('burstable', 0, [container('c', resources('', '100Mi', '1Gi'))]), {
    memory: '300Mi',
    ephemeralStorage: '900Mi',
    pids: 40,
  });
  const lowPriority = at(pod('low-priority', -5, [container('c', resources('', '1Gi', '10Mi'))]), {
    memory: '100Mi',
    ephemeralStorage: '2Mi',
    pids: 1,
  });
  const all = [lowPriority, burstable, bestEffort, noStats];

  const cases: ReadonlyArray<{ signal: EvictionSignal; expected: string[] }> = [
    // no stats first; then over-request pods by priority and excess; then under-request pods.
    { signal: 'memory.available', expected: ['no-stats', 'burstable', 'best-effort', 'low-priority'] },
    { signal: 'allocatableMemory.available', expected: ['no-stats', 'burstable', 'best-effort', 'low-priority'] },
    // best-effort exceeds its zero disk request; burstable uses 900Mi of a 1Gi request.
    { signal: 'nodefs.available', expected: ['no-stats', 'best-effort', 'low-priority', 'burstable'] },
    // priority decides first, pids only among equals; no-stats has the highest priority.
    { signal: 'pid.available', expected: ['low-priority', 'burstable', 'best-effort', 'no-stats'] },
  ];
  it.each(cases)('ranks for $signal', ({ signal, expected }) => {
    expect(evictionOrder(all, signal)).toEqual(expected);
  });

  it('keeps the input order of pods that tie on every key', () => {
    const a = at(pod('a', 0, [container('c')]), { memory: '1Mi' });
    const b = at(pod('b', 0, [container('c')]), { memory: '1Mi' });
    expect(evictionOrder([a, b], 'memory.available')).toEqual(['a', 'b']);
    expect(evictionOrder([b, a], 'memory.available')).toEqual(['b', 'a']);
  });

  it('rejects an unparsable usage quantity, naming the pod and field', () => {
    const bad = at(pod('bad', 0, [container('c')]), { memory: '12Q' });
    expect(() => evictionOrder([bad, bestEffort], 'memory.available')).toThrow('pod bad: usage.memory: "12Q" is not a quantity');
  });
});

describe('podRequestNanos (the effective request)', () => {
  const cases: ReadonlyArray<{ name: string; spec: Record<string, unknown>; containers: ReturnType<typeof container>[]; mi: bigint }> = [
    { name: 'sums regular containers', containers: [container('a', resources('', '100Mi')), container('b', resources('', '50Mi'))], spec: {}, mi: 150n },
    {
      name: 'raises the sum to a larger regular init container',
      containers: [container('a', resources('', '100Mi'))],
      spec: { initContainers: [container('init', resources('', '300Mi'))] },
      mi: 300n,
    },
    {
      name: 'keeps the sum when init containers ask for less',
      containers: [container('a', resources('', '100Mi'))],
      spec: { initContainers: [container('init', resources('', '50Mi'))] },
      mi: 100n,
    },
    {
      name: 'adds sidecars to the regular containers',
      containers: [container('a', resources('', '100Mi'))],
      spec: { initContainers: [{ ...container('side', resources('', '20Mi')), restartPolicy: 'Always' }] },
      mi: 120n,
    },
    {
      name: 'runs a later init container beside the sidecars started before it',
      containers: [container('a', resources('', '100Mi'))],
      spec: {
        initContainers: [
          { ...container('side', resources('', '50Mi')), restartPolicy: 'Always' },
          container('init', resources('', '200Mi')),
        ],
      },
      mi: 250n,
    },
    {
      name: 'adds the pod overhead',
      containers: [container('a', resources('', '100Mi'))],
      spec: { overhead: { memory: '10Mi' } },
      mi: 110n,
    },
    {
      name: 'uses a pod-level request instead of the containers, plus overhead',
      containers: [container('a', resources('', '100Mi'))],
      spec: { resources: { requests: { memory: '1Gi' } }, overhead: { memory: '1Mi' } },
      mi: 1025n,
    },
    { name: 'is zero without requests', containers: [container('a')], spec: {}, mi: 0n },
  ];
  it.each(cases)('$name', ({ containers, spec, mi }) => {
    expect(podRequestNanos(pod('p', 0, containers, spec), 'memory')).toBe(mi * Mi);
  });
});

describe('isCriticalPod', () => {
  const withAnnotations = (annotations: Record<string, string>) => {
    const p = pod('p', 0, [container('c')]);
    return { ...p, metadata: { ...p.metadata, annotations } };
  };
  it.each([
    { name: 'an ordinary pod', p: pod('p', 0, [container('c')]), critical: false },
    { name: 'a pod without priority', p: pod('p', undefined, [container('c')]), critical: false },
    { name: 'priority just below system-critical', p: pod('p', 1_999_999_999, [container('c')]), critical: false },
    { name: 'system-cluster-critical priority', p: pod('p', 2_000_000_000, [container('c')]), critical: true },
    { name: 'system-node-critical priority', p: pod('p', 2_000_001_000, [container('c')]), critical: true },
    { name: 'a static pod (config source file)', p: withAnnotations({ 'kubernetes.io/config.source': 'file' }), critical: true },
    { name: 'a pod from the API server', p: withAnnotations({ 'kubernetes.io/config.source': 'api' }), critical: false },
    { name: 'a mirror pod', p: withAnnotations({ 'kubernetes.io/config.mirror': 'abc' }), critical: true },
  ])('$name → $critical', ({ p, critical }) => {
    expect(isCriticalPod(p)).toBe(critical);
  });
});

describe('pod-level resources: which container requests are skipped', () => {
  // A pod-level cpu request, container memory and ephemeral-storage requests.
  const podLevelCpu = pod('p', 0, [container('a', { cpu: '1', memory: '100Mi', 'ephemeral-storage': '1Gi' })], {
    resources: { requests: { cpu: '2' } },
  });
  it('the eviction manager skips every container request (GetResourceRequestQuantity: SkipContainerLevelResources)', () => {
    expect(podRequestNanos(podLevelCpu, 'cpu')).toBe(2_000_000_000n);
    expect(podRequestNanos(podLevelCpu, 'memory')).toBe(0n);
    expect(podRequestNanos(podLevelCpu, 'ephemeral-storage')).toBe(0n);
  });
  it('the scheduler replaces only the resources the pod level requests (PodRequests: applyPodLevelResources)', () => {
    expect(schedulingRequestNanos(podLevelCpu, 'cpu')).toBe(2_000_000_000n);
    expect(schedulingRequestNanos(podLevelCpu, 'memory')).toBe(100n * Mi);
  });
  it('pod-level limits alone: the API defaults the pod-level requests from the containers (defaultPodRequests)', () => {
    const limitsOnly = pod('q', 0, [container('a', { memory: '100Mi' })], { resources: { limits: { cpu: '2' } } });
    expect(podRequestNanos(limitsOnly, 'memory')).toBe(0n);
    expect(podRequestNanos(applyDefaults(limitsOnly), 'memory')).toBe(100n * Mi);
  });
});
