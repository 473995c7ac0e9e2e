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
    // the worker ticks at 0, 10, 20 … from the pod's first sync; its failures start 60 s after the start; the
    // new run's first pass (+90) is recorded: it ends the worker's run of failures, which a new container keeps
    expect(times(events, 'ProbeExecuted')).toEqual([60, 70, 80, 90]);
    const kill = ofType(events, 'ContainerKilling')[0];
    expect(kill && [offset(kill), kill.reason, kill.message, kill.gracePeriodSeconds]).toEqual([
      80,
      'LivenessProbeFailed',
      'Container app failed liveness probe, will be restarted',
      30,
    ]);
    expect(ofType(events, 'ProbeResultChanged').map((e) => [offset(e), e.probe, e.outcome])).toEqual([[80, 'liveness', 'failure']]);
    expect(times(events, 'ContainerStarted')).toEqual([0, 80]);
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

  it('probes nothing before initialDelaySeconds, then every periodSeconds: ticks inside the delay are skipped, not shifted', () => {
    const pod = probed({ livenessProbe: { ...exec, initialDelaySeconds: 7, periodSeconds: 4, failureThreshold: 2 } });
    const events = run([node('n1'), pod], failing('liveness'), 12);
    // ticks at 0, 4, 8, 12: those less than 7 s after the start are skipped
    expect(times(events, 'ProbeExecuted')).toEqual([8, 12]);
    expect(times(events, 'ContainerKilling')).toEqual([12]);
  });

  it("kills with the probe's own terminationGracePeriodSeconds, SIGKILL (137) at its end when SIGTERM is ignored", () => {
    const pod = probed(
      { livenessProbe: { ...exec, periodSeconds: 10, failureThreshold: 1, terminationGracePeriodSeconds: 5 } },
      { terminationGracePeriodSeconds: 60 },
    );
    const events = run([node('n1'), pod], failing('liveness', 0, Infinity, { onSigterm: () => undefined }), 16);
    expect(ofType(events, 'ContainerKilling')[0]?.gracePeriodSeconds).toBe(5);
    expect(ofType(events, 'ContainerExited').map((e) => [offset(e), e.exitCode])).toEqual([[15, 137]]);
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
    const events = run([node('n1'), pod], w, 41);
    // the relist's sync publishes the container at +1; the worker's next tick is at +10. The liveness tick at
    // +30 reads `started` before the startup success of that same tick reaches the status manager
    // (`updateStartup` → `SetContainerStartup` runs after the startup probe), so liveness first probes at +40
    expect(ofType(events, 'ProbeExecuted').map((e) => [offset(e), e.probe, e.outcome])).toEqual([
      [10, 'startup', 'failure'],
      [20, 'startup', 'failure'],
      [30, 'startup', 'success'],
      [40, 'liveness', 'failure'],
    ]);
    expect(ofType(events, 'ProbeResultChanged').map((e) => [offset(e), e.probe, e.outcome])).toEqual([
      [30, 'startup', 'success'],
      [40, 'liveness', 'failure'],
    ]);
  });

  it('readiness still runs with the status the startup success triggers, at that instant (UpdatePodStatus)', () => {
    const pod = probed({ startupProbe: { ...exec, periodSeconds: 10 }, readinessProbe: { ...exec, periodSeconds: 10 } });
    const w = world({ probe: (_p, _c, kind, now, startedAt) => ({ outcome: kind === 'startup' && now - startedAt < 15_000 ? 'failure' : 'success' }) });
    const ready = ofType(run([node('n1'), pod], w, 31), 'ProbeResultChanged').map((e) => [offset(e), e.probe, e.outcome]);
    expect(ready).toEqual([
      [20, 'startup', 'success'],
      [20, 'readiness', 'success'],
    ]);
  });

  it('kills a container whose startup probe fails failureThreshold times', () => {
    const pod = probed({ startupProbe: { ...exec, periodSeconds: 5, failureThreshold: 3 } });
    const events = run([node('n1'), pod], failing('startup'), 16);
    expect(times(events, 'ProbeExecuted')).toEqual([5, 10, 15]);
    const kill = ofType(events, 'ContainerKilling')[0];
    expect(kill && [offset(kill), kill.reason, kill.message]).toEqual([15, 'StartupProbeFailed', 'Container app failed startup probe, will be restarted']);
  });
});

describe('readiness', () => {
  it('starts not ready, turns ready after successThreshold passes, not ready after failureThreshold failures, and never restarts', () => {
    const pod = probed({ readinessProbe: { ...exec, periodSeconds: 10, successThreshold: 2, failureThreshold: 3 } });
    const events = run([node('n1'), pod], failing('readiness', 30, 1000), 100);
    // the first run comes with the status that publishes the container (+0: the on-demand relist's sync), the
    // ticker goes on from there
    expect(ofType(events, 'ProbeResultChanged').map((e) => [offset(e), e.outcome])).toEqual([
      [10, 'success'],
      [50, 'failure'],
    ]);
    expect(times(events, 'ContainerKilling')).toEqual([]);
    expect(times(events, 'ContainerStarted')).toEqual([0]);
  });
});

describe('termination', () => {
  it('probes readiness until the container is gone (kubelet.go :: SyncTerminatingPod stops only liveness and startup)', () => {
    const pod = probed({ readinessProbe: { ...exec, periodSeconds: 5 } });
    const events = run([node('n1'), pod, deleted('probed', 12, 30)], failing('readiness', 0, Infinity, { onSigterm: () => undefined }), 60);
    // the terminating sync's status (+12) triggers a run for the not-ready container (UpdatePodStatus) and
    // resets the ticker; SIGKILL ends the grace at +42 and with it the worker (RemovePod)
    expect(times(events, 'ProbeExecuted')).toEqual([0, 5, 10, 12, 17, 22, 27, 32, 37]);
    expect(times(events, 'ContainerExited')).toEqual([42]);
  });

  it('stops liveness once deletion is requested', () => {
    const pod = probed({ livenessProbe: { ...exec, periodSeconds: 5, failureThreshold: 100 } });
    const events = run([node('n1'), pod, deleted('probed', 12, 30)], failing('liveness', 0, Infinity, { onSigterm: () => undefined }), 60);
    expect(times(events, 'ProbeExecuted')).toEqual([5, 10]);
  });
});

describe('the prober worker, one per container and probe for the life of the pod (prober/worker.go :: run, doProbe; prober_manager.go :: AddPod)', () => {
  /** The process exits 1 after `seconds` in every run. */
  const crashesAfter = (seconds: number) => ({ containerRun: () => ({ exit: { afterMs: seconds * 1000, code: 1 } }) });

  it('ticks from the pod’s first sync (AddPod) and keeps that phase across restarts (run: one ticker per worker)', () => {
    const pod = probed({ livenessProbe: { ...exec, periodSeconds: 10, failureThreshold: 100 } });
    const events = run([node('n1'), pod], failing('liveness', 0, Infinity, crashesAfter(13)), 60);
    // runs start at +0, +14 (the relist after the crash) and +37 (after the 10 s back-off); each is probed on
    // the worker's grid (+10, +20, +40), not at its own start + k × period (+24, +47)
    expect(times(events, 'ContainerStarted')).toEqual([0, 14, 37]);
    expect(times(events, 'ProbeExecuted')).toEqual([10, 20, 40]);
  });

  it('probes a new container only once a sync has published it (doProbe reads statusManager.GetPodStatus)', () => {
    const pod = probed({ livenessProbe: { ...exec, periodSeconds: 1, failureThreshold: 10 } });
    const events = run([node('n1'), pod], failing('liveness'), 3);
    // started by the sync at +0; the on-demand relist's sync publishes it at +0 too, but the tick at +0 came
    // before the sync that started it (the worker's first run, inside that sync): it finds no container
    expect(times(events, 'ContainerStarted')).toEqual([0]);
    expect(times(events, 'PodSynced')).toEqual([0, 0]);
    expect(times(events, 'ProbeExecuted')).toEqual([1, 2, 3]);
  });

  it('carries its run of failures over to a new container (a new container ID does not reset resultRun)', () => {
    const pod = probed({ livenessProbe: { ...exec, periodSeconds: 10, failureThreshold: 3 } });
    const events = run([node('n1'), pod], failing('liveness', 0, Infinity, crashesAfter(25)), 40);
    // two failures (+10, +20) before the crash at +25; the run started at +26 fails once (+30): the third in a row
    expect(times(events, 'ContainerStarted')).toEqual([0, 26, 40]);
    expect(times(events, 'ProbeExecuted')).toEqual([10, 20, 30]);
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.reason])).toEqual([[30, 'LivenessProbeFailed']]);
  });

  it('holds after a liveness failure until a new container, whose initialDelaySeconds count from its own startedAt', () => {
    const pod = probed({ livenessProbe: { ...exec, initialDelaySeconds: 15, periodSeconds: 10, failureThreshold: 1 } });
    const events = run([node('n1'), pod], failing('liveness'), 45);
    // ticks +10, +20, +30, +40: the first run is probed at +20 (15 s in) and killed; the next starts at +20,
    // its tick at +30 is only 10 s in, so it is probed and killed at +40
    expect(times(events, 'ContainerStarted')).toEqual([0, 20, 40]);
    expect(times(events, 'ProbeExecuted')).toEqual([20, 40]);
    expect(times(events, 'ContainerKilling')).toEqual([20, 40]);
  });
});

describe('readiness runs at each status (prober_manager.go :: UpdatePodStatus; worker.go :: run, manualTriggerCh)', () => {
  it('runs at once when a generated status holds a started container that is not ready, and restarts its ticker from there', () => {
    const pod = probed({ readinessProbe: { ...exec, periodSeconds: 7 } });
    const events = run([node('n1'), pod], failing('readiness'), 80);
    // the on-demand relist's sync at +0 runs it, then every 7 s; the resync a minute later (+60) runs it again
    // and the ticker goes on from +60 (probeTicker.Reset), so +63 is not probed
    expect(times(events, 'PodSynced')).toEqual([0, 0, 60]);
    expect(times(events, 'ProbeExecuted')).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56, 60, 67, 74]);
  });

  it('runs once more when its own failure’s sync comes right after a tick at the same instant', () => {
    const pod = probed({ readinessProbe: { ...exec, periodSeconds: 10, failureThreshold: 3 } });
    const events = run([node('n1'), pod], failing('readiness', 30), 60);
    // passes at +0 (ready); fails at +30, +40, +50; the third publishes not-ready, whose sync triggers a run,
    // and the ticker goes on from that run (+60)
    expect(ofType(events, 'ProbeResultChanged').map((e) => [offset(e), e.outcome])).toEqual([
      [0, 'success'],
      [50, 'failure'],
    ]);
    expect(times(events, 'ProbeExecuted')).toEqual([0, 30, 40, 50, 50, 60]);
  });
});
