/** How pods end: deletion, eviction, rejection, node loss, and the stickiness of terminal phases. */
import { describe, expect, test } from 'vitest';
import type { PodCondition, PodSpec, V1Pod } from '../../src/k8s/pod.js';
import { apiAt, PodScript } from './script.js';

const app: PodSpec = { containers: [{ name: 'app', image: 'app:1' }], restartPolicy: 'Always' };
const cond = (pod: V1Pod, type: string): PodCondition | undefined => pod.status?.conditions?.find((c) => c.type === type);

describe('graceful deletion', () => {
  test('sets deletionTimestamp = at + grace in whole seconds; the pod keeps running until its containers stop', () => {
    const p = new PodScript(app).scheduled().run('app').at(100).deleted(30);
    const pod = p.must();
    expect(pod.metadata.deletionTimestamp).toBe(apiAt(130));
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(pod.status?.phase).toBe('Running');
    p.at(101).killing('app').at(103).exited('app', 143);
    const stopped = p.must();
    expect(stopped.status?.phase).toBe('Failed');
    expect(stopped.status?.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(143);
    p.at(104).removed();
    expect(p.pod()).toBeUndefined();
  });

  test('once the pod is over its sandbox is gone: PodReadyToStartContainers turns False', () => {
    const p = new PodScript(app).scheduled().run('app').at(100).deleted(30);
    expect(p.must().status?.conditions?.[0]).toMatchObject({ type: 'PodReadyToStartContainers', status: 'True' });
    p.at(103).exited('app', 143);
    expect(p.must().status?.conditions?.[0]).toMatchObject({ type: 'PodReadyToStartContainers', status: 'False', lastTransitionTime: apiAt(103) });
  });

  test('containers that all exit 0 on SIGTERM leave the pod Succeeded, even under Always', () => {
    const p = new PodScript(app).scheduled().run('app').deleted(30).exited('app', 0);
    expect(p.must().status?.phase).toBe('Succeeded');
  });

  test('a later request may only bring the deletion forward', () => {
    const p = new PodScript(app).scheduled().run('app').at(100).deleted(30);
    p.at(105).deleted(60);
    expect(p.must().metadata.deletionTimestamp).toBe(apiAt(130));
    p.at(106).deleted(0);
    expect(p.must().metadata).toMatchObject({ deletionTimestamp: apiAt(106), deletionGracePeriodSeconds: 0 });
  });

  test('the grace is forced to 0 for an unbound or finished pod, and a negative one becomes 1', () => {
    expect(new PodScript(app).created().at(10).deleted(30).must().metadata).toMatchObject({
      deletionTimestamp: apiAt(10),
      deletionGracePeriodSeconds: 0,
    });
    const done = new PodScript({ ...app, restartPolicy: 'Never' }).scheduled().run('app').exited('app', 0).at(50).deleted(30);
    expect(done.must().metadata).toMatchObject({ deletionTimestamp: apiAt(50), deletionGracePeriodSeconds: 0 });
    const negative = new PodScript(app).scheduled().at(20).deleted(-5);
    expect(negative.must().metadata).toMatchObject({ deletionTimestamp: apiAt(21), deletionGracePeriodSeconds: 1 });
  });

  test('grace 0 removes nothing by itself: the object stays until PodRemoved', () => {
    const p = new PodScript(app).created().at(10).deleted(0);
    expect(p.must().metadata.deletionTimestamp).toBe(apiAt(10));
    expect(p.must().status?.phase).toBe('Pending');
    p.removed();
    expect(p.pod()).toBeUndefined();
  });

  test('a deleted waiting pod stays Pending (kubectl: Terminating) until the kubelet publishes its termination (status_manager.go :: TerminatePod)', () => {
    // Imported data: no sync of the kubelet recorded, so the phase stays what the source showed.
    const imported = new PodScript(app).scheduled().pullFailed('app', 'not found').pullBackOff('app').deleted(30);
    expect(imported.must().status?.phase).toBe('Pending');
    expect(imported.must().metadata.deletionTimestamp).toBeDefined();
    // The terminating sync's status, as killPod returns, is still Pending (getPhase: a waiting container); TerminatePod,
    // in SyncTerminatedPod at the next relist, is where the pod becomes Failed.
    const p = new PodScript(app).scheduled().synced().pullFailed('app', 'not found').pullBackOff('app').synced().deleted(30);
    expect(p.must().status?.phase).toBe('Pending');
    p.synced();
    expect(p.must().status?.phase).toBe('Pending');
    expect(p.must().status?.containerStatuses?.[0]?.state?.waiting).toBeDefined();
    p.terminatedSynced();
    const pod = p.must();
    expect(pod.status?.phase).toBe('Failed');
    // hasPodInitialized: a pod without init containers always is, so the container that never ran is unknown.
    expect(pod.status?.containerStatuses?.[0]?.state).toEqual({
      terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' },
    });
  });

  describe('TerminatePod with init containers (status_manager.go :: hasPodInitialized, initializedContainers)', () => {
    const withInits: PodSpec = {
      initContainers: [{ name: 'setup', image: 'setup:1' }, { name: 'migrate', image: 'migrate:1' }],
      containers: [{ name: 'app', image: 'app:1' }],
      restartPolicy: 'Always',
    };
    const states = (pod: V1Pod) => ({
      inits: pod.status?.initContainerStatuses?.map((c) => Object.keys(c.state ?? {})[0] === 'terminated' ? c.state?.terminated?.reason : c.state?.waiting?.reason),
      app: pod.status?.containerStatuses?.map((c) => c.state?.terminated?.reason ?? c.state?.waiting?.reason),
    });

    test('none started: the first init container is marked (always at least one), the rest and the app wait', () => {
      const p = new PodScript(withInits).scheduled().synced().pullFailed('setup', 'not found').pullBackOff('setup').synced().deleted(30).synced().terminatedSynced();
      expect(p.must().status?.phase).toBe('Failed');
      expect(states(p.must())).toEqual({ inits: ['ContainerStatusUnknown', 'PodInitializing'], app: ['PodInitializing'] });
    });

    test('the last init container completed with 0: the pod has initialized, so the app that never ran is marked', () => {
      const p = new PodScript(withInits).scheduled().synced().run('setup').exited('setup', 0).run('migrate').exited('migrate', 0).synced();
      p.pullFailed('app', 'not found').pullBackOff('app').synced().deleted(30).synced().terminatedSynced();
      expect(p.must().status?.phase).toBe('Failed');
      expect(states(p.must())).toEqual({ inits: ['Completed', 'Completed'], app: ['ContainerStatusUnknown'] });
    });
  });

  test('a crash-looping container of a deleted pod shows its last termination, not the back-off', () => {
    const p = new PodScript({ containers: [{ name: 'a' }, { name: 'b' }] }).scheduled().run('a').run('b');
    p.exited('a', 1).backOff('a').run('a').exited('a', 1).backOff('a');
    p.deleted(30).exited('b', 0);
    const pod = p.must();
    expect(pod.status?.phase).toBe('Failed');
    expect(pod.status?.containerStatuses?.[0]).toMatchObject({ restartCount: 1, state: { terminated: { exitCode: 1, reason: 'Error' } } });
    expect(pod.status?.containerStatuses?.[1]?.state?.terminated).toMatchObject({ exitCode: 0 });
  });

  test('TerminatePod: a container that never finished in a pod that ran is recorded as ContainerStatusUnknown', () => {
    const p = new PodScript({ containers: [{ name: 'a' }, { name: 'b' }] }).scheduled().run('a').run('b');
    p.exited('a', 1).containerCreated('a'); // the next instance exists but never starts
    p.deleted(30).exited('b', 0);
    const a = p.must().status?.containerStatuses?.[0];
    expect(a?.state).toEqual({
      terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' },
    });
    expect(a?.lastState?.terminated?.exitCode).toBe(1);
  });
});

describe('eviction', () => {
  const message = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 80Mi. ';

  test('phase Failed, reason Evicted and DisruptionTarget once the containers have stopped', () => {
    const p = new PodScript(app).scheduled().run('app').at(50).evicted(message);
    expect(p.must().status?.phase).toBe('Running');
    expect(cond(p.must(), 'DisruptionTarget')).toBeUndefined();
    p.at(51).exited('app', 137);
    const pod = p.must();
    expect(pod.status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message });
    expect(pod.status?.conditions?.[0]).toEqual({
      type: 'DisruptionTarget',
      status: 'True',
      observedGeneration: 1,
      lastProbeTime: null,
      lastTransitionTime: apiAt(51),
      reason: 'TerminationByKubelet',
      message,
    });
    expect(cond(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    // status_manager.go :: mergePodStatus walks generateAPIPodStatus's list, whose copied DisruptionTarget comes
    // before the kubelet's own conditions: appended to the others first, then the owned ones after it
    expect(pod.status?.conditions?.map((c) => c.type)).toEqual(['DisruptionTarget', 'PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
  });

  // taint_eviction.go :: addConditionAndDeletePod appends to the stored list (UpdatePodCondition); nothing reorders it
  test("the taint manager's DisruptionTarget goes after the kubelet's conditions", () => {
    const p = new PodScript(app).scheduled().run('app').synced().nodeLost().condition('DisruptionTarget', 'True', 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
    expect(p.must().status?.conditions?.map((c) => c.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled', 'DisruptionTarget']);
  });

  // kubelet.go :: SyncTerminatingPod generates the status (conditions from the Running phase) before
  // evictPod's status function sets Failed; during the kill only status_manager.go :: SetContainerReadiness
  // rewrites Ready and ContainersReady, generated from the Failed phase it cached (status/generate.go)
  test('during the grace Ready keeps container readiness; a readiness change writes False PodFailed, the phase held back', () => {
    const probed: PodSpec = { ...app, containers: [{ name: 'app', image: 'app:1', readinessProbe: { exec: { command: ['true'] } } }] };
    const p = new PodScript(probed).scheduled().run('app').synced().probe('app', 'readiness', 'success').at(50).evicted(message).synced();
    expect(p.must().status?.phase).toBe('Running');
    expect(cond(p.must(), 'Ready')).toMatchObject({ status: 'True' });
    p.at(51).probe('app', 'readiness', 'failure');
    const pod = p.must();
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.reason).toBeUndefined();
    expect(cond(pod, 'DisruptionTarget')).toBeUndefined();
    expect(cond(pod, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'PodFailed', lastTransitionTime: apiAt(51) });
    expect(cond(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    p.at(52).exited('app', 137).synced();
    expect(p.must().status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message });
  });

  // A SyncPod in flight (a postStart hook, a pull) holds the terminating sync back: its first status is the first
  // since the containers started. kubelet.go :: SyncTerminatingPod generates it from them (Ready True) before the
  // status function sets Failed; mergePodStatus holds the phase back and forces Ready False only with a terminal one.
  test('the terminating sync after a SyncPod in flight publishes Ready from container readiness, not PodFailed', () => {
    const p = new PodScript(app).scheduled().synced().run('app').at(50).evicted(message);
    expect(cond(p.must(), 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    p.at(60).synced();
    const pod = p.must();
    expect(pod.status?.phase).toBe('Pending');
    expect(pod.status?.reason).toBeUndefined();
    expect(cond(pod, 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: apiAt(60) });
    expect(cond(pod, 'ContainersReady')).toMatchObject({ status: 'True' });
    expect(cond(pod, 'DisruptionTarget')).toBeUndefined();
    p.at(61).exited('app', 137).synced();
    expect(p.must().status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message });
    expect(cond(p.must(), 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
  });

  test('without an eviction, a readiness failure reads ContainersNotReady', () => {
    const probed: PodSpec = { ...app, containers: [{ name: 'app', image: 'app:1', readinessProbe: { exec: { command: ['true'] } } }] };
    const p = new PodScript(probed).scheduled().run('app').synced().probe('app', 'readiness', 'success').at(51).probe('app', 'readiness', 'failure');
    expect(cond(p.must(), 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
  });

  test('an evicted pod is not restarted and stays Failed', () => {
    const p = new PodScript(app).scheduled().run('app').evicted(message).exited('app', 137).backOff('app').run('app');
    expect(p.must().status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
  });
});

describe('admission rejection', () => {
  test('phase Failed with the admission reason and message; no kubelet conditions', () => {
    const p = new PodScript(app).created().bound().at(5).rejected('Evicted', 'The node had condition: [MemoryPressure]. ');
    expect(p.must().status).toEqual({
      phase: 'Failed',
      conditions: [],
      message: 'Pod was rejected: The node had condition: [MemoryPressure]. ',
      reason: 'Evicted',
      startTime: apiAt(5),
      qosClass: 'BestEffort',
    });
    p.sandbox().run('app');
    expect(p.must().status?.phase).toBe('Failed');
    expect(p.must().status?.containerStatuses).toBeUndefined();
  });
});

describe('node lost', () => {
  test('Ready turns False, everything else stays as last reported', () => {
    const p = new PodScript(app).scheduled().run('app').at(60).nodeLost();
    const pod = p.must();
    expect(cond(pod, 'Ready')).toMatchObject({ status: 'False', lastTransitionTime: apiAt(60) });
    expect(cond(pod, 'ContainersReady')?.status).toBe('True');
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.containerStatuses?.[0]?.state?.running).toBeDefined();
  });

  // v1.36: the controllers no longer call SetPodTerminationReason, so a deleted pod on a lost node keeps its status
  test('the unreachable kubelet reports nothing; a deletion sets no NodeLost reason and the pod stays', () => {
    const p = new PodScript(app).scheduled().run('app').nodeLost();
    const before = p.must();
    p.exited('app', 1);
    expect(p.must()).toEqual(before);
    p.at(400).deleted(30);
    const pod = p.must();
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.reason).toBeUndefined();
    expect(pod.status?.message).toBeUndefined();
    expect(pod.metadata.deletionTimestamp).toBe(apiAt(430));
  });
});

describe('a lost node comes back', () => {
  // kubelet.go :: SyncPod: the returning kubelet's first sync writes the whole status again
  test("the kubelet's next sync publishes its own view again, Ready included", () => {
    const p = new PodScript(app).scheduled().run('app').synced().at(60).nodeLost();
    expect(cond(p.must(), 'Ready')?.status).toBe('False');
    p.at(100).synced();
    expect(cond(p.must(), 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: apiAt(100) });
    p.at(110).exited('app', 1).synced();
    expect(p.must().status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 1 });
  });
});

describe('terminal phases are sticky', () => {
  test('a Succeeded pod stays Succeeded whatever follows', () => {
    const p = new PodScript({ ...app, restartPolicy: 'Never' }).scheduled().run('app').exited('app', 0);
    expect(p.must().status?.phase).toBe('Succeeded');
    p.sandbox().run('app');
    expect(p.must().status?.phase).toBe('Succeeded');
  });

  test('a Failed pod stays Failed even if a new sandbox comes up', () => {
    const p = new PodScript({ ...app, restartPolicy: 'Never' }).scheduled().run('app').exited('app', 1).sandbox();
    expect(p.must().status?.phase).toBe('Failed');
  });
});

describe('re-created sandbox with sidecars', () => {
  test('the pod reads Pending again until a regular container starts in the new sandbox', () => {
    const p = new PodScript({
      initContainers: [{ name: 'proxy', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 1 } } }],
      containers: [{ name: 'app' }],
    }).scheduled();
    p.run('proxy').probe('proxy', 'startup', 'success').run('app');
    expect(p.must().status?.phase).toBe('Running');
    p.exited('proxy', 137).exited('app', 137).sandbox().run('proxy');
    expect(p.must().status?.phase).toBe('Pending');
    p.probe('proxy', 'startup', 'success').run('app');
    expect(p.must().status?.phase).toBe('Running');
  });
});
