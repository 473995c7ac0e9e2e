/**
 * Kubernetes' eviction manager cases as data: `pkg/kubelet/eviction/eviction_manager_test.go` (the newest stored
 * version: `killPodNow(pod, evict, gracePeriodOverride, lock, statusFn)`, `TestPIDPressure` table-driven) and
 * `eviction_manager.go :: Admit`, `helpers.go :: evictionMessage` (newest stored helpers.go, commit 008b3652).
 *
 * podjournal simulates `memory.available` with hard thresholds (a node's `evictionHard`): those cases run through the
 * engine, a monitoring cycle every 10 s. PID, disk and local-storage evictions are simulated too, from a scenario's
 * usage (`test/engine/disk-pid-eviction.test.ts`); the Go tests' PID, disk and inode cases, written against mocked
 * summaries, are checked here by rank: the pod the Go test expects evicted is the first non-critical pod of
 * `evictionOrder`. Soft thresholds (grace periods, `evictionMaxPodGracePeriod`), `evictionMinimumReclaim`, image and
 * container garbage collection, inodes, separate image or container filesystems and memcg notifiers are not
 * simulated: those parts are listed with the reason and skipped. The Go tests check only the first pod evicted.
 */
import { describe, expect, test } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { evictionOrder, isCriticalPod, type Candidate, type EvictionSignal } from '../../src/eviction/index.js';
import { evictionWords } from '../../src/engine/eviction/message.js';
import { formatBytes } from '../../src/k8s/quantity.js';
import type { Container, PodSpec, V1Pod } from '../../src/k8s/pod.js';
import { at, container, defaultPriority, diskMi, highPriority, inodeCount, lowPriority, pod, resources } from '../eviction/builders.js';
import { T0, created, node, nodeCondition, ofType, offset, run, world } from './harness.js';

const MI = 1n << 20n;
const GI = 1n << 30n;

interface PodToMake {
  readonly name: string;
  readonly priority: number;
  readonly requests?: Record<string, string>;
  readonly limits?: Record<string, string>;
  /** Working set in Mi. */
  readonly memoryMi?: number;
}

/** `makePodWithMemoryStats`'s pods: one container named as the pod. */
const memoryPods: readonly PodToMake[] = [
  { name: 'guaranteed-low-priority-high-usage', priority: lowPriority, requests: resources('100m', '1Gi'), limits: resources('100m', '1Gi'), memoryMi: 900 },
  { name: 'burstable-below-requests', priority: defaultPriority, requests: resources('100m', '100Mi'), limits: resources('200m', '1Gi'), memoryMi: 50 },
  { name: 'burstable-above-requests', priority: defaultPriority, requests: resources('100m', '100Mi'), limits: resources('200m', '1Gi'), memoryMi: 400 },
  { name: 'best-effort-high-priority-high-usage', priority: highPriority, memoryMi: 400 },
  { name: 'best-effort-low-priority-low-usage', priority: lowPriority, memoryMi: 100 },
];

const manifestContainer = (p: PodToMake): Container => ({
  name: p.name,
  image: 'app:1',
  ...(p.requests === undefined && p.limits === undefined ? {} : { resources: { requests: p.requests ?? {}, limits: p.limits ?? {} } }),
});

const createdPod = (p: PodToMake, extra: { nodeName?: string; at?: number; annotations?: Record<string, string>; namespace?: string } = {}): Event =>
  created(
    {
      metadata: { name: p.name, ...(extra.annotations === undefined ? {} : { annotations: extra.annotations }), ...(extra.namespace === undefined ? {} : { namespace: extra.namespace }) },
      spec: { priority: p.priority, ...(extra.nodeName === undefined ? {} : { nodeName: extra.nodeName }), containers: [manifestContainer(p)] },
    },
    extra.at ?? 0,
  );

/** Working sets by pod name, in Mi, while `pressure(t)` holds (t in seconds since T0); 0 otherwise. */
const usage = (pods: readonly PodToMake[], pressure: (t: number) => boolean) =>
  world({
    memoryBytes: (p, _c, now) => (pressure((now - T0) / 1000) ? BigInt(pods.find((x) => x.name === p.name)?.memoryMi ?? 0) * MI : 0n),
  });

/** A node whose `memory.available` (allocatable minus the working sets) is `availableMi` under pressure. */
const pressuredNode = (pods: readonly PodToMake[], availableMi: number, threshold: string) =>
  node('n1', { cpu: '4', memory: `${pods.reduce((sum, p) => sum + (p.memoryMi ?? 0), availableMi)}Mi`, pods: '110' }, 0, { evictionHard: { 'memory.available': threshold } });

const pinned = (name: string, at: number, requests?: Record<string, string>, limits?: Record<string, string>) =>
  createdPod({ name, priority: defaultPriority, ...(requests === undefined ? {} : { requests }), ...(limits === undefined ? {} : { limits }) }, { nodeName: 'n1', at });

const admissions = (events: readonly Event[]) =>
  [...ofType(events, 'PodAdmitted').map((e) => [e.pod.name, true] as const), ...ofType(events, 'PodRejected').map((e) => [e.pod.name, false] as const)];
const admitted = (events: readonly Event[], name: string): boolean | undefined => admissions(events).find(([n]) => n === name)?.[1];

const SOFT = 'soft eviction thresholds (evictionSoft with a grace period, evictionMaxPodGracePeriod) are not simulated: nodes have hard thresholds only';

describe('eviction_manager_test.go :: TestMemoryPressure (memory.available, simulated)', () => {
  // no pressure until 30 s; at 30 s the working sets leave 500Mi of 1Gi; from 31 s none is used (the Go test
  // lowers the pressure before it synchronizes again; the loop synchronizes again at 31, once the pod is cleaned up)
  const pressure = (t: number) => t >= 30 && t < 31;
  const events = run(
    [
      pressuredNode(memoryPods, 500, '1Gi'),
      ...memoryPods.map((p) => createdPod(p)),
      pinned('best-admit', 5),
      pinned('burst-admit', 5, resources('100m', '100Mi'), resources('200m', '200Mi')),
      pinned('best-admit-under-pressure', 35),
      pinned('burst-admit-under-pressure', 35, resources('100m', '100Mi'), resources('200m', '200Mi')),
      pinned('best-admit-in-transition', 200),
      pinned('burst-admit-in-transition', 200, resources('100m', '100Mi'), resources('200m', '200Mi')),
      pinned('best-admit-after', 400),
      pinned('burst-admit-after', 400, resources('100m', '100Mi'), resources('200m', '200Mi')),
    ],
    usage(memoryPods, pressure),
    420,
  );

  test('without pressure both pods are admitted', () => {
    expect([admitted(events, 'best-admit'), admitted(events, 'burst-admit')]).toEqual([true, true]);
  });

  test('under the hard threshold the low-priority best-effort pod is evicted, with the 1 s hard-eviction grace', () => {
    expect(ofType(events, 'PodEvicted').map((e) => [offset(e), e.pod.name])).toEqual([[30, 'best-effort-low-priority-low-usage']]);
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.pod.name, e.gracePeriodSeconds])).toEqual([[30, 'best-effort-low-priority-low-usage', 1]]);
  });

  test('the best-effort pod is not admitted under pressure, the burstable one is', () => {
    expect([admitted(events, 'best-admit-under-pressure'), admitted(events, 'burst-admit-under-pressure')]).toEqual([false, true]);
  });

  test('pressure is reported until the 5 minute transition period has passed; admission follows it', () => {
    expect(ofType(events, 'NodeConditionChanged').map((e) => [offset(e), e.conditionType, e.status])).toEqual([
      [30, 'MemoryPressure', 'True'],
      // the cycles after the eviction fall at 31 + 10 s × k (`Start`: the loop resumed at 31)
      [331, 'MemoryPressure', 'False'],
    ]);
    expect([admitted(events, 'best-admit-in-transition'), admitted(events, 'burst-admit-in-transition')]).toEqual([false, true]);
    expect([admitted(events, 'best-admit-after'), admitted(events, 'burst-admit-after')]).toEqual([true, true]);
  });

  test.skip(`the soft threshold (2Gi, grace 2m) evicts the same pod with grace MaxPodGracePeriodSeconds (not applicable: ${SOFT})`, () => {});
});

describe('eviction_manager_test.go: the other memory cases', () => {
  test('TestAllocatableMemoryPressure: allocatableMemory.available ranks as memory.available, the low-priority best-effort pod goes first', () => {
    const candidates = memoryPods.map((p) => at(pod(p.name, p.priority, [container(p.name, p.requests, p.limits)]), { memory: `${p.memoryMi ?? 0}Mi` }));
    expect(evictionOrder(candidates, 'allocatableMemory.available')[0]).toBe('best-effort-low-priority-low-usage');
  });

  test.skip('TestMinReclaim (not applicable: evictionMinimumReclaim is not simulated; its first eviction is TestMemoryPressure’s hard one, carried above)', () => {});

  test('TestStaticCriticalPodsAreNotEvicted: a static pod, critical by priority or by being static, is never evicted', () => {
    const critical = { name: 'critical', priority: 2_000_000_000, requests: resources('100m', '1Gi'), limits: resources('100m', '1Gi'), memoryMi: 800 };
    const staticSource = { 'kubernetes.io/config.source': 'file' };
    for (const p of [critical, { ...critical, priority: 0 }]) {
      const events = run([pressuredNode([p], 500, '1Gi'), createdPod(p, { annotations: staticSource, namespace: 'kube-system' })], usage([p], (t) => t >= 10), 40);
      expect(ofType(events, 'PodEvicted')).toEqual([]);
      expect(ofType(events, 'NodeConditionChanged').map((e) => [e.conditionType, e.status])).toEqual([['MemoryPressure', 'True']]);
    }
  });

  test.skip(`TestHardEvictPod, TestHardEvictPodThatHasBeenSoftEvictedOnceHardThresholdReached (not applicable: ${SOFT})`, () => {});
  test.skip('TestUpdateMemcgThreshold (not applicable: memcg threshold notifiers are not simulated; the monitor runs on its 10 s period only)', () => {});
});

/** The pod the manager evicts for `signal`: the first in rank that is not critical (`evictPod` skips those). */
const firstEvicted = (candidates: readonly Candidate[], signal: EvictionSignal): string | undefined =>
  evictionOrder(
    candidates.filter((c) => !isCriticalPod(c.pod)),
    signal,
  )[0];

/** `podToMake` with disk or inode usage: requests and limits name cpu and memory only, so nothing requests disk. */
const diskPod = (name: string, priority: number, requests = resources(), limits = resources()): V1Pod => pod(name, priority, [container(name, requests, limits)]);

describe('eviction_manager_test.go: PID, disk and inode pressure (ranked, not simulated)', () => {
  test('TestPIDPressure: the low-priority pod with the most processes is evicted', () => {
    const pids = (name: string, priority: number, count: number) => at(pod(name, priority, [container(name)]), { pids: count });
    const candidates = [
      pids('high-priority-high-usage', highPriority, 900),
      pids('default-priority-low-usage', defaultPriority, 100),
      pids('default-priority-medium-usage', defaultPriority, 400),
      pids('low-priority-high-usage', lowPriority, 600),
      pids('low-priority-low-usage', lowPriority, 50),
    ];
    expect(firstEvicted(candidates, 'pid.available')).toBe('low-priority-high-usage');
  });

  test('TestPIDPressure_VerifyPodStatus: with equal process counts the lower priority goes first', () => {
    const candidates = [at(pod('pod1', lowPriority, [container('pod1')]), { pids: 2 }), at(pod('pod2', defaultPriority, [container('pod2')]), { pids: 2 })];
    expect(firstEvicted(candidates, 'pid.available')).toBe('pod1');
  });

  test.skip('TestPIDPressure through the engine (not carried here: its summary shapes are the Go mocks; PIDPressure, the ranking and the "pids" message go through the engine in test/engine/disk-pid-eviction.test.ts and journal/fork-bomb.yaml)', () => {});

  // newPodDiskStats: rootfs and logs per container; the per-volume usage counts only for local volumes, none here
  test('TestDiskPressureNodeFs, TestNodeReclaimFuncs ("no image fs"): the low-priority pod using most disk is evicted', () => {
    const candidates = [
      at(diskPod('low-priority-high-usage', lowPriority, resources('100m', '1Gi'), resources('100m', '1Gi')), diskMi(900, 0, 0)),
      at(diskPod('below-requests', defaultPriority, resources('100m', '100Mi'), resources('200m', '1Gi')), diskMi(0, 50, 0)),
      at(diskPod('above-requests', defaultPriority, resources('100m', '100Mi'), resources('200m', '1Gi')), diskMi(400, 0, 0)),
      at(diskPod('high-priority-high-usage', highPriority), diskMi(0, 0, 0)),
      at(diskPod('low-priority-low-usage', lowPriority), diskMi(100, 0, 0)),
    ];
    expect(firstEvicted(candidates, 'nodefs.available')).toBe('low-priority-high-usage');
  });

  test('TestDiskPressureNodeFs_VerifyPodStatus ("no image fs"): the pod above its ephemeral-storage request is evicted', () => {
    const candidates = [
      at(diskPod('below-requests', defaultPriority, resources('', '', '1Gi'), resources('', '', '1Gi')), diskMi(900, 0, 0)),
      at(diskPod('above-requests', defaultPriority, resources('', '', '100Mi'), resources('', '', '1Gi')), diskMi(700, 0, 0)),
    ];
    expect(firstEvicted(candidates, 'nodefs.available')).toBe('above-requests');
  });

  test('TestInodePressureFsInodes ("no image fs"): the low-priority pod using most inodes is evicted', () => {
    const mi = 1 << 20;
    const candidates = [
      at(diskPod('low-priority-high-usage', lowPriority, resources('100m', '1Gi'), resources('100m', '1Gi')), inodeCount(900 * mi, 0, 0)),
      at(diskPod('below-requests', defaultPriority, resources('100m', '100Mi'), resources('200m', '1Gi')), inodeCount(50 * mi, 0, 0)),
      at(diskPod('above-requests', defaultPriority, resources('100m', '100Mi'), resources('200m', '1Gi')), inodeCount(400 * mi, 0, 0)),
      at(diskPod('high-priority-high-usage', highPriority), inodeCount(400 * mi, 0, 0)),
      at(diskPod('low-priority-low-usage', lowPriority), inodeCount(100 * mi, 0, 0)),
    ];
    expect(firstEvicted(candidates, 'nodefs.inodesFree')).toBe('low-priority-high-usage');
  });

  test.skip('inode pressure and the image and container GC tried before a disk eviction (not applicable: inodes are not simulated and images have no size; a dead container’s disk counts as freed at its exit). DiskPressure itself goes through the engine in test/engine/disk-pid-eviction.test.ts', () => {});
  test.skip('the "image fs" and "container fs" variants of TestDiskPressureNodeFs, TestNodeReclaimFuncs, TestInodePressureFsInodes (not applicable: nodes have one filesystem)', () => {});
  test.skip('TestStorageLimitEvictions, TestManagerWithLocalStorageCapacityIsolationOpen (not carried: their summary shapes are the Go mocks; the emptyDir, pod and container limit evictions go through the engine in test/engine/disk-pid-eviction.test.ts)', () => {});
});

describe('eviction_manager_test.go :: TestAdmitUnderNodeConditions, eviction_manager.go :: Admit', () => {
  const byQOS = [
    pinned('guaranteed-pod', 5, resources('100m', '1Gi'), resources('100m', '1Gi')),
    pinned('burstable-pod', 5, resources('100m', '1Gi')),
    pinned('best-effort-pod', 5),
  ];
  const names = ['guaranteed-pod', 'burstable-pod', 'best-effort-pod'];

  test('no node condition: every pod is admitted', () => {
    const events = run([node('n1'), ...byQOS], world(), 6);
    expect(names.map((n) => admitted(events, n))).toEqual([true, true, true]);
  });

  test('MemoryPressure: the best-effort pod is refused, reason Evicted, with the node condition in the message', () => {
    const events = run([node('n1'), nodeCondition('n1', 1, 'MemoryPressure', 'True'), ...byQOS], world(), 6);
    expect(names.map((n) => admitted(events, n))).toEqual([true, true, false]);
    expect(ofType(events, 'PodRejected').map((e) => [e.reason, e.message])).toEqual([['Evicted', 'The node had condition: [MemoryPressure]. ']]);
  });

  test('MemoryPressure and DiskPressure: every pod is refused, both conditions in the message', () => {
    const events = run([node('n1'), nodeCondition('n1', 1, 'MemoryPressure', 'True'), nodeCondition('n1', 1, 'DiskPressure', 'True'), ...byQOS], world(), 6);
    expect(names.map((n) => admitted(events, n))).toEqual([false, false, false]);
    expect(new Set(ofType(events, 'PodRejected').map((e) => e.message))).toEqual(new Set(['The node had condition: [MemoryPressure DiskPressure]. ']));
  });

  // not in upstream's table: the same rule ("Conditions other than memory pressure reject all pods") for each condition alone
  test.each(['DiskPressure', 'PIDPressure'])('%s alone: every pod is refused, a critical one admitted', (condition) => {
    const critical = createdPod({ name: 'critical-pod', priority: 2_000_000_000 }, { nodeName: 'n1', at: 5 });
    const events = run([node('n1'), nodeCondition('n1', 1, condition, 'True'), ...byQOS, critical], world(), 6);
    expect(names.map((n) => admitted(events, n))).toEqual([false, false, false]);
    expect(admitted(events, 'critical-pod')).toBe(true);
    expect(new Set(ofType(events, 'PodRejected').map((e) => [e.reason, e.message].join(': ')))).toEqual(new Set([`Evicted: The node had condition: [${condition}]. `]));
  });

  // Admit: critical pods always pass; a best-effort pod passes when it tolerates {node.kubernetes.io/memory-pressure, NoSchedule}
  const admitCases: [string, Partial<PodSpec>, boolean][] = [
    ['a critical best-effort pod', { priority: 2_000_000_000 }, true],
    ['a best-effort pod tolerating every taint (empty key, Exists)', { tolerations: [{ operator: 'Exists' }] }, true],
    ['a best-effort pod tolerating the memory-pressure key with any effect', { tolerations: [{ key: 'node.kubernetes.io/memory-pressure', operator: 'Exists' }] }, true],
    ['a best-effort pod tolerating the memory-pressure taint only for NoExecute', { tolerations: [{ key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoExecute' }] }, false],
    ['a best-effort pod tolerating the disk-pressure taint', { tolerations: [{ key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' }] }, false],
  ];
  test.each(admitCases)('MemoryPressure: %s is admitted: %s', (_name, spec, expected) => {
    const p = created({ metadata: { name: 'p' }, spec: { nodeName: 'n1', ...spec, containers: [{ name: 'app', image: 'app:1' }] } }, 5);
    const events = run([node('n1'), nodeCondition('n1', 1, 'MemoryPressure', 'True'), p], world(), 6);
    expect(admitted(events, 'p')).toBe(expected);
  });
});

describe('helpers.go :: evictionMessage (memory)', () => {
  const stats = (pod: bigint, containers: Record<string, bigint>) => ({ podMemory: pod, container: (name: string) => containers[name] });
  const memoryEvictionWords = (p: V1Pod, threshold: bigint, available: bigint, s: ReturnType<typeof stats>) =>
    evictionWords('memory', p, formatBytes(threshold), formatBytes(available), s);
  const withSpec = (spec: Partial<V1Pod['spec']>): V1Pod => ({ ...pod('testpod', defaultPriority, []), spec: { containers: [], ...spec } });

  test('TestMemoryPressure_VerifyPodStatus: no container memory stats, only the node sentence and the threshold', () => {
    const p = pod('above-requests', defaultPriority, [container('above-requests', resources('', '100Mi'), resources('', '1Gi'))]);
    expect(memoryEvictionWords(p, 2n * GI, 1500n * MI, stats(700n * MI, {}))).toEqual({
      message: 'The node was low on resource: memory. Threshold quantity: 2Gi, available: 1500Mi. ',
      annotations: { offending_containers: '', offending_containers_usage: '', starved_resource: 'memory' },
    });
  });

  test('regular and init containers (sidecars too) above their request are named, in spec order; those within it are not', () => {
    const p = withSpec({
      containers: [container('app', resources('', '100Mi')), container('quiet', resources('', '1Gi'))],
      initContainers: [{ ...container('sidecar', resources('', '50Mi')), restartPolicy: 'Always' }, container('done')],
    });
    const words = memoryEvictionWords(p, 100n * MI, 50n * MI, stats(1100n * MI, { app: 300n * MI, quiet: 500n * MI, sidecar: 300n * MI }));
    expect(words.message).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ' +
        'Container app was using 300Mi, request is 100Mi, has larger consumption of memory. ' +
        'Container sidecar was using 300Mi, request is 50Mi, has larger consumption of memory. ',
    );
    expect(words.annotations).toEqual({ offending_containers: 'app,sidecar', offending_containers_usage: '300Mi,300Mi', starved_resource: 'memory' });
  });

  test('with a pod-level memory request the pod is named first, whatever its usage, with offending_pod', () => {
    const p = withSpec({ resources: { requests: { memory: '1Gi' }, limits: { memory: '2Gi' } }, containers: [container('app')] });
    const words = memoryEvictionWords(p, 100n * MI, 50n * MI, stats(600n * MI, { app: 600n * MI }));
    expect(words.message).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ' +
        'Pod testpod was using 600Mi, request is 1Gi, has larger consumption of memory. ' +
        'Container app was using 600Mi, request is 0, has larger consumption of memory. ',
    );
    expect(words.annotations).toEqual({
      offending_pod: 'testpod',
      offending_pod_usage: '600Mi',
      offending_containers: 'app',
      offending_containers_usage: '600Mi',
      starved_resource: 'memory',
    });
  });

  test('pod-level resources without a pod-level memory request name no pod', () => {
    const p = withSpec({ resources: { requests: { cpu: '1' } }, containers: [container('app', resources('', '100Mi'))] });
    expect(memoryEvictionWords(p, 100n * MI, 50n * MI, stats(50n * MI, { app: 50n * MI })).annotations).toEqual({
      offending_containers: '',
      offending_containers_usage: '',
      starved_resource: 'memory',
    });
  });

  test.skip('TestEvictonMessageWithResourceResize (not applicable: in-place resize is not simulated, and v1.36 reads the spec’s requests, the allocated ones being substituted before)', () => {});
});
