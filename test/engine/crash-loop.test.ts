import { describe, expect, it } from 'vitest';
import type { RestartPolicy } from '../../src/k8s/pod.js';
import { created, node, ofType, offset, run, times, world } from './harness.js';

const pod = (restartPolicy: RestartPolicy) =>
  created({ metadata: { name: 'crasher' }, spec: { restartPolicy, containers: [{ name: 'app', image: 'busybox:1.36' }] } });

const exitsAfter = (ms: number, code: number) => world({ containerRun: () => ({ exit: { afterMs: ms, code } }) });

describe('a single pod, end to end', () => {
  it('is bound, admitted, then synced: the sync publishes its status first, then makes the sandbox, pulls, creates and starts (kubelet.go :: SyncPod)', () => {
    const events = run([node('n1'), pod('Always')], world(), 5);
    expect(events.map((e) => e.type)).toEqual([
      'NodeRegistered',
      'PodCreated',
      'PodBound',
      'PodAdmitted',
      'PodSynced',
      'SandboxCreated',
      'ImagePulling',
      'ImagePulled',
      'ContainerCreated',
      'ContainerStarted',
      // the sync acted and failed nothing: its postSync relists the pod at once (PLEGOnDemandRelist), and the
      // sync that relist triggers publishes the running container at the same instant
      'PodSynced',
    ]);
    expect(events.map(offset)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(ofType(events, 'SandboxCreated')[0]?.podIP).toBe('10.244.0.2');
    expect(ofType(events, 'PodAdmitted')[0]?.hostIP).toBe('192.168.0.2');
  });
});

describe('CrashLoopBackOff (kubelet.go :: newCrashLoopBackOff, kuberuntime_manager.go :: doBackOff)', () => {
  it('restarts a container that exits 1 one second after every start at +2 s, +13 s, +34 s, +75 s with CrashLoopBackOff between', () => {
    const events = run([node('n1'), pod('Always')], exitsAfter(1000, 1), 400);
    // the first start is published at once (on-demand relist), so no sync comes at +1 s; the exit at +1 s is
    // seen by the relist after it (+2 s), whose sync restarts at once (no back-off entry yet)
    expect(times(events, 'ContainerStarted')).toEqual([0, 2, 13, 34, 75, 156, 317]);
    expect(times(events, 'ContainerExited')).toEqual([1, 3, 14, 35, 76, 157, 318]);
    expect(ofType(events, 'ContainerBackOff').map((e) => [offset(e), e.delaySeconds, e.until])).toEqual([
      [4, 10, '2026-01-01T00:00:13.000Z'],
      [15, 20, '2026-01-01T00:00:34.000Z'],
      [36, 40, '2026-01-01T00:01:15.000Z'],
      // a wait longer than the resync period is reported again at each resync (pod_workers.go :: completeWork)
      [77, 80, '2026-01-01T00:02:36.000Z'],
      [137, 80, '2026-01-01T00:02:36.000Z'],
      [158, 160, '2026-01-01T00:05:17.000Z'],
      [218, 160, '2026-01-01T00:05:17.000Z'],
      [278, 160, '2026-01-01T00:05:17.000Z'],
      [319, 300, '2026-01-01T00:10:18.000Z'],
      [379, 300, '2026-01-01T00:10:18.000Z'],
    ]);
  });

  it('caps the delay at 300 s', () => {
    const events = run([node('n1'), pod('Always')], exitsAfter(1000, 1), 1000);
    expect(times(events, 'ContainerStarted').slice(6)).toEqual([317, 618, 919]);
    expect(ofType(events, 'ContainerBackOff').map((e) => e.delaySeconds).slice(-3)).toEqual([300, 300, 300]);
  });

  // doBackOff hands the entry the dead instance's finishedAt (`backOff.Next(key, ts)`), which only decides
  // whether the entry expired; client-go dates the step by its clock (`entry.lastUpdate = p.Clock.Now()`), the
  // sync that restarts. Run 5 died at +157 s and waited 160 s; run 6 was restarted at +317 s: the kubelet's
  // `HasExpiredFunc` resets the entry only if run 6 dies more than 600 s after +317 s.
  const lives = (seconds: number) =>
    world({ containerRun: (_p, _c, n) => ({ exit: { afterMs: n === 6 ? seconds * 1000 : 1000, code: 1 } }) });
  it('keeps the back-off when the finish is more than 10 minutes after the finish before, but not after the restart', () => {
    const events = run([node('n1'), pod('Always')], lives(441), 1100);
    // run 6 dies at +758 s, 601 s after +157 s but 441 s after its restart: 300 s more
    expect(times(events, 'ContainerStarted').slice(6, 8)).toEqual([317, 1058]);
  });

  it('keeps the back-off when the run since the last back-off step is exactly 10 minutes', () => {
    const events = run([node('n1'), pod('Always')], lives(600), 1250);
    // run 6 dies at +917 s, 600 s after the step at +317 s: not expired, 300 s more
    expect(times(events, 'ContainerStarted').slice(6, 8)).toEqual([317, 1217]);
  });

  it('resets the back-off once the run since the last back-off step passes 10 minutes', () => {
    const events = run([node('n1'), pod('Always')], lives(601), 1100);
    // run 6 dies at +918 s; the next relist (+919 s) syncs and restarts it, the entry reset: the next wait is 10 s
    expect(times(events, 'ContainerStarted').slice(6, 9)).toEqual([317, 919, 930]);
  });

  it('starts again from 10 s once a container ran more than 10 minutes since the last back-off step', () => {
    // runs 0-5 crash after 1 s; run 6 (started at +317 s) lives 700 s; later runs crash again after 1 s
    const w = world({ containerRun: (_p, _c, n) => ({ exit: { afterMs: n === 6 ? 700_000 : 1000, code: 1 } }) });
    const events = run([node('n1'), pod('Always')], w, 1032);
    expect(times(events, 'ContainerStarted').slice(5)).toEqual([156, 317, 1018, 1029]);
    expect(ofType(events, 'ContainerBackOff').map((e) => [offset(e), e.delaySeconds]).slice(-3)).toEqual([[278, 160], [1020, 10], [1031, 20]]);
  });

  // ShouldContainerBeRestarted: case name → policy, exit code, whether the container starts again
  const table: Record<string, [RestartPolicy, number, boolean]> = {
    'always-restarts-success': ['Always', 0, true],
    'always-restarts-failure': ['Always', 1, true],
    'onfailure-restarts-failure': ['OnFailure', 2, true],
    'onfailure-keeps-success': ['OnFailure', 0, false],
    'never-keeps-failure': ['Never', 1, false],
    'never-keeps-success': ['Never', 0, false],
  };
  it.each(Object.entries(table))('%s', (_name, [policy, code, restarts]) => {
    const events = run([node('n1'), pod(policy)], exitsAfter(5000, code), 60);
    // each exit is seen by the next relist (+1 s), whose sync restarts or backs off
    expect(times(events, 'ContainerStarted')).toEqual(restarts ? [0, 6, 21, 46] : [0]);
    expect(ofType(events, 'ContainerExited')[0]?.reason).toBe(code === 0 ? 'Completed' : 'Error');
  });
});
