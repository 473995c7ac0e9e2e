import { describe, expect, it } from 'vitest';
import type { RestartPolicy } from '../../src/k8s/pod.js';
import { created, node, nodeCondition, ofType, offset, run, times, world } from './harness.js';

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

  // case name → policy, exit code on SIGTERM, starts
  const table: Record<string, [RestartPolicy, number, number[]]> = {
    'failure-kills-and-restarts-under-always': ['Always', 0, [0, 2, 14]],
    'failure-restarts-under-onfailure-after-a-failed-exit': ['OnFailure', 143, [0, 2, 14]],
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
