import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldCluster, findPod } from '../../src/reducers/index.js';
import { describePod, kubectlRow, kubeEventsFor } from '../../src/printers/index.js';
import { V1Pod } from '../../src/k8s/pod.js';
import type { EventOf } from '../../src/events/index.js';
import { imported, real } from './fixtures.js';

const NOW = new Date('2026-07-22T21:14:00Z');

/** The recorded PodList's one pod, as the cluster showed it. */
const recorded = (): V1Pod => {
  const list = JSON.parse(readFileSync(real('crash-loop-pods.json'), 'utf8')) as { items: unknown[] };
  const decoded = V1Pod.decode(list.items[0]);
  if (decoded._tag === 'Left') throw new Error('the recorded pod does not decode');
  return decoded.right;
};

describe('crash-loop fixtures (PodList + EventList)', async () => {
  const result = await imported([real('crash-loop-pods.json'), real('crash-loop-events.json')]);
  const state = foldCluster(result.events);
  const pod = findPod(state, 'crash-demo', 'flaky-worker-897c5486c-lfk2f')?.pod;

  it('detects both formats from content and counts the Events about other kinds', () => {
    expect(result.files.map((f) => f.format)).toEqual(['pod-list', 'core-events']);
    expect(result.files[1]?.ignored).toEqual({ 'Events about ReplicaSet': 1, 'Events about Deployment': 1 });
  });

  it('folds to what kubectl showed for the recorded pod', () => {
    expect(pod).toBeDefined();
    if (pod === undefined) return;
    const shown = kubectlRow(recorded(), NOW);
    const rebuilt = kubectlRow(pod, NOW);
    expect(rebuilt.status).toBe('CrashLoopBackOff');
    expect(rebuilt.ready).toBe('0/1');
    expect(rebuilt.restarts).toBe(shown.restarts);
    expect({ status: rebuilt.status, ready: rebuilt.ready }).toEqual({ status: shown.status, ready: shown.ready });
  });

  it('reproduces phase, restart count and the last termination', () => {
    const want = recorded().status;
    const got = pod?.status;
    expect(got?.phase).toBe(want?.phase);
    const [w] = want?.containerStatuses ?? [];
    const [g] = got?.containerStatuses ?? [];
    expect(g?.restartCount).toBe(6);
    expect(g?.restartCount).toBe(w?.restartCount);
    expect(g?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(g?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(g?.lastState?.terminated).toMatchObject({
      exitCode: w?.lastState?.terminated?.exitCode,
      startedAt: w?.lastState?.terminated?.startedAt,
      finishedAt: w?.lastState?.terminated?.finishedAt,
      containerID: w?.lastState?.terminated?.containerID,
    });
  });

  it('reproduces the conditions, addresses and node', () => {
    const want = recorded();
    const summary = (p: V1Pod | undefined) => ({
      conditions: Object.fromEntries((p?.status?.conditions ?? []).map((c) => [c.type, [c.status, c.reason]])),
      podIP: p?.status?.podIP,
      hostIP: p?.status?.hostIP,
      startTime: p?.status?.startTime,
      nodeName: p?.spec.nodeName,
      qosClass: p?.status?.qosClass,
    });
    expect(summary(pod)).toEqual(summary(want));
  });

  it('keeps every BackOff the Events counted, and none twice', () => {
    const backOffs = result.events.filter((e) => e.type === 'ContainerBackOff');
    expect(backOffs).toHaveLength(11);
    expect(backOffs[0]?.at).toBe('2026-07-22T21:05:30.000Z');
    expect(backOffs[10]?.at).toBe('2026-07-22T21:13:57.000Z');
    expect(result.events.filter((e) => e.type === 'ContainerStarted')).toHaveLength(7);
  });

  it('ends each unrecorded run at the first back-off after it started, and says the exit was inferred', () => {
    const exits = result.events.filter((e): e is EventOf<'ContainerExited'> => e.type === 'ContainerExited');
    expect(exits.map((e) => e.at)).toEqual([
      '2026-07-22T21:05:30.000Z',
      '2026-07-22T21:06:20.700Z',
      '2026-07-22T21:08:02.100Z',
      '2026-07-22T21:08:52.800Z',
      '2026-07-22T21:09:43.500Z',
      '2026-07-22T21:10:34.200Z',
      '2026-07-22T21:11:09.000Z',
    ]);
    expect(exits.slice(0, 6).every((e) => e.message?.startsWith('inferred on import') === true && e.exitCode === 1)).toBe(true);
    expect(exits[6]?.message).toBeUndefined();
    expect(exits[6]?.containerID).toBe('containerd://d8947189da9b7496e0b27017249bf088df0deb2c1ad015daaf8d6ab8f00c7138');
  });

  it('describes the pod with its last state and the BackOff row', () => {
    if (pod === undefined) throw new Error('no pod');
    const text = describePod(pod, kubeEventsFor(result.events), NOW);
    expect(text).toMatch(/Reason:\s+CrashLoopBackOff/);
    expect(text).toMatch(/Last State:\s+Terminated/);
    expect(text).toMatch(/Exit Code:\s+1/);
    expect(text).toMatch(/Restart Count:\s+6/);
    expect(text).toMatch(/Warning\s+BackOff/);
  });
});
