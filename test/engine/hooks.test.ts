import { describe, expect, it } from 'vitest';
import type { RestartPolicy } from '../../src/k8s/pod.js';
import { foldCluster } from '../../src/reducers/index.js';
import { created, node, nodeCondition, ofType, offset, run, s, times, world } from './harness.js';

const hooked = (restartPolicy: RestartPolicy) =>
  created({
    metadata: { name: 'hooked' },
    spec: { restartPolicy, containers: [{ name: 'app', image: 'app:1', lifecycle: { postStart: { exec: { command: ['setup'] } } } }] },
  });

describe('postStart (kuberuntime_container.go :: startContainer)', () => {
  it('blocks started until it returns', () => {
    const events = run([node('n1'), hooked('Always')], world({ postStart: () => ({ durationMs: 4000 }) }), 10);
    expect(times(events, 'ContainerStarted')).toEqual([0]);
    expect(times(events, 'PostStartHookSucceeded')).toEqual([4]);
  });

  it('a postStart sleep action blocks for its own seconds (lifecycle/handlers.go :: runSleepHandler)', () => {
    const sleeper = created({
      metadata: { name: 'sleeper' },
      spec: { containers: [{ name: 'app', image: 'app:1', lifecycle: { postStart: { sleep: { seconds: 3 } } } }] },
    });
    expect(times(run([node('n1'), sleeper], world(), 10), 'PostStartHookSucceeded')).toEqual([3]);
  });

  // case name → policy, exit code on SIGTERM, starts. startContainer kills the container and returns
  // ErrPostStartHook: the sync fails (no on-demand relist), the relist after the death (+3 s) restarts it; the
  // second failure (+5 s) is inside the 10 s back-off from that finish, so the third start is at +15 s
  const table: Record<string, [RestartPolicy, number, number[]]> = {
    'failure-kills-and-restarts-under-always': ['Always', 0, [0, 3, 15]],
    'failure-restarts-under-onfailure-after-a-failed-exit': ['OnFailure', 143, [0, 3, 15]],
    'failure-under-onfailure-keeps-a-clean-exit': ['OnFailure', 0, [0]],
    'failure-kills-for-good-under-never': ['Never', 143, [0]],
  };
  it.each(Object.entries(table))('%s', (_name, [policy, code, starts]) => {
    const w = world({ postStart: () => ({ durationMs: 2000, failure: 'exit code 1' }), onSigterm: () => ({ afterMs: 0, code }) });
    const events = run([node('n1'), hooked(policy)], w, 15);
    expect(times(events, 'ContainerStarted')).toEqual(starts);
    const kill = ofType(events, 'ContainerKilling')[0];
    expect(kill && [offset(kill), kill.reason, kill.message]).toEqual([2, 'PostStartHookFailed', 'FailedPostStartHook']);
    expect(ofType(events, 'PostStartHookFailed').map((e) => e.message)[0]).toBe('exit code 1');
  });
});

describe('a failed postStart hook (kuberuntime_container.go :: startContainer, kubelet.go :: SyncPod)', () => {
  const w = world({ postStart: () => ({ durationMs: 2000, failure: 'exit code 1' }), onSigterm: () => ({ afterMs: 0, code: 0 }) });
  const events = run([node('n1'), hooked('Always')], w, 20);
  const appAt = (seconds: number) => [...foldCluster(events.filter((e) => Date.parse(e.at) <= s(seconds))).pods.values()][0]?.pod.status?.containerStatuses?.[0];

  it('fails its sync: no sync until the relist after the death, which publishes PostStartHookError and restarts', () => {
    expect(ofType(events, 'PodSynced').map(offset)).toEqual([0, 3, 6, 15, 18]);
    // generated at +3 s before the restart: the dead first instance, with the reason cache of the failed sync
    expect(appAt(4)).toMatchObject({ restartCount: 0, state: { waiting: { reason: 'PostStartHookError', message: 'exit code 1' } } });
    expect(appAt(4)?.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    // the second instance, dead at +5 s, published by the sync at +6 s: kubectl's STATUS reads PostStartHookError until +15 s
    expect(appAt(14)).toMatchObject({ restartCount: 1, state: { waiting: { reason: 'PostStartHookError' } } });
  });

  it('the next failure is inside the restart back-off: CrashLoopBackOff reported at the relist’s sync, restart at its end', () => {
    expect(ofType(events, 'ContainerBackOff').map((e) => [offset(e), e.delaySeconds])).toEqual([[6, 10], [18, 20]]);
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.reason, e.message, e.gracePeriodSeconds])).toEqual([
      [2, 'PostStartHookFailed', 'FailedPostStartHook', 30],
      [5, 'PostStartHookFailed', 'FailedPostStartHook', 30],
      [17, 'PostStartHookFailed', 'FailedPostStartHook', 30],
    ]);
  });
});

describe('admission under memory pressure (eviction_manager.go :: Admit)', () => {
  const pinned = (name: string, requests?: Record<string, string>) =>
    created(
      { metadata: { name }, spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'app:1', ...(requests === undefined ? {} : { resources: { requests } }) }] } },
      5,
    );

  it('rejects BestEffort pods and admits the others', () => {
    const events = run([node('n1'), nodeCondition('n1', 1, 'MemoryPressure', 'True'), pinned('be'), pinned('burst', { memory: '10Mi' })], world(), 6);
    expect(ofType(events, 'PodRejected').map((e) => [e.pod.name, e.reason, e.message])).toEqual([
      ['be', 'Evicted', 'The node had condition: [MemoryPressure]. '],
    ]);
    expect(ofType(events, 'PodAdmitted').map((e) => e.pod.name)).toEqual(['burst']);
  });

  it('admits a BestEffort pod that tolerates the memory-pressure taint', () => {
    const tolerant = created(
      {
        metadata: { name: 'tolerant' },
        spec: {
          nodeName: 'n1',
          tolerations: [{ key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' }],
          containers: [{ name: 'app', image: 'app:1' }],
        },
      },
      5,
    );
    const events = run([node('n1'), nodeCondition('n1', 1, 'MemoryPressure', 'True'), tolerant], world(), 6);
    expect(ofType(events, 'PodAdmitted').map((e) => e.pod.name)).toEqual(['tolerant']);
  });
});
