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

  it('never extends a kill: a longer deletion grace leaves the probe kill’s end in place', () => {
    const events = run([node('n1'), web(liveness({ terminationGracePeriodSeconds: 5 })), deleted('web', 12, 30)], failsLiveness, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'LivenessProbeFailed 5s'],
      [12, 'ContainerKilling', 'PodDeleted 30s'],
      [15, 'ContainerExited', 'runtime'],
      [15, 'PodRemoved', 'kubelet'],
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
