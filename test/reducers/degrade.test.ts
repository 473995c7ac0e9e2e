/** The degrade table of src/reducers/README.md, row by row: contradictory or out-of-order events. */
import { describe, expect, test } from 'vitest';
import { instantOf } from '../../src/k8s/codecs.js';
import type { PodSpec } from '../../src/k8s/pod.js';
import { foldCluster, findPod } from '../../src/reducers/index.js';
import { reduceNode } from '../../src/reducers/node.js';
import { podAt } from '../../src/timetravel/pod-at.js';
import { apiAt, PodScript, T0 } from './script.js';

const app: PodSpec = { containers: [{ name: 'app', image: 'app:1' }], restartPolicy: 'Always' };
const withInit: PodSpec = { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }], restartPolicy: 'OnFailure' };

/** The pod after the events, and after the same events plus `extra`, for "ignored" rows. */
const unchangedBy = (p: PodScript, extra: (p: PodScript) => void): void => {
  const before = p.must();
  extra(p);
  expect(p.must()).toEqual(before);
};

describe('pod-level rows', () => {
  test('1: events for a pod never created (or removed) are ignored', () => {
    const p = new PodScript(app).bound().admitted().run('app');
    expect(p.pod()).toBeUndefined();
    const q = new PodScript(app).scheduled().removed().run('app').deleted(0);
    expect(q.pod()).toBeUndefined();
  });

  test('2: a second PodCreated for the same uid is ignored', () => {
    const p = new PodScript(app, 'web', { labels: { v: '1' } }).scheduled();
    const second = new PodScript({ containers: [{ name: 'other' }] }, 'web', { labels: { v: '2' } }).created();
    p.events.push(...second.events);
    expect(p.must().metadata.labels).toEqual({ v: '1' });
    expect(p.must().spec.containers[0]?.name).toBe('app');
  });

  test('3: PodCreated for a name held by another live uid supersedes the holder (foldCluster and podAt agree)', () => {
    const first = new PodScript(app).created();
    const clash = new PodScript({ containers: [{ name: 'other' }] }, 'web', {}, 'uid-2').at(60).created();
    const events = [...first.events, ...clash.events];
    const state = foldCluster(events);
    expect(state.pods.size).toBe(1);
    expect(findPod(state, 'default', 'web')?.pod.metadata.uid).toBe('uid-2');
    const records = events.map((event, i) => ({ seq: i + 1, recordedAt: event.at, prevHash: '', hash: '', event }));
    expect(podAt(records, undefined)?.pod.metadata.uid).toBe('uid-2');
    expect(podAt(records, instantOf(T0 + 30_000))?.pod.metadata.uid).toBe('uid-web');
  });

  test('4: PodCreated after removal of the same uid is a new pod', () => {
    const p = new PodScript(app).scheduled().run('app').removed().at(100).created();
    expect(p.must().status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(p.must().metadata.creationTimestamp).toBe(apiAt(100));
  });

  test('5: a second binding is ignored, to any node', () => {
    const p = new PodScript(app).created().bound('node-1');
    unchangedBy(p, (q) => q.bound('node-2'));
    unchangedBy(p, (q) => q.bound('node-1'));
  });

  test('6: a scheduling failure after binding is ignored', () => {
    unchangedBy(new PodScript(app).created().bound(), (q) => q.unschedulable('late'));
  });

  test('7: kubelet-owned conditions cannot be set from outside', () => {
    unchangedBy(new PodScript(app).scheduled(), (q) => q.condition('PodScheduled', 'False').condition('Initialized', 'False'));
  });

  test('8: a later deletion may only bring the timestamp forward', () => {
    unchangedBy(new PodScript(app).scheduled().run('app').at(10).deleted(30), (q) => q.at(11).deleted(60));
  });

  test('9: admission, rejection or node loss on another node are ignored', () => {
    const p = new PodScript(app).created().bound('node-1');
    unchangedBy(p, (q) => q.admitted('node-2').rejected('OutOfcpu', 'x', 'node-2').nodeLost('node-2'));
  });

  test('10: admission for an unbound pod binds it to that node', () => {
    const pod = new PodScript(app).created().admitted('node-7').must();
    expect(pod.spec.nodeName).toBe('node-7');
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
  });

  test('10: an admission naming no node places nothing and still admits', () => {
    const pod = new PodScript(app).created().bound('node-1').admitted('').must();
    expect(pod.spec.nodeName).toBe('node-1');
    expect(pod.status?.startTime).toBeDefined();
  });

  test('11: admission happens once: a second admission or a late rejection is ignored', () => {
    const p = new PodScript(app).scheduled().run('app');
    unchangedBy(p, (q) => q.admitted('node-1', '10.9.9.9').rejected('OutOfmemory', 'late'));
  });

  test('12: a node-side event before admission implies it, at that event', () => {
    const pod = new PodScript(app).created().bound().at(7).sandbox().must();
    expect(pod.status?.startTime).toBe(apiAt(7));
    expect(pod.status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('True');
  });

  test('12a: an unbound pod ignores sandbox, eviction and container events: it stays Pending', () => {
    const p = new PodScript(app).created();
    unchangedBy(p, (q) => q.sandbox().run('app').evicted('m').exited('app', 1));
    expect(p.must().status?.phase).toBe('Pending');
  });

  test('13: a rejected pod runs nothing', () => {
    unchangedBy(new PodScript(app).created().bound().rejected('OutOfcpu', 'no cpu'), (q) => q.run('app').exited('app', 0));
  });

  test('14: nothing from a lost node is applied', () => {
    const p = new PodScript(app).scheduled().run('app').nodeLost();
    unchangedBy(p, (q) => q.exited('app', 1).sandbox('10.0.0.9').evicted('m').admitted());
  });
});

describe('container rows', () => {
  test('15: events for a container not in the spec are ignored', () => {
    unchangedBy(new PodScript(app).scheduled(), (q) => q.run('ghost').exited('ghost', 1).backOff('ghost'));
  });

  test('16: a new instance while one is running replaces it (its end was not recorded)', () => {
    const p = new PodScript(app).scheduled().run('app').exited('app', 1).run('app').started('app', true);
    expect(p.must().status?.containerStatuses?.[0]).toMatchObject({
      restartCount: 2,
      state: { running: {} },
      lastState: { terminated: { exitCode: 1, containerID: 'containerd://app-1' } },
      containerID: 'containerd://app-3',
    });
  });

  test('16a: empty containerIDs (importers) name the newest instance; an empty creation is a new one', () => {
    const p = new PodScript(app).scheduled();
    for (let k = 0; k < 3; k++) p.containerCreated('app', '').started('app', false, '');
    p.exit('app', { containerID: '', exitCode: 2, reason: 'Error' });
    expect(p.must().status?.containerStatuses?.[0]).toMatchObject({ restartCount: 2, state: { terminated: { exitCode: 2 } } });
  });

  test('17: a new instance after a termination that may not run again is ignored', () => {
    unchangedBy(new PodScript({ ...app, restartPolicy: 'Never' }).scheduled().run('app').exited('app', 1), (q) => q.run('app'));
    unchangedBy(new PodScript({ ...app, restartPolicy: 'OnFailure' }).scheduled().run('app').exited('app', 0), (q) => q.run('app'));
    const init = new PodScript(withInit).scheduled().run('init').exited('init', 0);
    unchangedBy(init, (q) => q.run('init').exited('init', 1));
  });

  test('18: a duplicate start is ignored', () => {
    unchangedBy(new PodScript(app).scheduled().run('app'), (q) => q.started('app'));
    unchangedBy(new PodScript(app).scheduled().run('app').exited('app', 1), (q) => q.started('app'));
  });

  test('19: a duplicate exit is ignored', () => {
    unchangedBy(new PodScript(app).scheduled().run('app').exited('app', 1), (q) => q.exited('app', 2));
  });

  test('20: an exit for a container never started records an instance that ran, without startedAt', () => {
    const p = new PodScript({ ...app, restartPolicy: 'Never' }).scheduled().at(9);
    p.exit('app', { containerID: 'containerd://x', exitCode: 1, reason: 'Error' });
    const s = p.must().status?.containerStatuses?.[0];
    expect(s?.state?.terminated).toEqual({ exitCode: 1, reason: 'Error', finishedAt: apiAt(9), containerID: 'containerd://x' });
    expect(s?.restartCount).toBe(0);
    expect(p.must().status?.phase).toBe('Failed');
  });

  test('21: a start without a creation implies it', () => {
    const s = new PodScript(app).scheduled().started('app', true).must().status?.containerStatuses?.[0];
    expect(s).toMatchObject({ state: { running: {} }, restartCount: 0, containerID: 'containerd://app-1' });
  });

  test('22: a created instance that never ran is replaced by the next one', () => {
    const p = new PodScript(app).scheduled().containerCreated('app');
    p.startFailed('app', 'RunContainerError', 'exec: not found');
    expect(p.must().status?.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'RunContainerError', message: 'exec: not found' } });
    p.run('app');
    expect(p.must().status?.containerStatuses?.[0]).toMatchObject({ state: { running: {} }, restartCount: 1, lastState: {} });
  });

  test('23: a probe result for a container that is not running is ignored', () => {
    unchangedBy(new PodScript({ containers: [{ name: 'app', readinessProbe: {} }] }).scheduled(), (q) => q.probe('app', 'readiness', 'success'));
  });

  test('24: a second eviction is ignored', () => {
    const p = new PodScript(app).scheduled().run('app').evicted('first').exited('app', 137);
    unchangedBy(p, (q) => q.evicted('second'));
    expect(p.must().status?.message).toBe('first');
  });

  test('25: a second sandbox resets podHasInitialized', () => {
    const p = new PodScript({ initContainers: [{ name: 'side', restartPolicy: 'Always', startupProbe: {} }], containers: [{ name: 'app' }] }).scheduled();
    p.run('side').probe('side', 'startup', 'success').run('app');
    expect(p.state()?.kubelet.podHasInitialized).toBe(true);
    p.sandbox();
    expect(p.state()?.kubelet.podHasInitialized).toBe(false);
  });

  test('28: a pull forgets a cached start failure', () => {
    const p = new PodScript(app).scheduled().pullFailed('app', 'timeout').pulled('app');
    expect(p.must().status?.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
  });

  test('26: events after a terminal phase apply, but the phase stays', () => {
    const p = new PodScript({ ...app, restartPolicy: 'Never' }).scheduled().run('app').exited('app', 0).labels({ done: 'yes' });
    expect(p.must().status?.phase).toBe('Succeeded');
    expect(p.must().metadata.labels).toEqual({ done: 'yes' });
  });
});

describe('node rows', () => {
  const base = { v: 1 as const, at: instantOf(T0), source: 'node' as const, node: 'n1' };
  const registered = (labels: Record<string, string>) => ({
    ...base,
    type: 'NodeRegistered' as const,
    capacity: { cpu: '4' },
    allocatable: { cpu: '4' },
    labels,
  });

  test('27: conditions and thresholds of a node never registered are ignored', () => {
    expect(reduceNode(undefined, { ...base, type: 'NodeConditionChanged', conditionType: 'Ready', status: 'True' })).toBeUndefined();
    expect(reduceNode(undefined, { ...base, type: 'EvictionThresholdMet', signal: 'memory.available', threshold: '100Mi', available: '80Mi' })).toBeUndefined();
  });

  test('29: re-registration refreshes what the node reports and keeps its conditions', () => {
    const n1 = reduceNode(undefined, registered({ zone: 'a' }));
    const n2 = reduceNode(n1, { ...base, type: 'NodeConditionChanged', conditionType: 'MemoryPressure', status: 'True' });
    const n3 = reduceNode(n2, registered({ zone: 'b' }));
    expect(n3?.labels).toEqual({ zone: 'b' });
    expect(n3?.conditions.map((c) => [c.type, c.status])).toEqual([['MemoryPressure', 'True']]);
  });
});
