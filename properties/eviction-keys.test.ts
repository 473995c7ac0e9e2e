/**
 * The eviction ranking against the kubelet's keys written out independently: for every signal, the order
 * `evictionOrder` gives is the stable sort of the candidates by (stats tier, priority, use above request),
 * with requests aggregated over containers, sidecars, init containers, pod-level requests and overhead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evictionOrder, podRequestNanos, signalRanking, type Candidate, type EvictionSignal } from '../src/eviction/index.js';
import type { Container, V1Pod } from '../src/k8s/pod.js';
import { applyDefaults } from '../src/manifest/index.js';
import { IMAGE } from './arbitraries/manifests.js';
import { holds } from './support/property.js';

const MI = 1n << 20n;
const NANO = 1_000_000_000n;

interface Shape {
  readonly priority: number | undefined;
  /** Requests in Mi: regular containers, then init containers (sidecar or not). */
  readonly regular: readonly (number | undefined)[];
  readonly inits: ReadonlyArray<{ readonly mi: number | undefined; readonly sidecar: boolean }>;
  readonly podLevelMi: number | undefined;
  readonly overheadMi: number | undefined;
  readonly memoryMi: number | undefined;
  readonly storageMi: number | undefined;
  readonly inodes: number | undefined;
  readonly pids: number | undefined;
}

const mi = fc.option(fc.integer({ min: 0, max: 64 }), { nil: undefined });

const shape: fc.Arbitrary<Shape> = fc.record({
  priority: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }),
  regular: fc.array(mi, { minLength: 1, maxLength: 2 }),
  inits: fc.array(fc.record({ mi, sidecar: fc.boolean() }), { maxLength: 3 }),
  podLevelMi: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined, freq: 5 }),
  overheadMi: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined, freq: 5 }),
  memoryMi: fc.option(fc.integer({ min: 0, max: 128 }), { nil: undefined, freq: 6 }),
  storageMi: fc.option(fc.integer({ min: 0, max: 128 }), { nil: undefined, freq: 6 }),
  inodes: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 6 }),
  pids: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined, freq: 6 }),
});

const requests = (m: number | undefined) => (m === undefined ? {} : { resources: { requests: { memory: `${m}Mi`, 'ephemeral-storage': `${m}Mi` } } });

const podOf = (name: string, s: Shape): V1Pod => {
  const initContainers: Container[] = s.inits.map((c, i) => ({ name: `init-${i}`, image: IMAGE, ...requests(c.mi), ...(c.sidecar ? { restartPolicy: 'Always' as const } : {}) }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      ...(s.priority === undefined ? {} : { priority: s.priority }),
      ...(s.podLevelMi === undefined ? {} : { resources: { requests: { memory: `${s.podLevelMi}Mi` } } }),
      ...(s.overheadMi === undefined ? {} : { overhead: { memory: `${s.overheadMi}Mi`, 'ephemeral-storage': `${s.overheadMi}Mi` } }),
      ...(initContainers.length === 0 ? {} : { initContainers }),
      containers: s.regular.map((m, i) => ({ name: `app-${i}`, image: IMAGE, ...requests(m) })),
    },
  };
};

/**
 * The request in bytes, computed the long way: the peak over the pod's life, init phase then run phase, plus
 * the overhead when that peak is not zero (`GetResourceRequestQuantity`: `!requestQuantity.IsZero()`).
 */
const requestBytes = (s: Shape, resource: 'memory' | 'ephemeral-storage'): bigint => {
  const withOverhead = (request: bigint): bigint => (request === 0n ? 0n : request + BigInt(s.overheadMi ?? 0) * MI);
  // a pod with pod-level resources asks only those (SkipContainerLevelResources): ephemeral-storage is 0
  if (s.podLevelMi !== undefined) return resource === 'memory' ? withOverhead(BigInt(s.podLevelMi) * MI) : 0n;
  const peaks: bigint[] = [];
  let sidecars = 0n;
  for (const c of s.inits) {
    const own = BigInt(c.mi ?? 0) * MI;
    if (c.sidecar) sidecars += own;
    peaks.push(c.sidecar ? sidecars : sidecars + own);
  }
  peaks.push(sidecars + s.regular.reduce<bigint>((sum, m) => sum + BigInt(m ?? 0) * MI, 0n));
  return withOverhead(peaks.reduce((a, b) => (a > b ? a : b), 0n));
};

type Key = readonly bigint[];

/** The ranking keys, smaller first, per signal (`rankMemoryPressure`, `rankDiskPressure`, inodes, `rankPIDPressure`). */
const keyOf = (signal: EvictionSignal, s: Shape): Key => {
  const priority = BigInt(s.priority ?? 0);
  const tiered = (used: bigint | undefined, request: bigint): Key =>
    used === undefined ? [0n, priority, 0n] : [used > request ? 1n : 2n, priority, request - used];
  switch (signal) {
    case 'memory.available':
    case 'allocatableMemory.available':
      return tiered(s.memoryMi === undefined ? undefined : BigInt(s.memoryMi) * MI, requestBytes(s, 'memory'));
    case 'nodefs.available':
    case 'imagefs.available':
      return tiered(s.storageMi === undefined ? undefined : BigInt(s.storageMi) * MI, requestBytes(s, 'ephemeral-storage'));
    case 'nodefs.inodesFree': {
      if (s.inodes === undefined) return [0n, priority, 0n];
      // counts compared in nano-units with the ephemeral-storage request in bytes, as helpers.go's `disk` does
      const used = BigInt(s.inodes) * NANO;
      return [s.inodes > 0 ? 1n : 2n, priority, requestBytes(s, 'ephemeral-storage') * NANO - used];
    }
    case 'pid.available':
      return s.pids === undefined ? [priority, 0n, 0n] : [priority, 1n, -BigInt(s.pids)];
  }
};

const compareKeys = (a: Key, b: Key): number => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

const candidateOf = (s: Shape, i: number): Candidate => ({
  pod: podOf(`p${i}`, s),
  usage: {
    ...(s.memoryMi === undefined ? {} : { memory: `${s.memoryMi}Mi` }),
    ...(s.storageMi === undefined ? {} : { ephemeralStorage: `${s.storageMi}Mi` }),
    ...(s.inodes === undefined ? {} : { inodes: s.inodes }),
    ...(s.pids === undefined ? {} : { pids: s.pids }),
  },
});

const signals: readonly EvictionSignal[] = ['memory.available', 'allocatableMemory.available', 'nodefs.available', 'nodefs.inodesFree', 'pid.available', 'imagefs.available'];

describe('eviction ranking keys', () => {
  it('eviction-ranking-matches-the-kubelet-keys (every signal; ties keep input order)', async () => {
    await holds('eviction-ranking-matches-the-kubelet-keys', fc.property(fc.array(shape, { minLength: 1, maxLength: 7 }), fc.constantFrom(...signals), (shapes, signal) => {
      const expected = shapes
        .map((s, i) => ({ key: keyOf(signal, s), name: `p${i}` }))
        .sort((a, b) => compareKeys(a.key, b.key))
        .map((x) => x.name);
      expect(evictionOrder(shapes.map(candidateOf), signal)).toEqual(expected);
    }), 1000);
  });

  it('eviction-comparators-agree-in-sign-with-the-keys (antisymmetric, 0 exactly on equal keys)', async () => {
    await holds('eviction-comparators-agree-in-sign-with-the-keys', fc.property(shape, shape, fc.constantFrom(...signals), (a, b, signal) => {
      const compare = signalRanking[signal];
      const sign = (n: number) => Math.sign(n) + 0;
      expect(sign(compare(candidateOf(a, 0), candidateOf(b, 1)))).toBe(compareKeys(keyOf(signal, a), keyOf(signal, b)));
      expect(sign(compare(candidateOf(b, 1), candidateOf(a, 0)))).toBe(compareKeys(keyOf(signal, b), keyOf(signal, a)));
    }), 2000);
  });

  it('pod-level requests count for cpu and memory only, and skip every container request; pod-level limits default the requests', () => {
    const pod = (resources: V1Pod['spec']['resources']): V1Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { resources, containers: [{ name: 'a', image: IMAGE, resources: { requests: { cpu: '100m', memory: '64Mi', 'ephemeral-storage': '1Gi' } } }] },
    });
    expect(podRequestNanos(pod({ requests: { cpu: '500m', 'ephemeral-storage': '2Gi' } }), 'cpu')).toBe(500_000_000n);
    expect(podRequestNanos(pod({ requests: { cpu: '500m', 'ephemeral-storage': '2Gi' } }), 'ephemeral-storage')).toBe(0n);
    expect(podRequestNanos(pod({ requests: { cpu: '500m' } }), 'memory')).toBe(0n);
    // the API's defaulting (defaultPodRequests) gives a pod with pod-level limits the containers' requests
    expect(podRequestNanos(applyDefaults(pod({ limits: { memory: '1Gi' } })), 'memory')).toBe(64n * MI * NANO);
  });

  it('an unnamed pod ranks as "" and is named "?" in errors', () => {
    const unnamed: Candidate = { pod: { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [{ name: 'a', image: IMAGE }] } }, usage: { memory: '1Mi' } };
    expect(evictionOrder([unnamed], 'memory.available')).toEqual(['']);
    expect(() => evictionOrder([unnamed, { ...unnamed, usage: { memory: 'lots' } }], 'memory.available')).toThrow('pod ?: usage.memory: "lots" is not a quantity');
  });

  it('a usage that is not a quantity is an error naming the pod and the field', () => {
    const [a, b] = [candidateOf({ priority: 0, regular: [1], inits: [], podLevelMi: undefined, overheadMi: undefined, memoryMi: 1, storageMi: 1, inodes: 1, pids: 1 }, 0), candidateOf({ priority: 0, regular: [1], inits: [], podLevelMi: undefined, overheadMi: undefined, memoryMi: 1, storageMi: 1, inodes: 1, pids: 1 }, 1)];
    expect(() => evictionOrder([a, { ...b, usage: { memory: 'lots' } }], 'memory.available')).toThrow('pod p1: usage.memory: "lots" is not a quantity');
  });
});

