/**
 * A pod becoming terminating while a kill is already in flight, and a second deletion request (`rest/delete.go ::
 * BeforeDelete`: only a shorter grace counts; 0 removes at once). `pod_workers.go :: UpdatePod` cancels the sync
 * in flight ("Cancelling current pod sync"), but v1.36's kill does not listen: the kill in flight ends when its own
 * grace says. Eviction's case is in `eviction.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { Container } from '../../src/k8s/pod.js';
import { created, deleted, node, nodeCondition, ofType, offset, run, world } from './harness.js';

const exec = { exec: { command: ['true'] } };
const web = (container: Partial<Container> = {}, terminationGracePeriodSeconds = 30) =>
  created({ metadata: { name: 'web' }, spec: { terminationGracePeriodSeconds, containers: [{ name: 'app', image: 'nginx:1.27', ...container }] } });
/** Liveness fails from the start, probed first at 10 s; SIGTERM is ignored, so each kill ends with SIGKILL. */
const failsLiveness = world({ probe: (_p, _c, kind) => ({ outcome: kind === 'liveness' ? 'failure' : 'success' }), onSigterm: () => undefined });
const liveness = (extra = {}) => ({ livenessProbe: { ...exec, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 1, ...extra } });
const ignoresSigterm = world({ onSigterm: () => undefined });

const story = (events: ReturnType<typeof run>) =>
  events
    .filter((e) => ['ContainerKilling', 'ContainerExited', 'PodRemoved'].includes(e.type))
    .map((e) => [offset(e), e.type, e.type === 'ContainerKilling' ? `${e.reason} ${e.gracePeriodSeconds}s` : e.source]);

// v1.36 runs a kill in flight to its end: `kubelet.go :: SyncPod` hands the runtime `context.WithoutCancel(ctx)` and
// `SyncTerminatingPod` runs on `context.Background()` (TODO(#113606)), so the "Cancelling current pod sync" of
// `pod_workers.go :: UpdatePod` reaches neither the probe kill's `StopContainer` nor its SIGKILL (kubernetes#83916).
// `kuberuntime_manager.go :: SyncPod` then starts what `computePodActions` planned (the killed container, in
// `ContainersToStart`), and only once it returns does `SyncTerminatingPod` kill the restarted one with the deletion's grace.
describe('a deletion while a probe kill is in flight (its SyncPod runs on, uncancelled)', () => {
  it('a shorter deletion grace does not cut the liveness kill short; the restarted container gets the deletion’s 5 s', () => {
    const events = run([node('n1'), web(liveness()), deleted('web', 15, 5)], failsLiveness, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'LivenessProbeFailed 30s'],
      [40, 'ContainerExited', 'runtime'],
      [40, 'ContainerKilling', 'PodDeleted 5s'],
      [45, 'ContainerExited', 'runtime'],
      [46, 'PodRemoved', 'kubelet'],
    ]);
    expect(ofType(events, 'ContainerStarted').map(offset)).toEqual([0, 40]);
  });

  it('a force deletion removes the object at once; the startup kill still ends with its own 60 s, the restarted container gets grace 1', () => {
    const w = world({ probe: (_p, _c, kind) => ({ outcome: kind === 'startup' ? 'failure' : 'success' }), onSigterm: () => undefined });
    const startup = { startupProbe: { ...exec, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 1, terminationGracePeriodSeconds: 60 } };
    // the object is gone, but the kubelet's SyncPod in flight still restarts the container, and its terminating sync
    // stops it with `calculateEffectiveGracePeriod`'s grace 1 (0 raised to 1), the SIGTERM window raised to 2 s
    const events = run([node('n1'), web(startup), deleted('web', 20, 0)], w, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'StartupProbeFailed 60s'],
      [20, 'PodRemoved', 'api'],
      [70, 'ContainerExited', 'runtime'],
      [70, 'ContainerKilling', 'PodDeleted 1s'],
      [72, 'ContainerExited', 'runtime'],
    ]);
    expect(ofType(events, 'ContainerStarted').map(offset)).toEqual([0, 70]);
  });

  it('a longer deletion grace: the probe kill ends with its own 5 s, the restarted container gets the deletion’s 30 s', () => {
    const events = run([node('n1'), web(liveness({ terminationGracePeriodSeconds: 5 })), deleted('web', 12, 30)], failsLiveness, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'LivenessProbeFailed 5s'],
      [15, 'ContainerExited', 'runtime'],
      [15, 'ContainerKilling', 'PodDeleted 30s'],
      [45, 'ContainerExited', 'runtime'],
      [46, 'PodRemoved', 'kubelet'],
    ]);
    expect(ofType(events, 'ContainerStarted').map(offset)).toEqual([0, 15]);
  });

  it('a process that handles SIGTERM exits on its own, each time', () => {
    const handles = world({ ...failsLiveness, onSigterm: () => ({ afterMs: 4_000, code: 0 }) });
    const events = run([node('n1'), web(liveness({ terminationGracePeriodSeconds: 5 })), deleted('web', 12, 30)], handles, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'LivenessProbeFailed 5s'],
      [14, 'ContainerExited', 'runtime'],
      [14, 'ContainerKilling', 'PodDeleted 30s'],
      [18, 'ContainerExited', 'runtime'],
      [19, 'PodRemoved', 'kubelet'],
    ]);
    expect(ofType(events, 'ContainerStarted').map(offset)).toEqual([0, 14]);
  });

  // a graceful deletion's object goes with the kubelet's final delete; a force deletion's at once
  it.each([
    [5, [[40, 'ContainerExited', 'runtime'], [41, 'PodRemoved', 'kubelet']]],
    [0, [[15, 'PodRemoved', 'api'], [40, 'ContainerExited', 'runtime']]],
  ])('a restart policy of Never, deletion grace %i: the killed container is not started again, nothing more is killed', (grace, end) => {
    const never = created({ metadata: { name: 'web' }, spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx:1.27', ...liveness() }] } });
    const events = run([node('n1'), never, deleted('web', 15, grace)], failsLiveness, 100);
    expect(story(events)).toEqual([[10, 'ContainerKilling', 'LivenessProbeFailed 30s'], ...end]);
    expect(ofType(events, 'ContainerStarted').map(offset)).toEqual([0]);
  });
});

// kuberuntime_container.go :: killContainer, executePreStopHook: the kill runs preStop (bounded by its grace, its whole
// seconds subtracted), then SIGTERM and SIGKILL at the grace's end. A second delete's shorter grace cancels the pod
// worker's context, which v1.36's kubelet.go :: SyncTerminatingPod does not use (context.Background(), TODO(#113606)):
// the hook, the StopContainer with the first grace and its SIGKILL run on, and no second kill comes (kubernetes#83916)
describe('preStop against a shortened grace', () => {
  const hooked = (grace: number) => web({ lifecycle: { preStop: { exec: { command: ['drain'] } } } }, grace);
  const drains = (ms: number) => world({ onSigterm: () => undefined, preStop: () => ({ durationMs: ms }) });

  it('a second delete during preStop changes nothing: the hook runs on, SIGKILL at the first grace’s end', () => {
    // preStop 5–25 s of 30, SIGTERM at 25 (ignored), SIGKILL at 35; the 10 s grace asked at 30 is not applied
    const events = run([node('n1'), hooked(30), deleted('web', 5, 30), deleted('web', 30, 10)], drains(20_000), 100);
    expect(story(events)).toEqual([
      [5, 'ContainerKilling', 'PodDeleted 30s'],
      [35, 'ContainerExited', 'runtime'],
      [36, 'PodRemoved', 'kubelet'],
    ]);
  });

  it('a second delete during a long preStop does not cut it: the first grace bounds the hook, SIGKILL 2 s after', () => {
    // preStop of 100 s bounded by 60 (SIGTERM at 65, SIGKILL at 67); the 5 s grace asked at 15 is not applied
    const events = run([node('n1'), hooked(60), deleted('web', 5, 60), deleted('web', 15, 5)], drains(100_000), 100);
    expect(story(events)).toEqual([
      [5, 'ContainerKilling', 'PodDeleted 60s'],
      [67, 'ContainerExited', 'runtime'],
      [68, 'PodRemoved', 'kubelet'],
    ]);
  });
});

// The pod is found over only by the status a `SyncPod` generates (`kubelet.go :: SyncPod`: a terminal phase →
// `isTerminal`), and the worker runs one sync at a time: the `SyncPod` that killed the sidecar for its probe runs on
// (`context.WithoutCancel`), its kill ends with its own grace, it starts the sidecar again as `computePodActions`
// planned (`InitContainersToStart`: sidecars restart whatever the pod's policy), and only the next sync, at its
// on-demand relist, finds the pod Succeeded and stops the restarted sidecar with the pod's grace (`SyncTerminatingPod`)
describe('a pod that finishes while a sidecar’s probe kill is in flight', () => {
  const sidecar = { name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' as const, ...liveness({ initialDelaySeconds: 5, periodSeconds: 5, terminationGracePeriodSeconds: 60 }) };
  const job = (restartPolicy: 'Never' | 'OnFailure') =>
    created({ metadata: { name: 'job' }, spec: { restartPolicy, terminationGracePeriodSeconds: 10, initContainers: [sidecar], containers: [{ name: 'app', image: 'app:1' }] } });
  const w = world({ ...failsLiveness, containerRun: (_p, name) => (name === 'app' ? { exit: { afterMs: 10_000, code: 0 } } : {}) });

  it.each(['Never', 'OnFailure'] as const)('restartPolicy %s: the probe kill ends with its 60 s, the sidecar restarts, then the finished pod stops it with its 10 s', (policy) => {
    const events = run([node('n1'), job(policy)], w, 100);
    expect(story(events)).toEqual([
      [5, 'ContainerKilling', 'LivenessProbeFailed 60s'],
      [10, 'ContainerExited', 'runtime'],
      [65, 'ContainerExited', 'runtime'],
      [65, 'ContainerKilling', 'PodFinished 10s'],
      [75, 'ContainerExited', 'runtime'],
    ]);
    expect(ofType(events, 'ContainerStarted').map((e) => [offset(e), e.container])).toEqual([
      [0, 'proxy'],
      [0, 'app'],
      [65, 'proxy'],
    ]);
  });

  it('a regular container’s probe kill under Never: the pod finishes when it exits, with nothing restarted or left to stop', () => {
    const pod = created({
      metadata: { name: 'job' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1', ...liveness() }, { name: 'done', image: 'app:1' }] },
    });
    const ends = world({ ...failsLiveness, containerRun: (_p, name) => (name === 'done' ? { exit: { afterMs: 12_000, code: 0 } } : {}) });
    const events = run([node('n1'), pod], ends, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'LivenessProbeFailed 30s'],
      [12, 'ContainerExited', 'runtime'],
      [40, 'ContainerExited', 'runtime'],
    ]);
    expect(ofType(events, 'ContainerStarted').map(offset)).toEqual([0, 0]);
  });
});

describe('a second deletion request (BeforeDelete on an object already being deleted)', () => {
  // kubelet.go :: SyncTerminatingPod runs killPod on context.Background() (TODO(#113606)): the kill in flight ends with
  // its own grace, and the pod worker then completes the termination without killing again (kubernetes#83916)
  it('with a shorter grace: the kill in flight runs on, SIGKILL at the first grace’s end', () => {
    const events = run([node('n1'), web(), deleted('web', 10, 30), deleted('web', 15, 10)], ignoresSigterm, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'PodDeleted 30s'],
      [40, 'ContainerExited', 'runtime'],
      [41, 'PodRemoved', 'kubelet'],
    ]);
  });

  it('with a grace as long or longer: nothing changes', () => {
    const events = run([node('n1'), web(), deleted('web', 10, 30), deleted('web', 15, 30), deleted('web', 20, 60)], ignoresSigterm, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'PodDeleted 30s'],
      [40, 'ContainerExited', 'runtime'],
      [41, 'PodRemoved', 'kubelet'],
    ]);
  });

  it('with grace 0: the object is removed at once, the container lives until its kill in flight ends', () => {
    const events = run([node('n1'), web(), deleted('web', 10, 30), deleted('web', 15, 0)], ignoresSigterm, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'PodDeleted 30s'],
      [15, 'PodRemoved', 'api'],
      [40, 'ContainerExited', 'runtime'],
    ]);
  });

  it('with grace 0 on a lost node: removed at once, though no kubelet is there to stop anything', () => {
    // a second node stays Ready: with every node lost the controller would taint none (handleDisruption)
    const events = run([node('n1'), node('n2'), web(), nodeCondition('n1', 60, 'Ready', 'Unknown'), deleted('web', 480, 0)], world(), 600);
    expect(ofType(events, 'PodDeletionRequested').map((e) => [offset(e), e.gracePeriodSeconds])).toEqual([
      [365, 30],
      [480, 0],
    ]);
    expect(story(events)).toEqual([[480, 'PodRemoved', 'api']]);
  });
});
