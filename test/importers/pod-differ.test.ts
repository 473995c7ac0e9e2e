import { describe, expect, it } from 'vitest';
import { diffPod, type Imported } from '../../src/importers/index.js';
import type { Instant } from '../../src/k8s/codecs.js';
import type { ContainerStatus, PodCondition, V1Pod } from '../../src/k8s/pod.js';

const ref = { namespace: 'shop', name: 'web-0', uid: 'u1' };
const T = (s: string) => `2026-06-01T10:${s}Z`;
const fallback = '2026-06-01T10:59:59.000Z' as Instant;

const base: V1Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { ...ref, creationTimestamp: T('00:00') },
  spec: {
    nodeName: 'n1',
    readinessGates: [{ conditionType: 'example.com/lb-ready' }],
    containers: [{ name: 'app', image: 'shop:2', readinessProbe: { httpGet: { port: 8080 } } }],
  },
};

const pod = (status: NonNullable<V1Pod['status']>): V1Pod => ({ ...base, status: { startTime: T('00:01'), ...status } });
const app = (s: Partial<ContainerStatus>): ContainerStatus => ({ name: 'app', image: 'shop:2', restartCount: 0, ready: false, ...s });
const cond = (type: string, status: 'True' | 'False', at: string, reason?: string, message?: string): PodCondition => ({
  type,
  status,
  lastTransitionTime: T(at),
  ...(reason !== undefined && { reason }),
  ...(message !== undefined && { message }),
});

const diff = (before: V1Pod | undefined, after: V1Pod): Array<[string, string, Record<string, unknown>]> =>
  diffPod({ pod: ref, before, after, fallback, origin: 'watch' }).map((i: Imported) => {
    const { type, at, v: _v, source: _s, pod: _p, ...rest } = i.event as Imported['event'] & { pod?: unknown };
    return [type, at, { ...rest, ...(i.instance !== undefined && { instance: i.instance }), certainty: i.certainty }];
  });

describe('diffPod', () => {
  it('a first sighting: created, bound, admitted, with times from the object', () => {
    expect(diff(undefined, pod({ conditions: [cond('PodScheduled', 'True', '00:00')] })).map(([type, at]) => [type, at])).toEqual([
      ['PodCreated', '2026-06-01T10:00:00.000Z'],
      ['PodBound', '2026-06-01T10:00:00.000Z'],
      ['PodAdmitted', '2026-06-01T10:00:01.000Z'],
    ]);
  });

  it("a static pod's mirror is bound by its kubelet, not the scheduler (no Scheduled for it in describe)", () => {
    const sourceOfBinding = (annotations: Record<string, string>) =>
      diffPod({ pod: ref, before: undefined, after: { ...pod({ conditions: [cond('PodScheduled', 'True', '00:00')] }), metadata: { ...base.metadata, annotations } }, fallback, origin: 'watch' })
        .map((i) => i.event)
        .find((e) => e.type === 'PodBound')?.source;
    expect(sourceOfBinding({ 'kubernetes.io/config.mirror': 'abc', 'kubernetes.io/config.source': 'file' })).toBe('api');
    expect(sourceOfBinding({ 'kubernetes.io/config.source': 'file' })).toBe('api');
    expect(sourceOfBinding({ 'kubernetes.io/config.source': 'api' })).toBe('scheduler');
    expect(sourceOfBinding({})).toBe('scheduler');
  });

  it('a sandbox shown ready before its IP (the v1.36.1 rolling update: PodReadyToStartContainers True at :16, podIP at :18) is two facts, the IP at the write that showed it', () => {
    const waiting = [app({ state: { waiting: { reason: 'ContainerCreating' } } })];
    const created = pod({ conditions: [cond('PodReadyToStartContainers', 'False', '00:01')], containerStatuses: waiting });
    const ready = pod({ conditions: [cond('PodReadyToStartContainers', 'True', '00:16')], containerStatuses: waiting });
    const withIP = pod({ ...ready.status, podIP: '10.244.0.27', podIPs: [{ ip: '10.244.0.27' }] });
    const sandbox = (d: ReturnType<typeof diff>) => d.filter(([type]) => type === 'SandboxCreated' || type === 'PodIPAssigned');
    expect(sandbox(diff(created, ready))).toEqual([['SandboxCreated', '2026-06-01T10:00:16.000Z', { certainty: 'exact' }]]);
    expect(sandbox(diff(ready, withIP))).toEqual([['PodIPAssigned', fallback, { podIP: '10.244.0.27', podIPs: ['10.244.0.27'], certainty: 'inferred' }]]);
    // Seen together (one capture), they stay one fact at the condition's transition.
    expect(sandbox(diff(created, withIP))).toEqual([['SandboxCreated', '2026-06-01T10:00:16.000Z', { podIP: '10.244.0.27', podIPs: ['10.244.0.27'], certainty: 'exact' }]]);
  });

  it('a binding whose PodScheduled has no time (a stripped object) is placed no later than the kubelet admitted the pod, inferred', () => {
    // As flanksource/is-healthy's anonymised pods show it: conditions without lastTransitionTime, the pod long run.
    const ran = pod({
      conditions: [{ type: 'PodScheduled', status: 'True' }],
      containerStatuses: [app({ containerID: 'c://1', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: T('00:05'), finishedAt: T('00:09') } } })],
    });
    expect(diff(undefined, ran).filter(([type]) => type === 'PodBound')).toEqual([['PodBound', '2026-06-01T10:00:01.000Z', { node: 'n1', certainty: 'inferred' }]]);
    const { startTime: _, ...noStart } = ran.status ?? {};
    expect(diff(undefined, { ...ran, status: noStart }).filter(([type]) => type === 'PodBound')).toEqual([['PodBound', '2026-06-01T10:00:05.000Z', { node: 'n1', certainty: 'inferred' }]]);
  });

  it('readiness with a probe flips as ProbeResultChanged at the ContainersReady transition, a fact of the run probed', () => {
    const running = pod({ containerStatuses: [app({ containerID: 'c://1', state: { running: { startedAt: T('00:05') } } })] });
    const ready = pod({
      conditions: [cond('ContainersReady', 'True', '00:09')],
      containerStatuses: [app({ containerID: 'c://1', ready: true, state: { running: { startedAt: T('00:05') } } })],
    });
    expect(diff(running, ready)).toEqual([['ProbeResultChanged', '2026-06-01T10:00:09.000Z', { container: 'app', probe: 'readiness', outcome: 'success', instance: 0, certainty: 'exact' }]]);
  });

  it('a run shown started and not ready without a readiness probe (status_manager.go :: SetContainerStartup published before the next sync) is a readiness failure, then a success once shown ready', () => {
    // As a v1.20 kubelet's /pods shows etcd (newrelic-minikube-v1.20-kubelet-pods.json): only a startup probe.
    const noReadiness: V1Pod = { ...base, spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'shop:2', startupProbe: { httpGet: { port: 8080 } } }] } };
    const shown = (ready: boolean, at: string): V1Pod => ({
      ...noReadiness,
      status: {
        startTime: T('00:01'),
        conditions: [cond('ContainersReady', ready ? 'True' : 'False', at)],
        containerStatuses: [app({ containerID: 'c://1', ready, started: true, state: { running: { startedAt: T('00:05') } } })],
      },
    });
    const readiness = (before: V1Pod | undefined, after: V1Pod) => diff(before, after).filter(([, , e]) => e['probe'] === 'readiness');
    expect(readiness(undefined, shown(false, '00:06'))).toEqual([['ProbeResultChanged', '2026-06-01T10:00:06.000Z', { container: 'app', probe: 'readiness', outcome: 'failure', instance: 0, certainty: 'exact' }]]);
    expect(readiness(shown(false, '00:06'), shown(true, '00:07'))).toEqual([['ProbeResultChanged', '2026-06-01T10:00:07.000Z', { container: 'app', probe: 'readiness', outcome: 'success', instance: 0, certainty: 'exact' }]]);
    // Shown ready as the kubelet derives it: nothing to record.
    expect(readiness(undefined, shown(true, '00:07'))).toEqual([]);
  });

  it('a restartCount jump: the unseen runs are placed between the known ones, the seen run with its own times (its creation placed at its start, inferred)', () => {
    const before = pod({ containerStatuses: [app({ containerID: 'c://1', state: { running: { startedAt: T('00:10') } } })] });
    const after = pod({
      containerStatuses: [
        app({
          containerID: 'c://4',
          restartCount: 3,
          state: { running: { startedAt: T('00:40') } },
          lastState: { terminated: { exitCode: 2, reason: 'Error', startedAt: T('00:30'), finishedAt: T('00:35'), containerID: 'c://3' } },
        }),
      ],
    });
    expect(diff(before, after).map(([type, at, rest]) => [type, at, rest['instance'], rest['certainty']])).toEqual([
      ['ContainerCreated', '2026-06-01T10:00:20.000Z', 1, 'interpolated'],
      ['ContainerStarted', '2026-06-01T10:00:20.000Z', 1, 'interpolated'],
      ['ContainerCreated', '2026-06-01T10:00:30.000Z', 2, 'inferred'],
      ['ContainerStarted', '2026-06-01T10:00:30.000Z', 2, 'exact'],
      ['ContainerCreated', '2026-06-01T10:00:40.000Z', 3, 'inferred'],
      ['ContainerStarted', '2026-06-01T10:00:40.000Z', 3, 'exact'],
      ['ContainerExited', '2026-06-01T10:00:35.000Z', 2, 'exact'],
    ]);
  });

  it("a run older than any time the object states (a static pod's restartCount spans earlier kubelet processes, startTime is the latest one's) is placed at the first run shown, not after it", () => {
    // As the v1.22 kube-scheduler of newrelic-minikube-v1.22-kubelet-pods.json: restartCount 2, lastState started days before startTime.
    const shown = pod({
      startTime: T('50:00'),
      containerStatuses: [
        app({
          containerID: 'c://3',
          restartCount: 2,
          state: { running: { startedAt: T('50:01') } },
          lastState: { terminated: { exitCode: 255, reason: 'Error', startedAt: T('05:00'), finishedAt: T('49:50'), containerID: 'c://2' } },
        }),
      ],
    });
    expect(diff(undefined, shown).flatMap(([type, at, rest]) => (rest['instance'] === 0 ? [[type, at, rest['certainty']]] : []))).toEqual([
      ['ContainerCreated', '2026-06-01T10:05:00.000Z', 'interpolated'],
      ['ContainerStarted', '2026-06-01T10:05:00.000Z', 'interpolated'],
    ]);
  });

  it('image failures: ErrImagePull is a failed pull, ImagePullBackOff a back-off of unknown delay', () => {
    const pulling = pod({ containerStatuses: [app({ state: { waiting: { reason: 'ContainerCreating' } } })] });
    const failed = pod({ containerStatuses: [app({ state: { waiting: { reason: 'ErrImagePull', message: 'not found' } } })] });
    const backOff = pod({ containerStatuses: [app({ state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "shop:2"' } } })] });
    expect(diff(pulling, failed)).toEqual([
      ['ImagePullFailed', fallback, { container: 'app', image: 'shop:2', reason: 'ErrImagePull', message: 'not found', certainty: 'inferred' }],
    ]);
    const [[type, , rest] = ['', '', {}]] = diff(failed, backOff);
    expect([type, rest['image']]).toEqual(['ImagePullBackOff', 'shop:2']);
    expect(diffPod({ pod: ref, before: failed, after: backOff, fallback, origin: 'watch' })[0]?.delayUnknown).toBe(true);
  });

  it('a kubelet eviction is PodEvicted (with the signal), not a DisruptionTarget condition besides', () => {
    const running = pod({ phase: 'Running' });
    const evicted = pod({
      phase: 'Failed',
      reason: 'Evicted',
      message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 90Mi. ',
      conditions: [cond('DisruptionTarget', 'True', '00:50', 'TerminationByKubelet', 'The node was low on resource: memory. ')],
    });
    expect(diff(running, evicted)).toEqual([
      ['PodEvicted', '2026-06-01T10:00:50.000Z', { signal: 'memory.available', message: evicted.status?.message, certainty: 'exact' }],
    ]);
  });

  it('an admission refusal is PodRejected (not admitted, not evicted), the kubelet prefix dropped', () => {
    const refused = pod({ phase: 'Failed', reason: 'OutOfcpu', message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 4000, used: 500, capacity: 2000" });
    expect(diff({ ...base, status: {} }, refused)).toEqual([
      ['PodRejected', '2026-06-01T10:00:01.000Z', { node: 'n1', reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 4000, used: 500, capacity: 2000", certainty: 'exact' }],
    ]);
  });

  it('conditions the kubelet does not own are PodConditionSet; an unschedulable pod is PodUnschedulable', () => {
    const unbound: V1Pod = { ...base, spec: { ...base.spec, nodeName: undefined } };
    const unschedulable = { ...unbound, status: { conditions: [cond('PodScheduled', 'False', '00:02', 'Unschedulable', '0/3 nodes are available')] } };
    expect(diff(unbound, unschedulable)).toEqual([
      ['PodUnschedulable', '2026-06-01T10:00:02.000Z', { reason: 'Unschedulable', message: '0/3 nodes are available', certainty: 'exact' }],
    ]);
    const gated = pod({ conditions: [cond('example.com/lb-ready', 'True', '00:07')] });
    expect(diff(pod({}), gated)).toEqual([
      ['PodConditionSet', '2026-06-01T10:00:07.000Z', { conditionType: 'example.com/lb-ready', status: 'True', certainty: 'exact' }],
    ]);
  });

  it('a deletion request is stamped deletionTimestamp minus the grace; the kubelet final grace 0 is not a new one', () => {
    const deleting = { ...pod({}), metadata: { ...base.metadata, deletionTimestamp: T('01:30'), deletionGracePeriodSeconds: 30 } };
    const final = { ...pod({}), metadata: { ...base.metadata, deletionTimestamp: T('01:05'), deletionGracePeriodSeconds: 0 } };
    expect(diff(pod({}), deleting)).toEqual([['PodDeletionRequested', '2026-06-01T10:01:00.000Z', { gracePeriodSeconds: 30, certainty: 'exact' }]]);
    expect(diff(deleting, final)).toEqual([]);
  });

  it('a waiting reason no other event explains is ContainerWaiting, from admission on when seen before any run (kubelet_pods.go :: convertToAPIContainerStatuses defaults only an unknown state)', () => {
    const initializing = pod({ containerStatuses: [app({ state: { waiting: { reason: 'PodInitializing' } } })] });
    expect(diff(undefined, initializing).filter(([type]) => type === 'ContainerWaiting')).toEqual([
      ['ContainerWaiting', '2026-06-01T10:00:01.000Z', { container: 'app', reason: 'PodInitializing', certainty: 'inferred' }],
    ]);
    // The kubelet's own default needs no event; going back to it from another reason does.
    const creating = pod({ containerStatuses: [app({ state: { waiting: { reason: 'ContainerCreating' } } })] });
    expect(diff(undefined, creating).filter(([type]) => type === 'ContainerWaiting')).toEqual([]);
    expect(diff(initializing, creating)).toEqual([['ContainerWaiting', fallback, { container: 'app', reason: 'ContainerCreating', certainty: 'inferred' }]]);
  });

  it("a deleted pod's terminal phase is the kubelet's publication of its termination (status_manager.go :: TerminatePod): PodSynced", () => {
    const deleting = { ...pod({ phase: 'Pending' }), metadata: { ...base.metadata, deletionTimestamp: T('01:30'), deletionGracePeriodSeconds: 30 } };
    const failed = { ...deleting, status: { ...deleting.status, phase: 'Failed' as const } };
    expect(diff(deleting, failed)).toEqual([['PodSynced', fallback, { certainty: 'inferred' }]]);
    expect(diff(failed, failed)).toEqual([]);
    // Without a deletion a terminal phase is getPhase's answer from the containers: no publication needed.
    expect(diff(pod({ phase: 'Pending' }), pod({ phase: 'Failed' }))).toEqual([]);
  });
});
