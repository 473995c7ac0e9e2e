import { describe, expect, it } from 'vitest';
import type { ProbeKind } from '../../src/events/index.js';
import type { Container, Probe } from '../../src/k8s/pod.js';
import type { World } from '../../src/engine/index.js';
import { created, deleted, node, ofType, offset, run, times, world } from './harness.js';

const probed = (container: Partial<Container>, extra: { terminationGracePeriodSeconds?: number } = {}) =>
  created({ metadata: { name: 'probed' }, spec: { ...extra, containers: [{ name: 'app', image: 'busybox:1.36', ...container }] } });

const exec: Probe = { exec: { command: ['true'] } };

/** Probes of `kind` fail from `since` seconds after each start (others pass). */
const failing = (kind: ProbeKind, since = 0, until = Infinity, extra: Partial<World> = {}) =>
  world({
    probe: (_p, _c, k, now, startedAt) => ({
      outcome: k === kind && now - startedAt >= since * 1000 && now - startedAt < until * 1000 ? 'failure' : 'success',
    }),
    ...extra,
  });

describe('liveness (prober/worker.go :: doProbe)', () => {
  it('kills after exactly failureThreshold failing periods, with the kubelet message, and restarts', () => {
    const pod = probed({ livenessProbe: { ...exec, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 } });
    const events = run([node('n1'), pod], failing('liveness', 60), 100);
    expect(times(events, 'ProbeExecuted')).toEqual([65, 75, 85]);
    const kill = ofType(events, 'ContainerKilling')[0];
    expect(kill && [offset(kill), kill.reason, kill.message, kill.gracePeriodSeconds]).toEqual([
      85,
      'LivenessProbeFailed',
      'Container app failed liveness probe, will be restarted',
      30,
    ]);
    expect(ofType(events, 'ProbeResultChanged').map((e) => [offset(e), e.probe, e.outcome])).toEqual([[85, 'liveness', 'failure']]);
    expect(times(events, 'ContainerStarted')).toEqual([0, 85]);
  });

  it('restarts a killed container in the killing sync, backing off only once the finish before it is recent; a later sync measures from the killed run (kuberuntime_manager.go :: computePodActions, doBackOff)', () => {
    // every run fails its probe 5 s in and exits at once on SIGTERM
    const pod = probed({ livenessProbe: { ...exec, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 1 } });
    const events = run([node('n1'), pod], failing('liveness', 5), 40);
    // kill at +5: no earlier finish, no back-off; kill at +10: the finish at +5 starts the entry (10 s);
    // kill at +15: the killing sync sees the finish at +10 (5 s old, inside 10 s): CrashLoopBackOff until +20;
    // the relist's sync at +16 lists the killed run as exited and measures from its finish: until +25
    expect(times(events, 'ContainerStarted')).toEqual([0, 5, 10, 25]);
    expect(ofType(events, 'ContainerBackOff').map((e) => [offset(e), e.delaySeconds, e.until])).toEqual([
      [15, 10, '2026-01-01T00:00:20.000Z'],
      [16, 10, '2026-01-01T00:00:25.000Z'],
      [30, 20, '2026-01-01T00:00:35.000Z'],
      [31, 20, '2026-01-01T00:00:50.000Z'],
    ]);
  });

  it('probes nothing before initialDelaySeconds, then every periodSeconds', () => {
    const pod = probed({ livenessProbe: { ...exec, initialDelaySeconds: 7, periodSeconds: 4, failureThreshold: 2 } });
    const events = run([node('n1'), pod], failing('liveness'), 12);
    expect(times(events, 'ProbeExecuted')).toEqual([7, 11]);
    expect(times(events, 'ContainerKilling')).toEqual([11]);
  });

  it("kills with the probe's own terminationGracePeriodSeconds, SIGKILL (137) at its end when SIGTERM is ignored", () => {
    const pod = probed(
      { livenessProbe: { ...exec, periodSeconds: 10, failureThreshold: 1, terminationGracePeriodSeconds: 5 } },
      { terminationGracePeriodSeconds: 60 },
    );
    const events = run([node('n1'), pod], failing('liveness', 0, Infinity, { onSigterm: () => undefined }), 6);
    expect(ofType(events, 'ContainerKilling')[0]?.gracePeriodSeconds).toBe(5);
    expect(ofType(events, 'ContainerExited').map((e) => [offset(e), e.exitCode])).toEqual([[5, 137]]);
  });

  it('says no restart under restartPolicy Never', () => {
    const pod = created({
      metadata: { name: 'probed' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.36', livenessProbe: { ...exec, failureThreshold: 1 } }] },
    });
    const events = run([node('n1'), pod], failing('liveness'), 30);
    expect(ofType(events, 'ContainerKilling')[0]?.message).toBe('Container app failed liveness probe');
    expect(times(events, 'ContainerStarted')).toEqual([0]);
  });
});

describe('startup gating', () => {
  it('runs only the startup probe until it passes, then liveness', () => {
    const pod = probed({
      startupProbe: { ...exec, periodSeconds: 10, failureThreshold: 30 },
      livenessProbe: { ...exec, periodSeconds: 10, failureThreshold: 1 },
    });
    const w = world({
      probe: (_p, _c, kind, now, startedAt) => ({
        outcome: kind === 'liveness' || now - startedAt < 25_000 ? 'failure' : 'success',
      }),
      onSigterm: () => undefined,
    });
    const events = run([node('n1'), pod], w, 31);
    expect(ofType(events, 'ProbeExecuted').map((e) => [offset(e), e.probe, e.outcome])).toEqual([
      [0, 'startup', 'failure'],
      [10, 'startup', 'failure'],
      [20, 'startup', 'failure'],
      [30, 'startup', 'success'],
      [30, 'liveness', 'failure'],
    ]);
    expect(ofType(events, 'ProbeResultChanged').map((e) => [offset(e), e.probe, e.outcome])).toEqual([
      [30, 'startup', 'success'],
      [30, 'liveness', 'failure'],
    ]);
  });

  it('kills a container whose startup probe fails failureThreshold times', () => {
    const pod = probed({ startupProbe: { ...exec, periodSeconds: 5, failureThreshold: 3 } });
    const events = run([node('n1'), pod], failing('startup'), 11);
    const kill = ofType(events, 'ContainerKilling')[0];
    expect(kill && [offset(kill), kill.reason, kill.message]).toEqual([10, 'StartupProbeFailed', 'Container app failed startup probe, will be restarted']);
  });
});

describe('readiness', () => {
  it('starts not ready, turns ready after successThreshold passes, not ready after failureThreshold failures, and never restarts', () => {
    const pod = probed({ readinessProbe: { ...exec, periodSeconds: 10, successThreshold: 2, failureThreshold: 3 } });
    const events = run([node('n1'), pod], failing('readiness', 30, 1000), 100);
    expect(ofType(events, 'ProbeResultChanged').map((e) => [offset(e), e.outcome])).toEqual([
      [10, 'success'],
      [50, 'failure'],
    ]);
    expect(times(events, 'ContainerKilling')).toEqual([]);
    expect(times(events, 'ContainerStarted')).toEqual([0]);
  });
});

describe('termination', () => {
  it('stops probing once deletion is requested', () => {
    const pod = probed({ readinessProbe: { ...exec, periodSeconds: 5 } });
    const events = run([node('n1'), pod, deleted('probed', 12, 30)], failing('readiness', 0, Infinity, { onSigterm: () => undefined }), 60);
    expect(times(events, 'ProbeExecuted')).toEqual([0, 5, 10]);
  });
});
