/**
 * Probes and status while a pod terminates (Kubernetes v1.36). `kubelet.go :: SyncTerminatingPod` generates a
 * status, stops liveness and startup (`prober_manager.go :: StopLivenessAndStartup`), then blocks in `killPod`
 * until every container is gone and only then removes readiness (`RemovePod`). Meanwhile the pod worker
 * generates no status (`pod_workers.go :: UpdatePod` cancels it only for a shorter grace); a readiness change
 * still reaches the status manager (`SetContainerReadiness`). The readiness worker itself exits at its next
 * `doProbe` once the cached phase is terminal (`worker.go :: doProbe`: an eviction's status function sets Failed).
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { Container } from '../../src/k8s/pod.js';
import { foldCluster } from '../../src/reducers/index.js';
import { T0, created, deleted, node, ofType, offset, run, s, times, world } from './harness.js';

const exec = { exec: { command: ['true'] } };
const statusAt = (events: readonly Event[], seconds: number) => [...foldCluster(events.filter((e) => Date.parse(e.at) <= s(seconds))).pods.values()][0]?.pod.status;
const conditionAt = (events: readonly Event[], seconds: number, type: string) => {
  const c = statusAt(events, seconds)?.conditions?.find((x) => x.type === type);
  return c === undefined ? undefined : `${c.status} ${c.reason ?? ''}`.trim();
};
const stateAt = (events: readonly Event[], seconds: number, container: string) => {
  const c = statusAt(events, seconds)?.containerStatuses?.find((x) => x.name === container);
  return c === undefined ? undefined : `${Object.keys(c.state ?? {}).join()} ready=${String(c.ready)}`;
};

describe('a deleted pod’s readiness is probed through its grace (StopLivenessAndStartup stops only the other two)', () => {
  // the app's readiness fails from 12 s (it starts draining when told to stop); its preStop takes 20 s
  const draining = world({
    probe: (_p, _c, kind, now) => ({ outcome: kind === 'readiness' && now >= s(12) ? 'failure' : 'success' }),
    preStop: () => ({ durationMs: 20_000 }),
  });
  const app: Container = {
    name: 'app',
    image: 'nginx:1.27',
    lifecycle: { preStop: { exec: { command: ['drain'] } } },
    readinessProbe: { ...exec, periodSeconds: 5, failureThreshold: 1 },
    livenessProbe: { ...exec, periodSeconds: 5 },
  };
  const events = run([node('n1'), created({ metadata: { name: 'web' }, spec: { containers: [app] } }), deleted('web', 12, 30)], draining, 60);

  it('readiness ticks during preStop and its failure is published; liveness stops at the deletion', () => {
    expect(ofType(events, 'ProbeExecuted').filter((e) => offset(e) > 12).map((e) => [offset(e), e.probe, e.outcome])).toEqual([
      [15, 'readiness', 'failure'],
      [20, 'readiness', 'failure'],
      [25, 'readiness', 'failure'],
      [30, 'readiness', 'failure'],
    ]);
    expect(ofType(events, 'ProbeResultChanged').map((e) => [offset(e), e.probe, e.outcome])).toEqual([
      [0, 'readiness', 'success'],
      [15, 'readiness', 'failure'],
    ]);
    // preStop ends at 32 and SIGTERM stops the process at once
    expect(times(events, 'ContainerExited')).toEqual([32]);
  });

  it('the API shows Ready and ContainersReady False (ContainersNotReady) while the container still runs', () => {
    expect(conditionAt(events, 14, 'Ready')).toBe('True');
    expect(statusAt(events, 16)?.phase).toBe('Running');
    expect(stateAt(events, 16, 'app')).toBe('running ready=false');
    expect(conditionAt(events, 16, 'Ready')).toBe('False ContainersNotReady');
    expect(conditionAt(events, 16, 'ContainersReady')).toBe('False ContainersNotReady');
  });

  it('the readiness change starts no sync: SyncTerminatingPod is blocked in killPod until the container is gone', () => {
    expect(times(events, 'PodSynced').filter((t) => t >= 12)).toEqual([12, 32]);
  });
});

describe('no status between a terminating pod’s kill and its end (SyncTerminatingPod blocks in killPod)', () => {
  it('a container that stopped early still shows running until the last one is gone', () => {
    const pod = created({ metadata: { name: 'pair' }, spec: { containers: [{ name: 'a', image: 'busybox:1.36' }, { name: 'b', image: 'busybox:1.36' }] } });
    const slowB = world({ onSigterm: (_p, c) => ({ afterMs: c === 'b' ? 10_000 : 0, code: 0 }) });
    const events = run([node('n1'), pod, deleted('pair', 12, 30)], slowB, 60);
    expect(ofType(events, 'ContainerExited').map((e) => [offset(e), e.container])).toEqual([
      [12, 'a'],
      [22, 'b'],
    ]);
    expect(times(events, 'PodSynced').filter((t) => t >= 12)).toEqual([12, 22]);
    expect(stateAt(events, 15, 'a')).toBe('running ready=true');
  });
});

describe('an evicted pod’s readiness worker exits (doProbe reads the cached Failed phase)', () => {
  it('probes nothing after the eviction, though the container runs on through the grace', () => {
    const MI = 1n << 20n;
    const small = node('n1', { cpu: '4', memory: '1Gi', pods: '110' });
    const pod = created({ metadata: { name: 'hog' }, spec: { containers: [{ name: 'app', image: 'app:1', lifecycle: { preStop: { exec: { command: ['drain'] } } }, readinessProbe: { ...exec, periodSeconds: 1 } }] } });
    // over the threshold from 15 s: the monitoring cycle at 20 s evicts; preStop would take 5 s, but the eviction's 1 s
    // override bounds it (v1.36's killContainer applies the override before preStop): SIGTERM at 21 s
    const hungry = world({ memoryBytes: (_p, _c, now) => ((now - T0) / 1000 < 15 ? 0n : 1000n * MI), preStop: () => ({ durationMs: 5000 }) });
    const events = run([small, pod], hungry, 40);
    expect(times(events, 'PodEvicted')).toEqual([20]);
    expect(times(events, 'ContainerExited')).toEqual([21]);
    expect(times(events, 'ProbeExecuted').filter((t) => t >= 20)).toEqual([]);
  });
});

describe('readiness during a liveness kill (the pod is not terminating)', () => {
  it('is probed until the killed container is gone: the kill stops no readiness worker', () => {
    const app: Container = {
      name: 'app',
      image: 'nginx:1.27',
      livenessProbe: { ...exec, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 1 },
      readinessProbe: { ...exec, periodSeconds: 5, failureThreshold: 1 },
    };
    // liveness fails from 10 s, readiness from 12 s; SIGTERM is ignored: SIGKILL ends the 30 s grace at 40 s
    const w = world({
      probe: (_p, _c, kind, now, startedAt) => ({ outcome: startedAt === s(0) && now >= s(kind === 'liveness' ? 10 : 12) ? 'failure' : 'success' }),
      onSigterm: () => undefined,
    });
    const events = run([node('n1'), created({ metadata: { name: 'web' }, spec: { containers: [app] } })], w, 45);
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.reason])).toEqual([[10, 'LivenessProbeFailed']]);
    expect(times(events, 'ContainerExited')).toEqual([40]);
    expect(ofType(events, 'ProbeResultChanged').map((e) => [offset(e), e.probe, e.outcome])).toContainEqual([15, 'readiness', 'failure']);
  });
});
