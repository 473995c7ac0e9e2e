/** Every condition rule (§b) and the lastTransitionTime rule, each arising from events. */
import { describe, expect, test } from 'vitest';
import type { PodCondition, PodSpec, V1Pod } from '../../src/k8s/pod.js';
import { reducePod } from '../../src/reducers/index.js';
import { apiAt, PodScript } from './script.js';

const cond = (pod: V1Pod, type: string): PodCondition | undefined => pod.status?.conditions?.find((c) => c.type === type);
const types = (pod: V1Pod): string[] => (pod.status?.conditions ?? []).map((c) => c.type);

const app: PodSpec = { containers: [{ name: 'app', image: 'app:1' }], restartPolicy: 'Always' };
const probed: PodSpec = {
  containers: [{ name: 'app', image: 'app:1', readinessProbe: { httpGet: { port: 8080 } } }],
  restartPolicy: 'Always',
};

describe('PodScheduled', () => {
  test('a new pod has no conditions, phase Pending and its QoS class', () => {
    const pod = new PodScript(app).created().must();
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  test('scheduling gates: False / SchedulingGated from creation', () => {
    const pod = new PodScript({ ...app, schedulingGates: [{ name: 'example.com/wait' }] }).created().must();
    expect(cond(pod, 'PodScheduled')).toEqual({
      type: 'PodScheduled',
      status: 'False',
      observedGeneration: 1,
      lastProbeTime: null,
      lastTransitionTime: apiAt(0),
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
    });
  });

  test('a failed attempt writes False / Unschedulable; binding flips it to True with a new transition time', () => {
    const p = new PodScript(app).created().unschedulable('0/3 nodes are available: 3 Insufficient cpu.');
    expect(cond(p.must(), 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: '0/3 nodes are available: 3 Insufficient cpu.',
      lastTransitionTime: apiAt(1),
    });
    p.at(30).unschedulable('0/3 nodes are available: 3 Insufficient cpu.');
    expect(cond(p.must(), 'PodScheduled')?.lastTransitionTime).toBe(apiAt(1));
    p.at(60).bound();
    const pod = p.must();
    expect(cond(pod, 'PodScheduled')).toEqual({ type: 'PodScheduled', status: 'True', observedGeneration: 1, lastProbeTime: null, lastTransitionTime: apiAt(60) });
    expect(pod.spec.nodeName).toBe('node-1');
  });
});

describe('the kubelet-owned conditions', () => {
  test('are written in the kubelet order from admission on', () => {
    const pod = new PodScript(app).created().bound().admitted().must();
    expect(types(pod)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    expect(cond(pod, 'PodReadyToStartContainers')?.status).toBe('False');
    expect(pod.status?.startTime).toBe(apiAt(2));
    expect(pod.status?.hostIP).toBe('192.168.0.10');
    expect(pod.status?.hostIPs).toEqual([{ ip: '192.168.0.10' }]);
  });

  test('PodReadyToStartContainers turns True with the sandbox, which also brings the pod IP', () => {
    const pod = new PodScript(app).scheduled().must();
    expect(cond(pod, 'PodReadyToStartContainers')).toMatchObject({ status: 'True', lastTransitionTime: apiAt(3) });
    expect(pod.status?.podIP).toBe('10.244.0.5');
    expect(pod.status?.podIPs).toEqual([{ ip: '10.244.0.5' }]);
  });

  test('ContainersReady and Ready: not ready while waiting, then ready once running without a readiness probe', () => {
    const p = new PodScript(app).scheduled();
    expect(cond(p.must(), 'ContainersReady')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    });
    expect(cond(p.must(), 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });
    p.at(10).run('app');
    const pod = p.must();
    expect(cond(pod, 'ContainersReady')).toEqual({ type: 'ContainersReady', status: 'True', observedGeneration: 1, lastProbeTime: null, lastTransitionTime: apiAt(11) });
    expect(cond(pod, 'Ready')).toEqual({ type: 'Ready', status: 'True', observedGeneration: 1, lastProbeTime: null, lastTransitionTime: apiAt(11) });
  });

  test('a readiness probe: ready only once its published result is success; a raw probe execution changes nothing', () => {
    const p = new PodScript(probed).scheduled().run('app');
    expect(p.must().status?.containerStatuses?.[0]?.ready).toBe(false);
    p.probeExecuted('app', 'readiness', 'success');
    expect(p.must().status?.containerStatuses?.[0]?.ready).toBe(false);
    p.at(20).probe('app', 'readiness', 'success');
    expect(cond(p.must(), 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: apiAt(20) });
    p.at(40).probe('app', 'readiness', 'failure');
    expect(cond(p.must(), 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', lastTransitionTime: apiAt(40) });
    expect(p.must().status?.phase).toBe('Running');
  });

  test('lastTransitionTime stays while the status is unchanged, even when reason or message change', () => {
    const p = new PodScript({ containers: [{ name: 'a' }, { name: 'b' }] }).scheduled();
    expect(cond(p.must(), 'ContainersReady')).toMatchObject({ message: 'containers with unready status: [a b]', lastTransitionTime: apiAt(2) });
    p.at(10).run('a');
    const after = cond(p.must(), 'ContainersReady');
    expect(after).toMatchObject({ status: 'False', message: 'containers with unready status: [b]', lastTransitionTime: apiAt(2) });
  });

  test('an unchanged condition is the same object after an unrelated event', () => {
    const p = new PodScript(probed).scheduled().run('app');
    const state = p.state();
    const event = p.probe('app', 'readiness', 'success').last();
    if (state === undefined || !('pod' in event)) throw new Error('setup');
    const next = reducePod(state, event);
    expect(cond(next?.pod ?? state.pod, 'PodScheduled')).toBe(cond(state.pod, 'PodScheduled'));
    expect(cond(next?.pod ?? state.pod, 'Ready')).not.toBe(cond(state.pod, 'Ready'));
  });

  test('readiness gates: missing, then False, then True', () => {
    const p = new PodScript({ ...app, readinessGates: [{ conditionType: 'example.com/lb' }] }).scheduled().run('app');
    expect(cond(p.must(), 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ReadinessGatesNotReady',
      message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist.',
    });
    expect(cond(p.must(), 'ContainersReady')?.status).toBe('True');
    p.condition('example.com/lb', 'False');
    expect(cond(p.must(), 'Ready')?.message).toBe('the status of pod readiness gate "example.com/lb" is not "True", but False');
    p.at(30).condition('example.com/lb', 'True');
    const pod = p.must();
    expect(cond(pod, 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: apiAt(30) });
    // Conditions the kubelet does not own come first, in their own order.
    expect(types(pod)).toEqual(['example.com/lb', 'PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
  });

  test('a kubelet-owned condition cannot be set from outside', () => {
    const p = new PodScript(app).scheduled().run('app');
    const before = p.must();
    p.condition('Ready', 'False', 'Manual');
    expect(p.must()).toEqual(before);
  });
});

describe('Initialized', () => {
  const spec: PodSpec = {
    initContainers: [{ name: 'init-a' }, { name: 'init-b' }],
    containers: [{ name: 'app' }],
    restartPolicy: 'Always',
  };

  test('False with the incomplete init containers until each has exited 0', () => {
    const p = new PodScript(spec).scheduled();
    expect(cond(p.must(), 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init-a init-b]',
    });
    p.run('init-a').exited('init-a', 0);
    expect(cond(p.must(), 'Initialized')?.message).toBe('containers with incomplete status: [init-b]');
    p.at(20).run('init-b').exited('init-b', 0);
    expect(cond(p.must(), 'Initialized')).toMatchObject({ status: 'True', lastTransitionTime: apiAt(22) });
  });

  test('a sidecar counts as initialized once started (its startup probe passed)', () => {
    const p = new PodScript({
      initContainers: [{ name: 'proxy', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 15000 } } }],
      containers: [{ name: 'app' }],
    }).scheduled();
    p.run('proxy');
    expect(cond(p.must(), 'Initialized')?.message).toBe('containers with incomplete status: [proxy]');
    p.probe('proxy', 'startup', 'success');
    expect(cond(p.must(), 'Initialized')?.status).toBe('True');
  });

  test('stays True while a sidecar restarts after a regular container has started', () => {
    const p = new PodScript({
      initContainers: [{ name: 'proxy', restartPolicy: 'Always' }],
      containers: [{ name: 'app' }],
    }).scheduled();
    p.run('proxy').run('app').exited('proxy', 1).backOff('proxy');
    const pod = p.must();
    expect(cond(pod, 'Initialized')?.status).toBe('True');
    expect(pod.status?.initContainerStatuses?.[0]?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cond(pod, 'ContainersReady')?.message).toBe('containers with unready status: [proxy]');
  });

  test('PodCompleted on a Succeeded pod', () => {
    const p = new PodScript({ ...spec, restartPolicy: 'Never' }).scheduled();
    p.run('init-a').exited('init-a', 0).run('init-b').exited('init-b', 0).run('app').exited('app', 0);
    const pod = p.must();
    expect(pod.status?.phase).toBe('Succeeded');
    expect(cond(pod, 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    expect(cond(pod, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(cond(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  test('PodFailed on a Failed pod', () => {
    const p = new PodScript({ containers: [{ name: 'app' }], restartPolicy: 'Never' }).scheduled().run('app').exited('app', 3);
    expect(cond(p.must(), 'ContainersReady')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(cond(p.must(), 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
  });
});
