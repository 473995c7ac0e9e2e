import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../src/k8s/pod.js';
import { created, deleted, node, ofType, offset, run, world } from './harness.js';

const MI = 1n << 20n;

const pod = (name: string, spec: Partial<PodSpec> = {}, resources?: Record<string, string>) =>
  created({
    metadata: { name },
    spec: {
      containers: [{ name: 'app', image: 'app:1', ...(resources === undefined ? {} : { resources: { requests: resources } }) }],
      ...spec,
    },
  });
const guaranteed = created({
  metadata: { name: 'guaranteed' },
  spec: { containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '100m', memory: '500Mi' }, limits: { cpu: '100m', memory: '500Mi' } } }] },
});
const critical = pod('critical', { priority: 2_000_000_000, priorityClassName: 'system-node-critical' });

/** Working sets in Mi by pod name, as functions of seconds since T0. */
const usage = (table: Record<string, (t: number) => number>) =>
  world({ memoryBytes: (p, _c, now) => BigInt(table[p.name]?.((now - Date.parse('2026-01-01T00:00:00.000Z')) / 1000) ?? 0) * MI });

describe('node-pressure eviction (eviction_manager.go :: synchronize)', () => {
  const node1 = node('n1', { cpu: '4', memory: '1800Mi', pods: '110' });
  const pods = [pod('besteffort'), pod('burstable', {}, { cpu: '100m', memory: '100Mi' }), guaranteed, critical];
  const w = usage({
    besteffort: (t) => (t < 30 ? 100 : 800),
    burstable: (t) => (t < 30 ? 300 : t < 35 ? 600 : 1200),
    guaranteed: () => 500,
    critical: () => 100,
  });
  const events = run([node1, ...pods], w, 400);

  // after an eviction the manager synchronizes again at the first 1 s poll that finds the pod cleaned up
  // (`Start`, `waitForPodsCleanup`): besteffort dies at 30, the loop resumes at 31 and sleeps 10 s from there
  it('evicts one pod per cycle in the kubelet order: over-request BestEffort first, then Burstable; Guaranteed and critical pods stay', () => {
    expect(ofType(events, 'PodEvicted').map((e) => [offset(e), e.pod.name])).toEqual([
      [30, 'besteffort'],
      [41, 'burstable'],
    ]);
  });

  it("writes the kubelet's message and annotations", () => {
    const first = ofType(events, 'PodEvicted')[0];
    expect(first?.message).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: -200Mi. Container app was using 800Mi, request is 0, has larger consumption of memory. ',
    );
    expect(first?.annotations).toEqual({ offending_containers: 'app', offending_containers_usage: '800Mi', starved_resource: 'memory' });
  });

  it('kills the evicted pod’s containers with the 1 s hard-eviction grace, and never restarts them', () => {
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.pod.name, e.reason, e.gracePeriodSeconds])).toEqual([
      [30, 'besteffort', 'PodEvicted', 1],
      [41, 'burstable', 'PodEvicted', 1],
    ]);
    expect(ofType(events, 'ContainerStarted').filter((e) => offset(e) > 0)).toEqual([]);
  });

  it('turns MemoryPressure on when the threshold is met, off after the 5 minute transition period', () => {
    expect(ofType(events, 'NodeConditionChanged').map((e) => [offset(e), e.conditionType, e.status])).toEqual([
      [30, 'MemoryPressure', 'True'],
      // last met at 41; burstable is gone at 41, the loop resumes at 42: its cycles fall at 42 + 10 s × k
      [342, 'MemoryPressure', 'False'],
    ]);
  });

  it('under lasting pressure evicts Guaranteed pods within their requests last, each as soon as the last one is cleaned up, and never critical ones', () => {
    const tight = node('n1', { cpu: '4', memory: '650Mi', pods: '110' });
    const all = usage({ besteffort: () => 300, burstable: () => 300, guaranteed: () => 500, critical: () => 100 });
    const lasting = run([tight, ...pods], all, 60);
    expect(ofType(lasting, 'PodEvicted').map((e) => [offset(e), e.pod.name])).toEqual([
      [0, 'besteffort'],
      [1, 'burstable'],
      [2, 'guaranteed'],
    ]);
  });

  it('spares critical pods even when nothing else is left', () => {
    const alone = run([node('n1', { cpu: '4', memory: '1Gi', pods: '110' }), critical], usage({ critical: () => 1000 }), 60);
    expect(ofType(alone, 'PodEvicted')).toEqual([]);
    expect(ofType(alone, 'EvictionThresholdMet').length).toBeGreaterThan(0);
  });

  // v1.36's SyncPod hands the runtime context.WithoutCancel(ctx) (TODO(#113606)): the eviction's cancellation
  // (pod_workers.go :: UpdatePod, from `TerminatePodAbnormallyAndWait`) does not reach the probe kill's StopContainer
  // (kubernetes#83916), and the worker runs `SyncTerminatingPod` only once that `SyncPod` returns: the killed container
  // is restarted first (`ContainersToStart`), then stopped with the eviction's 1 s. The manager's loop waits for the
  // pod's termination (`podResourcesAreReclaimed` → `CouldHaveRunningContainers`), not just for the killed process
  const livenessProbe = { exec: { command: ['true'] }, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 1 };
  const probed = (restartPolicy: 'Always' | 'Never') =>
    created({ metadata: { name: 'probed' }, spec: { restartPolicy, terminationGracePeriodSeconds: 30, containers: [{ name: 'app', image: 'app:1', livenessProbe }] } });
  const failing = world({
    probe: (_p, _c, kind) => ({ outcome: kind === 'liveness' ? 'failure' : 'success' }),
    onSigterm: () => undefined,
    memoryBytes: (_p, _c, now) => (now - Date.parse('2026-01-01T00:00:00.000Z') >= 10_000 ? 1000n * MI : 0n),
  });

  it('does not cut a liveness kill in flight short: it ends with its own 30 s, the container restarts, then the eviction stops it', () => {
    // the worker ticks at 0, 5, 10 … from the pod's first sync: it first probes at 5
    const evicted = run([node('n1', { cpu: '4', memory: '1Gi', pods: '110' }), probed('Always')], failing, 60);
    expect(ofType(evicted, 'ContainerKilling').map((e) => [offset(e), e.reason, e.gracePeriodSeconds])).toEqual([
      [5, 'LivenessProbeFailed', 30],
      [35, 'PodEvicted', 1],
    ]);
    // the liveness kill's SIGKILL at 5 + 30 s; the restarted container's SIGKILL 2 s after its eviction kill
    expect(ofType(evicted, 'ContainerExited').map((e) => [offset(e), e.exitCode])).toEqual([
      [35, 137],
      [37, 137],
    ]);
    expect(ofType(evicted, 'ContainerStarted').map(offset)).toEqual([0, 35]);
    expect(ofType(evicted, 'PodEvicted').map(offset)).toEqual([10]);
  });

  it('under restartPolicy Never the killed container is not restarted, and the eviction finds nothing left to stop', () => {
    const evicted = run([node('n1', { cpu: '4', memory: '1Gi', pods: '110' }), probed('Never')], failing, 60);
    expect(ofType(evicted, 'ContainerKilling').map((e) => [offset(e), e.reason])).toEqual([[5, 'LivenessProbeFailed']]);
    expect(ofType(evicted, 'ContainerExited').map((e) => [offset(e), e.exitCode])).toEqual([[35, 137]]);
    expect(ofType(evicted, 'PodEvicted').map(offset)).toEqual([10]);
  });

  it('bounds a preStop hook by the eviction’s 1 s override, then gives the 2 s minimum (kuberuntime_container.go :: killContainer)', () => {
    // v1.36 applies the override before preStop: the 30 s grace no longer bounds the hook. A 5 s hook is cut at 1 s (its
    // whole second spent), the window is raised to 2 s: SIGTERM at 11 s, SIGKILL at 13 s for a process that ignores it
    const hooked = created({
      metadata: { name: 'hooked' },
      spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'app', image: 'app:1', lifecycle: { preStop: { exec: { command: ['drain'] } } } }] },
    });
    const w = world({
      preStop: () => ({ durationMs: 5000 }),
      onSigterm: () => undefined,
      memoryBytes: (_p, _c, now) => (now - Date.parse('2026-01-01T00:00:00.000Z') >= 5_000 ? 1000n * MI : 0n),
    });
    const events = run([node('n1', { cpu: '4', memory: '1Gi', pods: '110' }), hooked], w, 60);
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.reason, e.gracePeriodSeconds])).toEqual([[10, 'PodEvicted', 1]]);
    expect(ofType(events, 'ContainerExited').map((e) => [offset(e), e.exitCode])).toEqual([[13, 137]]);
  });

  it('ranks a pod being deleted, and evicts it: its termination is under way, not done (kubelet_pods.go :: filterOutInactivePods)', () => {
    // `leaving` grows from 8 s and ignores SIGTERM, so its deletion (grace 120 s, from 5 s) would last until 125 s; at the 10 s
    // cycle it is the over-request pod, ranked before `stay` (within its request). The eviction's 1 s does not cut its
    // kill in flight short (kubelet.go :: SyncTerminatingPod runs killPod on context.Background(), TODO(#113606)):
    // no second Killing, SIGKILL at 125 s. The manager waits for it (eviction_manager.go :: Start): `killPodNow` gives
    // up after 10 s, `waitForPodsCleanup` after 30 more; the cycle then ranks the pod again, still active and still the
    // greediest, and evicts it again (the kubelet records Evicted each time), every 40 s until it is gone
    const leaving = pod('leaving', { terminationGracePeriodSeconds: 120 });
    const stay = pod('stay', {}, { cpu: '100m', memory: '100Mi' });
    const w = world({ ...usage({ leaving: (t) => (t < 8 ? 0 : 1000), stay: () => 50 }), onSigterm: (p) => (p.name === 'leaving' ? undefined : { afterMs: 0, code: 0 }) });
    const events = run([node('n1', { cpu: '4', memory: '1Gi', pods: '110' }), leaving, stay, deleted('leaving', 5, 120)], w, 150);
    expect(ofType(events, 'PodEvicted').map((e) => [offset(e), e.pod.name])).toEqual([
      [10, 'leaving'],
      [50, 'leaving'],
      [90, 'leaving'],
    ]);
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.pod.name, e.reason, e.gracePeriodSeconds])).toEqual([
      [5, 'leaving', 'PodDeleted', 120],
    ]);
    expect(ofType(events, 'ContainerExited').map((e) => [offset(e), e.pod.name, e.exitCode])).toEqual([[125, 'leaving', 137]]);
  });

  // the summary lists a pod through its containers (cri_stats_provider.go :: listPodStatsPartiallyFromCRI): one whose
  // only image is still pulling has none, so `statsFunc` does not find it, and every comparator of rankMemoryPressure
  // puts it first (helpers.go :: exceedMemoryRequests, `!p1Found`), before an over-request pod of lower priority;
  // evictionMessage then stops after the threshold sentence, with no annotation
  it('ranks a pod still pulling its image first: the summary does not list it (helpers.go :: exceedMemoryRequests)', () => {
    const hog = pod('hog', { priority: 0 });
    const pulling = created({ metadata: { name: 'pulling' }, spec: { priority: 1000, containers: [{ name: 'app', image: 'big:1', resources: { requests: { memory: '100Mi' } } }] } });
    const w = world({ ...usage({ hog: () => 1000 }), pull: (_n, image) => ({ ok: true, durationMs: image === 'big:1' ? 300_000 : 0 }) });
    const events = run([node('n1', { cpu: '4', memory: '1Gi', pods: '110' }), hog, pulling], w, 5);
    const [first] = ofType(events, 'PodEvicted');
    expect([first?.pod.name, first?.message, first?.annotations]).toEqual([
      'pulling',
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 24Mi. ',
      {},
    ]);
  });

  it('ranks a pod whose containers all exited by its usage: the runtime still lists them', () => {
    const done = created({ metadata: { name: 'done' }, spec: { priority: 1000, restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1' }] } });
    const w = world({ ...usage({ hog: () => 1000 }), containerRun: (p) => (p.name === 'done' ? { exit: { afterMs: 0, code: 0 } } : {}) });
    const events = run([node('n1', { cpu: '4', memory: '1Gi', pods: '110' }), pod('hog', { priority: 0 }), done], w, 5);
    expect(ofType(events, 'PodEvicted').map((e) => e.pod.name)).toEqual(['hog']);
  });

  it('honours a per-node threshold', () => {
    const strict = node('n1', { cpu: '4', memory: '1Gi', pods: '110' }, 0, { evictionHard: { 'memory.available': '500Mi' } });
    const evicted = run([strict, pod('besteffort')], usage({ besteffort: () => 600 }), 5);
    expect(ofType(evicted, 'PodEvicted').map((e) => [offset(e), e.message.split('. ')[1]])).toEqual([[0, 'Threshold quantity: 500Mi, available: 424Mi']]);
  });
});
