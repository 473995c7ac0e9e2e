/**
 * Counterexamples `properties/regenerate-less.test.ts` shrank to (raw event sequences, seeds 10 and 14 with 1,000
 * runs; 11 and 40 of the lead's sweep last session, /tmp/lead/regen-fail-*.log), fixed: the fold that skips regenerations must show what one that regenerates at every sync and probe result
 * shows, and both what a v1.36 kubelet writes.
 */
import { describe, expect, test } from 'vitest';
import type { PodCondition, PodSpec, V1Pod } from '../../src/k8s/pod.js';
import { sameAfterEveryEvent } from '../support/regenerate-always.js';
import { PodScript } from './script.js';

const cond = (pod: V1Pod, type: string): PodCondition | undefined => pod.status?.conditions?.find((c) => c.type === type);

const UNKNOWN = { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' };

describe("after TerminatePod the kubelet writes the pod's status no more (kubelet.go :: SyncTerminatedPod)", () => {
  const withInit: PodSpec = { initContainers: [{ name: 'init-0', image: 'busybox:1.36' }], containers: [{ name: 'app-0', image: 'busybox:1.36' }], restartPolicy: 'Always' };

  test('force-deleted before anything ran, then two syncs (seed 14): the second keeps Failed over the conditions generated from Pending', () => {
    const p = new PodScript(withInit).created().admitted().deleted(0).synced();
    const terminated = JSON.stringify(p.must());
    p.synced();
    sameAfterEveryEvent(p.events);
    const pod = p.must();
    expect(JSON.stringify(pod)).toBe(terminated);
    // TerminatePod sets Failed on the status SyncTerminatedPod generated (getPhase: Pending while a container waits)
    expect(pod.status?.phase).toBe('Failed');
    expect(cond(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app-0]' });
    expect(cond(pod, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(pod.status?.initContainerStatuses?.[0]?.state?.terminated).toMatchObject(UNKNOWN);
  });

  test('past its active deadline, then two syncs: the second keeps the marks TerminatePod wrote', () => {
    const p = new PodScript({ ...withInit, activeDeadlineSeconds: 1 }).created().admitted().deadlineExceeded().synced();
    const terminated = JSON.stringify(p.must());
    p.synced();
    sameAfterEveryEvent(p.events);
    const pod = p.must();
    expect(JSON.stringify(pod)).toBe(terminated);
    expect(pod.status).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
    expect(pod.status?.initContainerStatuses?.[0]?.state?.terminated).toMatchObject(UNKNOWN);
  });

  test('evicted, then two syncs (seed 11 of the lead\'s sweep): the second keeps Failed, Evicted and the marks', () => {
    const spec: PodSpec = { initContainers: [{ name: 'init-0', image: 'busybox:1.36' }, { name: 'sidecar', image: 'busybox:1.36', restartPolicy: 'Always' }], containers: [{ name: 'app-0', image: 'busybox:1.36' }], restartPolicy: 'OnFailure' };
    const p = new PodScript(spec).created().admitted().evicted('The node was low on resource: memory. ').synced();
    const terminated = JSON.stringify(p.must());
    p.synced();
    sameAfterEveryEvent(p.events);
    expect(JSON.stringify(p.must())).toBe(terminated);
    expect(p.must().status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
  });

  test('an init container failed for good, then two syncs (seed 40 of the lead\'s sweep): the second keeps the marks', () => {
    const spec: PodSpec = { initContainers: [{ name: 'init-0', image: 'busybox:1.36' }, { name: 'init-1', image: 'busybox:1.36' }], containers: [{ name: 'app-0', image: 'busybox:1.36' }], restartPolicy: 'Never' };
    const p = new PodScript(spec).created().admitted().exited('init-1', 137).synced();
    const terminated = JSON.stringify(p.must());
    p.synced();
    sameAfterEveryEvent(p.events);
    expect(JSON.stringify(p.must())).toBe(terminated);
    expect(p.must().status?.phase).toBe('Failed');
    expect(p.must().status?.initContainerStatuses?.[0]?.state?.terminated).toMatchObject(UNKNOWN);
  });

  test("a journal of syncs: a sync after SyncTerminatedPod's (PodSynced.terminated) changes nothing, whatever the kubelet view learnt", () => {
    const app: PodSpec = { containers: [{ name: 'app', image: 'app:1' }], restartPolicy: 'Always' };
    const p = new PodScript(app).scheduled().synced().pullFailed('app', 'not found').pullBackOff('app').synced().deleted(30).synced().terminatedSynced();
    const terminated = JSON.stringify(p.must());
    // its pod worker is finished (pod_workers.go :: UpdatePod ignores the uid): no sync notices a deadline any more
    p.synced().deadlineExceeded().synced();
    sameAfterEveryEvent(p.events);
    expect(JSON.stringify(p.must())).toBe(terminated);
    expect(p.must().status?.containerStatuses?.[0]?.state?.terminated).toMatchObject(UNKNOWN);
  });
});

describe('a probe result is written into the status the status manager cached (status_manager.go :: SetContainerReadiness)', () => {
  const probe = { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, failureThreshold: 3, successThreshold: 1, timeoutSeconds: 1, initialDelaySeconds: 0 };

  test('a liveness result after a deletion with no sync since (seed 10) leaves the generation the status observed', () => {
    const spec: PodSpec = {
      initContainers: [{ name: 'sidecar', image: 'busybox:1.36', restartPolicy: 'Always' }],
      containers: [
        { name: 'app-0', image: 'busybox:1.36' },
        { name: 'app-1', image: 'busybox:1.36', livenessProbe: probe },
      ],
      restartPolicy: 'Never',
    };
    const p = new PodScript(spec).created().bound().started('app-1', true).synced().deleted(0).probe('app-1', 'liveness', 'success');
    sameAfterEveryEvent(p.events);
    const pod = p.must();
    expect(pod.metadata.generation).toBe(2);
    expect(pod.status?.observedGeneration).toBe(1);
    expect(pod.status?.conditions?.map((c) => c.observedGeneration)).toEqual([1, 1, 1, 1, 1]);
  });

  test('a readiness change stamps the pod generation on Ready and ContainersReady only; the next sync stamps it on all', () => {
    const spec: PodSpec = { containers: [{ name: 'app', image: 'app:1', readinessProbe: probe }], restartPolicy: 'Always' };
    const p = new PodScript(spec).scheduled().run('app').synced().probe('app', 'readiness', 'success').deleted(30).probe('app', 'readiness', 'failure');
    sameAfterEveryEvent(p.events);
    const pod = p.must();
    expect(pod.metadata.generation).toBe(2);
    expect(pod.status?.observedGeneration).toBe(1);
    expect(cond(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', observedGeneration: 2 });
    expect(cond(pod, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', observedGeneration: 2 });
    for (const type of ['PodReadyToStartContainers', 'Initialized', 'PodScheduled']) expect(cond(pod, type)?.observedGeneration).toBe(1);
    p.synced();
    const synced = p.must();
    expect(synced.status?.observedGeneration).toBe(2);
    expect(synced.status?.conditions?.map((c) => c.observedGeneration)).toEqual([2, 2, 2, 2, 2]);
  });
});
