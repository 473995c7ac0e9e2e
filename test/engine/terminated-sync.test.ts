/**
 * `kubelet.go :: SyncTerminatedPod` and its `statusManager.TerminatePod`: the pod worker runs it only once the PLEG
 * cache holds a status newer than the terminating sync (`pod_workers.go :: podWorkerLoop`, `podCache.GetNewerThan`),
 * the relist after `SyncTerminatingPod` returned. Until then the status is the one generated as `killPod` returned
 * (`generateAPIPodStatus(…, true)`): for a deleted pod whose container never ran, phase Pending (`getPhase`: a waiting
 * container) and the container waiting ContainerCreating (`ShouldContainerBeRestarted` holds the reason cache back for
 * a deleted pod). `TerminatePod` then turns the phase Failed and marks the container terminated ContainerStatusUnknown
 * (exit 137), on the status it cached, conditions unchanged; the final delete follows in the same status sync
 * (`status_manager.go :: syncPod`, `canBeDeleted`).
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { instantOf } from '../../src/k8s/codecs.js';
import { foldCluster } from '../../src/reducers/index.js';
import { created, deleted, node, ofType, offset, run, s, times, world } from './harness.js';

/** `stuck`'s image never pulls (ErrImagePull, then ImagePullBackOff); it is deleted at 30 s with a 30 s grace. */
const scene = () =>
  run(
    [node('n1'), created({ metadata: { name: 'stuck' }, spec: { containers: [{ name: 'web', image: 'web:1.99' }] } }), deleted('stuck', 30, 30)],
    world({ pull: () => ({ ok: false, message: 'rpc error: code = NotFound desc = failed to pull and unpack image "web:1.99": not found' }) }),
    60,
  );

/** The pod as the API shows it after each status its kubelet publishes, with the instant. */
const published = (events: readonly Event[]) =>
  events.flatMap((e, i) =>
    e.type === 'PodSynced' ? [{ at: offset(e), terminated: e.terminated === true, pod: [...foldCluster(events.slice(0, i + 1)).pods.values()][0]?.pod }] : [],
  );

describe('a deleted pod whose container never ran', () => {
  it('shows Pending, its container waiting, as its terminating sync returns; TerminatePod at the next relist marks it, then the final delete', () => {
    const events = scene();
    const statuses = published(events).filter((p) => p.at >= 30);
    expect(statuses.map((p) => [p.at, p.terminated])).toEqual([
      [30, false],
      [31, true],
    ]);
    const [returned, terminated] = statuses;
    expect(returned?.pod?.status?.phase).toBe('Pending');
    expect(returned?.pod?.status?.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(returned?.pod?.status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('False');
    expect(terminated?.pod?.status?.phase).toBe('Failed');
    expect(terminated?.pod?.status?.containerStatuses?.[0]?.state?.terminated).toEqual({
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
      message: 'The container could not be located when the pod was terminated',
    });
    // TerminatePod changes the phase and the containers of the cached status, not its conditions
    expect(terminated?.pod?.status?.conditions?.find((c) => c.type === 'Ready')?.reason).toBe('ContainersNotReady');
    expect(ofType(events, 'PodRemoved').map((e) => [offset(e), e.source])).toEqual([[31, 'kubelet']]);
    expect(events.findIndex((e) => e.type === 'PodRemoved')).toBeGreaterThan(events.findIndex((e) => e.type === 'PodSynced' && e.terminated === true));
  });

  it('publishes nothing at SyncTerminatedPod for a deleted pod whose containers all exited: only the final delete', () => {
    const events = run([node('n1'), created({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'web:1' }] } }), deleted('web', 30, 30)], world(), 60);
    expect(ofType(events, 'PodSynced').filter((e) => e.terminated === true)).toEqual([]);
    expect(ofType(events, 'PodRemoved').map(offset)).toEqual([31]);
  });
});

/**
 * A pod deleted before its kubelet first saw it (bound while the kubelet was down). `HandlePodAdditions` admits it
 * (the pod worker has not seen it terminating: `IsPodTerminationRequested`), and `pod_workers.go :: UpdatePod` marks it
 * terminating (`DeletionTimestamp`), so the worker's first work is `SyncTerminatingPod`: its status (Pending, the
 * container waiting ContainerCreating, the first `startTime`) is set before and after `killPod` stops nothing, one
 * write; `TerminatePod` comes at the next relist with `SyncTerminatedPod` (`podCache.GetNewerThan`), then the final delete.
 */
describe('a pod deleted before its first sync', () => {
  const back: Event = { type: 'NodeConditionChanged', v: 1, at: instantOf(s(20)), source: 'node', node: 'n1', conditionType: 'Ready', status: 'True' };
  const stopped: Event = { type: 'KubeletStopped', v: 1, at: instantOf(s(1)), source: 'node', node: 'n1' };
  const pod = created({ metadata: { name: 'late' }, spec: { nodeName: 'n1', containers: [{ name: 'web', image: 'web:1' }] } }, 5);
  const events = run([node('n1'), stopped, pod, deleted('late', 10, 30), back], world(), 40);

  it('is admitted and published Pending by its terminating sync when the kubelet comes back; TerminatePod at the next relist, then the final delete', () => {
    expect(times(events, 'PodAdmitted')).toEqual([20]);
    expect(ofType(events, 'SandboxCreated')).toEqual([]);
    const statuses = published(events);
    expect(statuses.map((p) => [p.at, p.terminated])).toEqual([
      [20, false],
      [21, true],
    ]);
    const [terminating, terminated] = statuses;
    expect(terminating?.pod?.status?.phase).toBe('Pending');
    expect(terminating?.pod?.status?.startTime).toBe('2026-01-01T00:00:20Z');
    expect(terminating?.pod?.status?.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(terminated?.pod?.status?.phase).toBe('Failed');
    expect(terminated?.pod?.status?.containerStatuses?.[0]?.state?.terminated?.reason).toBe('ContainerStatusUnknown');
    expect(terminated?.pod?.status?.conditions?.find((c) => c.type === 'Ready')?.reason).toBe('ContainersNotReady');
    expect(ofType(events, 'PodRemoved').map((e) => [offset(e), e.source])).toEqual([[21, 'kubelet']]);
  });
});

/**
 * v1.36 `kubelet_pods.go :: HandlePodCleanups` (`filterTerminalPodsToDelete`, kubernetes#118497): a pod deleted before
 * its kubelet first saw it and rejected at admission has no pod worker; housekeeping (every 2 s) hands it to one with
 * `SyncPodKill`, whose `SyncTerminatedPod` → `TerminatePod` lets the status manager's delete go (`canBeDeleted`). The
 * API server does not remove it: it was Pending, bound, when the request came (`CheckGracefulDelete`).
 */
describe('a pod deleted before its first sync that admission rejects', () => {
  const back: Event = { type: 'NodeConditionChanged', v: 1, at: instantOf(s(20)), source: 'node', node: 'n1', conditionType: 'Ready', status: 'True' };
  const stopped: Event = { type: 'KubeletStopped', v: 1, at: instantOf(s(1)), source: 'node', node: 'n1' };
  const pinned = (at: number) => created({ metadata: { name: 'late' }, spec: { nodeName: 'n1', nodeSelector: { disk: 'ssd' }, containers: [{ name: 'web', image: 'web:1' }] } }, at);

  it('is rejected (Failed) when the kubelet comes back, stays so with its deletionTimestamp, and is deleted by its kubelet at the next housekeeping', () => {
    const events = run([node('n1'), stopped, pinned(5), deleted('late', 10, 30), back], world(), 40);
    expect(ofType(events, 'PodRejected').map((e) => [offset(e), e.reason])).toEqual([[20, 'NodeAffinity']]);
    expect(ofType(events, 'PodAdmitted')).toEqual([]);
    const kept = [...foldCluster(events.filter((e) => offset(e) <= 21)).pods.values()][0]?.pod;
    expect(kept?.status).toEqual({ phase: 'Failed', conditions: [], message: 'Pod was rejected: Predicate NodeAffinity failed: node(s) didn\'t match Pod\'s node affinity/selector', reason: 'NodeAffinity', startTime: '2026-01-01T00:00:20Z', qosClass: 'BestEffort' });
    expect(kept?.metadata.deletionTimestamp).toBe('2026-01-01T00:00:40Z');
    expect(ofType(events, 'PodRemoved').map((e) => [offset(e), e.source])).toEqual([[22, 'kubelet']]);
  });

  it("shows SyncTerminatedPod's status just before its kubelet's delete: the kubelet's conditions from Failed, the rejection kept, TerminatePod's marks", () => {
    const events = run([node('n1'), stopped, pinned(5), deleted('late', 10, 30), back], world(), 40);
    // kubelet.go :: SyncTerminatedPod: generateAPIPodStatus (the phase stays the cached Failed, its reason and message
    // kept), SetPodStatus, then TerminatePod; the status manager's syncPod patches it and deletes (canBeDeleted)
    expect(ofType(events, 'PodSynced').map((e) => [offset(e), e.terminated])).toEqual([[22, true]]);
    const last = events.findIndex((e) => e.type === 'PodRemoved');
    const final = [...foldCluster(events.slice(0, last)).pods.values()][0]?.pod.status;
    expect(final).toMatchObject({ phase: 'Failed', reason: 'NodeAffinity', startTime: '2026-01-01T00:00:20Z', observedGeneration: 2 });
    expect(final?.conditions?.map((c) => [c.type, c.status, c.reason, c.lastTransitionTime])).toEqual([
      ['PodReadyToStartContainers', 'False', undefined, '2026-01-01T00:00:22Z'],
      ['Initialized', 'True', undefined, '2026-01-01T00:00:22Z'],
      ['Ready', 'False', 'PodFailed', '2026-01-01T00:00:22Z'],
      ['ContainersReady', 'False', 'PodFailed', '2026-01-01T00:00:22Z'],
      ['PodScheduled', 'True', undefined, '2026-01-01T00:00:22Z'],
    ]);
    expect(final?.containerStatuses?.[0]).toMatchObject({
      name: 'web',
      ready: false,
      restartCount: 0,
      state: { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } },
    });
  });

  it('is removed by the API server at once when deleted after its rejection (already Failed)', () => {
    const events = run([node('n1'), pinned(5), deleted('late', 10, 30)], world(), 40);
    expect(ofType(events, 'PodRejected').map(offset)).toEqual([5]);
    expect(ofType(events, 'PodRemoved').map((e) => [offset(e), e.source])).toEqual([[10, 'api']]);
  });
});
