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

  it('places the unrecorded runs on the back-off curve (kuberuntime_manager.go :: doBackOff), ending at the recorded last run', () => {
    const starts = result.events.filter((e) => e.type === 'ContainerStarted').map((e) => Date.parse(e.at));
    const exits = result.events.filter((e): e is EventOf<'ContainerExited'> => e.type === 'ContainerExited');
    expect(starts).toHaveLength(7);
    expect(exits).toHaveLength(7);
    // The recorded ends: the first start (the Event's firstTimestamp), the last run (lastState.terminated).
    expect(result.events.find((e) => e.type === 'ContainerStarted')?.at).toBe('2026-07-22T21:05:22.000Z');
    expect(exits[6]).toMatchObject({ at: '2026-07-22T21:11:09.000Z', containerID: 'containerd://d8947189da9b7496e0b27017249bf088df0deb2c1ad015daaf8d6ab8f00c7138' });
    expect(exits[6]?.message).toBeUndefined();
    expect(exits[6]?.from?.inferred).toBeUndefined();
    // First restart immediate, then 10 s doubling: each restart k waits at least its back-off after exit k - 1.
    const waits = [0, 10, 20, 40, 80, 160];
    waits.forEach((wait, i) => {
      const exit = Date.parse(exits[i]?.at ?? '');
      expect(exit).toBeGreaterThan(starts[i] ?? Infinity);
      expect((starts[i + 1] ?? 0) - exit).toBeGreaterThanOrEqual(wait * 1000);
    });
    expect(exits.slice(0, 6).every((e) => e.message?.startsWith('inferred on import') === true && e.exitCode === 1 && e.from?.inferred === true)).toBe(true);
  });

  it('puts every counted BackOff inside a back-off window, never while the container runs', () => {
    const runs: [number, number][] = [];
    let start = 0;
    for (const e of result.events) {
      if (e.type === 'ContainerStarted') start = Date.parse(e.at);
      if (e.type === 'ContainerExited') runs.push([start, Date.parse(e.at)]);
    }
    const backOffs = result.events.filter((e) => e.type === 'ContainerBackOff').map((e) => Date.parse(e.at));
    for (const t of backOffs) expect(runs.some(([a, b]) => t >= a && t < b)).toBe(false);
    expect(result.events.filter((e) => e.type === 'ContainerBackOff' && e.from?.inferred === true)).toHaveLength(9);
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

describe('crash-loop PodList alone: the earlier waits rebuilt as the kubelet showed them', async () => {
  const result = await imported([real('crash-loop-pods.json')]);
  const backOffs = result.events.filter((e): e is EventOf<'ContainerBackOff'> => e.type === 'ContainerBackOff');
  const rowAt = (at: string) => {
    const pod = findPod(foldCluster(result.events.filter((e) => e.at <= at)), 'crash-demo', 'flaky-worker-897c5486c-lfk2f')?.pod;
    if (pod === undefined) throw new Error(`no pod at ${at}`);
    return kubectlRow(pod, new Date(at));
  };

  it('opens each placed wait with an inferred back-off of the curve (first restart immediate, then 10 s doubling)', () => {
    // Five placed waits (the first restart waited none) and the status's own CrashLoopBackOff after the last exit.
    expect(backOffs.map((e) => e.delaySeconds)).toEqual([10, 20, 40, 80, 160, 300]);
    for (const e of backOffs) expect(e.from?.inferred).toBe(true);
    const exits = new Set(result.events.filter((e) => e.type === 'ContainerExited').map((e) => e.at));
    for (const e of backOffs) expect(exits.has(e.at)).toBe(true);
  });

  it('shows CrashLoopBackOff inside an earlier wait, not the crashed run\'s Error', () => {
    const during = rowAt('2026-07-22T21:06:00.000Z');
    expect({ status: during.status, ready: during.ready }).toEqual({ status: 'CrashLoopBackOff', ready: '0/1' });
    expect(during.restarts.startsWith('2 ')).toBe(true);
  });

  it('shows Error between the first exit and its immediate restart, when no back-off applies yet', () => {
    expect(rowAt('2026-07-22T21:05:26.000Z').status).toBe('Error');
  });
});
