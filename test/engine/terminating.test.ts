/**
 * A pod becoming terminating while a kill is already in flight (`pod_workers.go :: UpdatePod`, "Cancelling
 * current pod sync"), and a second deletion request (`rest/delete.go :: BeforeDelete`: only a shorter grace
 * counts; 0 removes at once). Eviction's case is in `eviction.test.ts`.
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

describe('a deletion while a probe kill is in flight (UpdatePod cancels the running sync)', () => {
  it('kills again with the shorter deletion grace: SIGKILL at 20 s instead of the liveness kill’s 40 s', () => {
    const events = run([node('n1'), web(liveness()), deleted('web', 15, 5)], failsLiveness, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'LivenessProbeFailed 30s'],
      [15, 'ContainerKilling', 'PodDeleted 5s'],
      [20, 'ContainerExited', 'runtime'],
      [20, 'PodRemoved', 'kubelet'],
    ]);
    expect(ofType(events, 'ContainerStarted').map(offset)).toEqual([0]);
  });

  it('a force deletion cuts a startup kill short to the 2 s window', () => {
    const w = world({ probe: (_p, _c, kind) => ({ outcome: kind === 'startup' ? 'failure' : 'success' }), onSigterm: () => undefined });
    const startup = { startupProbe: { ...exec, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 1, terminationGracePeriodSeconds: 60 } };
    expect(story(run([node('n1'), web(startup), deleted('web', 20, 0)], w, 100))).toEqual([
      [10, 'ContainerKilling', 'StartupProbeFailed 60s'],
      [20, 'PodRemoved', 'api'],
      [20, 'ContainerKilling', 'PodDeleted 1s'],
      [22, 'ContainerExited', 'runtime'],
    ]);
  });

  // the cancelled sync's StopContainer returns on its context without the SIGKILL (containerd's stopContainer:
  // "If the parent context was cancelled or exceeded return immediately"): the deletion's own kill decides
  it('a longer deletion grace lets the probe kill’s SIGKILL lapse: the process lives until the deletion’s', () => {
    const events = run([node('n1'), web(liveness({ terminationGracePeriodSeconds: 5 })), deleted('web', 12, 30)], failsLiveness, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'LivenessProbeFailed 5s'],
      [12, 'ContainerKilling', 'PodDeleted 30s'],
      [42, 'ContainerExited', 'runtime'],
      [42, 'PodRemoved', 'kubelet'],
    ]);
  });

  it('a SIGTERM the cancelled kill already sent still ends a process that handles it', () => {
    const handles = world({ ...failsLiveness, onSigterm: () => ({ afterMs: 4_000, code: 0 }) });
    const events = run([node('n1'), web(liveness({ terminationGracePeriodSeconds: 5 })), deleted('web', 12, 30)], handles, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'LivenessProbeFailed 5s'],
      [12, 'ContainerKilling', 'PodDeleted 30s'],
      [14, 'ContainerExited', 'runtime'],
      [14, 'PodRemoved', 'kubelet'],
    ]);
  });
});

// kuberuntime_container.go :: killContainer, executePreStopHook: each kill runs preStop (bounded by its grace,
// its whole seconds subtracted) and then gives at least 2 s; a shorter grace cancels the kill in flight
// (pod_workers.go :: UpdatePod), whose hook ends with its context, and the new kill runs the hook again
describe('preStop against a shortened grace', () => {
  const hooked = (grace: number) => web({ lifecycle: { preStop: { exec: { command: ['drain'] } } } }, grace);
  const drains = (ms: number) => world({ onSigterm: () => undefined, preStop: () => ({ durationMs: ms }) });

  it('a second delete during preStop runs the hook again within the new grace, then 2 s: later than the first kill’s SIGKILL', () => {
    // first kill: preStop 5–25 s of 30, SIGTERM at 25 (ignored), SIGKILL at 35; cut at 30 by a 10 s grace:
    // preStop again 30–40 (bounded by 10), 10 − 10 < 2 so 2 s more: SIGKILL at 42
    const events = run([node('n1'), hooked(30), deleted('web', 5, 30), deleted('web', 30, 10)], drains(20_000), 100);
    expect(story(events)).toEqual([
      [5, 'ContainerKilling', 'PodDeleted 30s'],
      [30, 'ContainerKilling', 'PodDeleted 10s'],
      [42, 'ContainerExited', 'runtime'],
      [42, 'PodRemoved', 'kubelet'],
    ]);
  });

  it('a second delete during a long preStop cuts it: the new grace bounds the hook, SIGKILL 2 s after', () => {
    // first kill: preStop of 100 s bounded by 60 (SIGTERM at 65, SIGKILL at 67); at 15 a 5 s grace: hook 15–20, SIGKILL at 22
    const events = run([node('n1'), hooked(60), deleted('web', 5, 60), deleted('web', 15, 5)], drains(100_000), 100);
    expect(story(events)).toEqual([
      [5, 'ContainerKilling', 'PodDeleted 60s'],
      [15, 'ContainerKilling', 'PodDeleted 5s'],
      [22, 'ContainerExited', 'runtime'],
      [22, 'PodRemoved', 'kubelet'],
    ]);
  });
});

describe('a pod that finishes while a sidecar’s probe kill is in flight', () => {
  it('stops the sidecar with the pod’s grace when that is shorter than the probe’s', () => {
    const sidecar = { name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' as const, ...liveness({ initialDelaySeconds: 5, periodSeconds: 5, terminationGracePeriodSeconds: 60 }) };
    const pod = created({ metadata: { name: 'job' }, spec: { restartPolicy: 'Never', terminationGracePeriodSeconds: 10, initContainers: [sidecar], containers: [{ name: 'app', image: 'app:1' }] } });
    const w = world({ ...failsLiveness, containerRun: (_p, name) => (name === 'app' ? { exit: { afterMs: 10_000, code: 0 } } : {}) });
    expect(story(run([node('n1'), pod], w, 100))).toEqual([
      [5, 'ContainerKilling', 'LivenessProbeFailed 60s'],
      [10, 'ContainerExited', 'runtime'],
      [11, 'ContainerKilling', 'PodFinished 10s'], // the relist's sync sees the app done
      [21, 'ContainerExited', 'runtime'],
    ]);
  });
});

describe('a second deletion request (BeforeDelete on an object already being deleted)', () => {
  it('with a shorter grace: the kubelet kills again with it', () => {
    const events = run([node('n1'), web(), deleted('web', 10, 30), deleted('web', 15, 10)], ignoresSigterm, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'PodDeleted 30s'],
      [15, 'ContainerKilling', 'PodDeleted 10s'],
      [25, 'ContainerExited', 'runtime'],
      [25, 'PodRemoved', 'kubelet'],
    ]);
  });

  it('with a grace as long or longer: nothing changes', () => {
    const events = run([node('n1'), web(), deleted('web', 10, 30), deleted('web', 15, 30), deleted('web', 20, 60)], ignoresSigterm, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'PodDeleted 30s'],
      [40, 'ContainerExited', 'runtime'],
      [40, 'PodRemoved', 'kubelet'],
    ]);
  });

  it('with grace 0: the object is removed at once and the kubelet stops the container within 2 s', () => {
    const events = run([node('n1'), web(), deleted('web', 10, 30), deleted('web', 15, 0)], ignoresSigterm, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'PodDeleted 30s'],
      [15, 'PodRemoved', 'api'],
      [15, 'ContainerKilling', 'PodDeleted 1s'],
      [17, 'ContainerExited', 'runtime'],
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
