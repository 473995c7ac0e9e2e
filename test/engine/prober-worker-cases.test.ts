/**
 * Kubernetes' prober worker cases as data: `pkg/kubelet/prober/worker_test.go` (commit
 * 632f162d719dd3df43a826b1d2a0fd2c0b5cbb72), put to the engine's probe deciders. Upstream's `w.doProbe()`
 * is here: the worker probes only if `activeProbes` lists the kind for the container (published, running, not
 * on hold, startup gating), then `decideProbe` with the outcome upstream's fake prober gives, its events
 * folded back (`evolve`). Upstream's `expectResult` reads the results manager: here the track's `result`
 * (undefined is the startup probe's initial Unknown); `w.resultRun` is the track's `run`, compared only after
 * an outcome the journal records (a success that changes nothing is not journaled, so it does not count the
 * run of successes: no decision reads that run); `w.onHold` is the track's `heldRun` naming the instance.
 *
 * Upstream's test pod (`getTestPod`): one container `testContainer`, running (`getTestRunningStatus`), the
 * probe under test alone. Its "not started" status (`...WithStarted(false)`) is, here, a container whose
 * startup probe has not passed: the engine reads `started` off the startup probe's result
 * (`prober_manager.go :: isContainerStarted`).
 */
import { describe, expect, test } from 'vitest';
import type { ProbeKind, ProbeOutcome } from '../../src/events/index.js';
import type { Container, Probe } from '../../src/k8s/pod.js';
import { foldEngine } from '../../src/engine/evolve.js';
import { decideProbe } from '../../src/engine/probes/decide.js';
import { activeProbes, nextProbeTick, probeTrackOf, tracksForNewInstance } from '../../src/engine/probes/worker.js';
import { initialState, type ContainerBook, type EngineState, type PodBook } from '../../src/engine/state.js';
import { syncedPodBook } from './pod-book.js';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const UID = 'uid-foo';
const NAME = 'testContainer';
const exec = { exec: { command: ['true'] } };

/** `newTestWorker(m, probeType, probe)` with upstream's probe defaults (`SuccessThreshold`/`FailureThreshold` 1, period 1 s, as `newTestWorker` sets them). */
const probeOf = (p: Probe): Probe => ({ ...exec, periodSeconds: 1, successThreshold: 1, failureThreshold: 1, ...p });

/** The pod and the prober's state: one running, published container with the probe under test. */
class Worker {
  private state: EngineState;
  private now = T0 + 100_000;

  constructor(
    readonly kind: ProbeKind,
    probe: Probe,
    /** `getTestRunningStatusWithStarted(false)`: a startup probe that has not passed yet. */
    notStarted = false,
  ) {
    const spec: Container = {
      name: NAME,
      ...(kind === 'liveness' && { livenessProbe: probeOf(probe) }),
      ...(kind === 'readiness' && { readinessProbe: probeOf(probe) }),
      ...(kind === 'startup' || notStarted ? { startupProbe: probeOf(kind === 'startup' ? probe : {}) } : {}),
    };
    const podSpec = { containers: [spec] };
    const container: ContainerBook = {
      name: NAME,
      role: 'regular',
      instances: 1,
      current: { run: 0, containerID: 'containerd://testContainer_ID', sync: 0, startedAt: this.now, postStartDone: true, kills: [] },
      pulls: 0,
      probes: {},
    };
    const pod = syncedPodBook(UID, podSpec, [container], { probersFrom: T0 });
    this.state = { ...initialState(), pods: new Map([[UID, pod]]) };
  }

  private pod(): PodBook {
    const pod = this.state.pods.get(UID);
    if (pod === undefined) throw new Error('the test pod is gone');
    return pod;
  }

  private container(): ContainerBook {
    const c = this.pod().containers[0];
    if (c === undefined) throw new Error('the test container is gone');
    return c;
  }

  private withContainer(f: (c: ContainerBook) => ContainerBook): void {
    const pod = this.pod();
    this.state = { ...this.state, pods: new Map([[UID, { ...pod, containers: [f(this.container())] }]]) };
  }

  /** `w.doProbe()` with the fake prober answering `outcome`: whether it probed at all. */
  doProbe(outcome: ProbeOutcome, kind = this.kind): boolean {
    this.now += 1000;
    if (!activeProbes(this.pod(), this.container()).some((p) => p.kind === kind)) return false;
    this.state = foldEngine(decideProbe(this.state, { kind: 'probeTick', uid: UID, container: NAME, probe: kind, outcome }, this.now), this.state);
    return true;
  }

  result(kind = this.kind): ProbeOutcome | undefined {
    return probeTrackOf(this.container(), kind).result;
  }

  resultRun(): number {
    return probeTrackOf(this.container(), this.kind).run;
  }

  onHold(): boolean {
    return probeTrackOf(this.container(), this.kind).heldRun === this.container().current?.run;
  }

  /** `resultsManager.Set(testContainerID, result)` / `SetContainerStartup(..., true)`: a result already published. */
  setResult(kind: ProbeKind, result: ProbeOutcome): void {
    this.withContainer((c) => ({ ...c, probes: { ...c.probes, [kind]: { ...probeTrackOf(c, kind), result } } }));
  }

  /** `status.ContainerStatuses[0].ContainerID = "test://newCont_ID"`: a new instance, published. */
  newContainerID(): void {
    this.withContainer((c) => ({
      ...c,
      instances: c.instances + 1,
      current: { run: c.instances, containerID: 'containerd://newCont_ID', sync: 0, startedAt: this.now, postStartDone: true, kills: [] },
      probes: tracksForNewInstance(c.probes),
    }));
  }

  /** The next instant the worker's ticker probes (`nextProbeTick`), from now. */
  nextTick(probe: Probe): number | undefined {
    const c = this.container();
    return nextProbeTick(this.pod(), probeTrackOf(c, this.kind), c.current?.startedAt ?? 0, probeOf(probe), this.now, false);
  }

  at(): number {
    return this.now;
  }

  later(ms: number): void {
    this.now += ms;
  }
}

/** `results.Unknown`: the startup probe's initial value. */
const UNKNOWN = undefined;

describe('worker_test.go :: TestDoProbe', () => {
  const kinds: readonly ProbeKind[] = ['liveness', 'readiness', 'startup'];
  for (const kind of kinds) {
    test(`[${kind}] Probe successful: the running container is probed, result Success`, () => {
      const w = new Worker(kind, {});
      expect(w.doProbe('success')).toBe(true);
      expect(w.result()).toBe('success');
    });
    test(`[${kind}] Initial delay passed (InitialDelaySeconds -100): probed, result Success`, () => {
      const w = new Worker(kind, { initialDelaySeconds: -100 });
      expect(w.doProbe('success')).toBe(true);
      expect(w.result()).toBe('success');
    });
    test.skip(`[${kind}] No status / No container status / Pod failed / Container waiting / Container terminated (not applicable: the results manager's entry for a container that does not run; the engine probes only a running, published container and keeps no result for the others, which the kubelet never reads: a container that does not run is neither ready nor killed)`, () => {});
  }
  test.skip('[liveness, startup, readiness] Pod deletion (not applicable: liveness and startup stop with a Success at deletion as here, but upstream goes on probing readiness through the grace period, which podj does not simulate: probes stop once deletion is requested, src/engine/probes/worker.ts :: probeable)', () => {});
});

describe('worker_test.go :: TestInitialDelay', () => {
  const initial: Record<ProbeKind, ProbeOutcome | undefined> = { liveness: 'success', readiness: 'failure', startup: UNKNOWN };
  for (const kind of ['liveness', 'readiness', 'startup'] as const) {
    test(`[${kind}] no probe inside initialDelaySeconds (the initial value stays), Success once it has passed`, () => {
      const w = new Worker(kind, { initialDelaySeconds: 10 });
      // the container started now: the ticker skips every tick inside the 10 s
      const startedAt = w.at();
      expect(w.nextTick({ initialDelaySeconds: 10 })).toBeGreaterThanOrEqual(startedAt + 10_000);
      expect(w.result()).toBe(initial[kind]);
      // 100 seconds later...
      w.later(100_000);
      expect(w.nextTick({ initialDelaySeconds: 10 })).toBe(w.at());
      expect(w.doProbe('success')).toBe(true);
      expect(w.result()).toBe('success');
    });
  }
});

describe('worker_test.go :: TestFailureThreshold', () => {
  test('readiness, SuccessThreshold 1, FailureThreshold 3: Success until the third failure in a row, twice over', () => {
    const w = new Worker('readiness', { successThreshold: 1, failureThreshold: 3 });
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        w.doProbe('success');
        expect(w.result(), `${j + 1} success (${i})`).toBe('success');
      }
      for (let j = 0; j < 2; j++) {
        w.doProbe('failure');
        expect(w.result(), `${j + 1} failing (${i})`).toBe('success');
      }
      for (let j = 0; j < 3; j++) {
        w.doProbe('failure');
        expect(w.result(), `${j + 3} failure (${i})`).toBe('failure');
      }
    }
  });
});

describe('worker_test.go :: TestSuccessThreshold', () => {
  test('readiness, SuccessThreshold 3, FailureThreshold 1: Failure until the third success in a row, one flake fails it', () => {
    const w = new Worker('readiness', { successThreshold: 3, failureThreshold: 1 });
    w.setResult('readiness', 'failure');
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        w.doProbe('success');
        expect(w.result(), `${j + 1} success (${i})`).toBe('failure');
      }
      for (let j = 0; j < 3; j++) {
        w.doProbe('success');
        expect(w.result(), `${j + 3} success (${i})`).toBe('success');
      }
      w.doProbe('failure');
      expect(w.result(), `1 failure (${i})`).toBe('failure');
    }
  });
});

describe('worker_test.go :: TestStartupProbeSuccessThreshold', () => {
  test('startup, SuccessThreshold 1: Success at the first success, then on hold with its run reset', () => {
    const w = new Worker('startup', { successThreshold: 1, failureThreshold: 3 });
    expect(w.onHold()).toBe(false);
    expect(w.doProbe('success')).toBe(true);
    expect(w.result()).toBe('success');
    expect(w.onHold()).toBe(true);
    expect(w.resultRun()).toBe(0);
    expect(w.doProbe('success')).toBe(false);
  });
});

describe('worker_test.go :: TestStartupProbeFailureThreshold', () => {
  test('startup, FailureThreshold 3: Unknown for two failures (run 1, 2), Failure at the third (run reset), then on hold', () => {
    const w = new Worker('startup', { successThreshold: 1, failureThreshold: 3 });
    for (let i = 0; i < 2; i++) {
      expect(w.onHold()).toBe(false);
      w.doProbe('failure');
      expect(w.result(), `${i + 1} failure`).toBe(UNKNOWN);
      expect(w.resultRun()).toBe(i + 1);
    }
    w.doProbe('failure');
    expect(w.result(), '3 failure').toBe('failure');
    expect(w.resultRun()).toBe(0);
    expect(w.onHold()).toBe(true);
    expect(w.doProbe('failure')).toBe(false);
    expect(w.resultRun()).toBe(0);
  });
});

describe('worker_test.go :: TestOnHoldOnLivenessOrStartupCheckFailure', () => {
  for (const kind of ['liveness', 'startup'] as const) {
    test(`[${kind}] a failure holds the worker (a success is not probed) until a new container ID`, () => {
      const w = new Worker(kind, { successThreshold: 1, failureThreshold: 1 });
      w.doProbe('failure');
      expect(w.result(), 'first probe').toBe('failure');
      expect(w.onHold()).toBe(true);
      expect(w.doProbe('success'), 'while on hold').toBe(false);
      expect(w.result(), 'while on hold').toBe('failure');
      expect(w.onHold()).toBe(true);
      w.newContainerID();
      expect(w.doProbe('success'), 'hold lifted').toBe(true);
      expect(w.result(), 'hold lifted').toBe('success');
      // a startup result, success included, holds again
      expect(w.onHold()).toBe(kind === 'startup');
    });
  }
});

describe('worker_test.go :: TestResultRunOnLivenessCheckFailure', () => {
  test('liveness, FailureThreshold 3: Success through two failures (run 1, 2), Failure at the third with the run reset', () => {
    const w = new Worker('liveness', { successThreshold: 1, failureThreshold: 3 });
    w.doProbe('success');
    expect(w.result(), 'initial probe success').toBe('success');
    w.doProbe('failure');
    expect(w.result(), 'probe failure, result success').toBe('success');
    expect(w.resultRun()).toBe(1);
    w.doProbe('failure');
    expect(w.result(), '2nd probe failure, result success').toBe('success');
    expect(w.resultRun()).toBe(2);
    w.doProbe('failure');
    expect(w.result(), '3rd probe failure, result failure').toBe('failure');
    expect(w.resultRun()).toBe(0);
  });
});

describe('worker_test.go :: TestResultRunOnStartupCheckFailure', () => {
  test('startup, FailureThreshold 3: Unknown (run 1, 2), then Failure with the run reset', () => {
    const w = new Worker('startup', { successThreshold: 1, failureThreshold: 3 });
    w.doProbe('failure');
    expect(w.result(), 'probe failure, result unknown').toBe(UNKNOWN);
    expect(w.resultRun()).toBe(1);
    w.doProbe('failure');
    expect(w.result(), '2nd probe failure, result unknown').toBe(UNKNOWN);
    expect(w.resultRun()).toBe(2);
    w.doProbe('failure');
    expect(w.result(), '3rd probe failure, result failure').toBe('failure');
    expect(w.resultRun()).toBe(0);
  });
});

describe('worker_test.go :: TestLivenessProbeDisabledByStarted', () => {
  test('liveness does not run before the container is started, and fails once it is', () => {
    const w = new Worker('liveness', { successThreshold: 1, failureThreshold: 1 }, true);
    expect(w.doProbe('failure')).toBe(false);
    expect(w.result(), 'Not started, probe failure, result success').toBe('success');
    w.setResult('startup', 'success');
    expect(w.doProbe('failure')).toBe(true);
    expect(w.result(), 'Started, probe failure, result failure').toBe('failure');
  });
});

describe('worker_test.go :: TestStartupProbeDisabledByStarted', () => {
  test('startup stays Unknown below its FailureThreshold, turns Success, and no longer runs once started', () => {
    const w = new Worker('startup', { successThreshold: 1, failureThreshold: 2 });
    w.doProbe('failure');
    expect(w.result(), 'Not started, probe failure, result unknown').toBe(UNKNOWN);
    w.doProbe('success');
    expect(w.result(), 'Started, probe success, result success').toBe('success');
    expect(w.doProbe('failure')).toBe(false);
    expect(w.result(), 'Started, probe failure, result success').toBe('success');
  });
});

describe('worker_test.go :: TestCleanUp', () => {
  test.skip('a stopped worker clears its result and leaves the manager (not applicable: the engine keeps one worker per container for the life of the pod, and a removed pod has no results to clear)', () => {});
});
