import { describe, expect, it } from 'vitest';
import type { Container } from '../../src/k8s/pod.js';
import { created, deleted, node, ofType, offset, run, times, world } from './harness.js';

const app = (extra: Partial<Container> = {}): Container => ({ name: 'app', image: 'nginx:1.27', ...extra });
const pod = (c: Container = app(), restartPolicy: 'Always' | 'Never' = 'Always') =>
  created({ metadata: { name: 'web' }, spec: { restartPolicy, terminationGracePeriodSeconds: 30, containers: [c] } });
const preStop = { preStop: { exec: { command: ['sleep', '40'] } } };
const ignoresSigterm = world({ onSigterm: () => undefined });

const story = (events: ReturnType<typeof run>) =>
  events.filter((e) => ['ContainerKilling', 'ContainerExited', 'PodRemoved'].includes(e.type)).map((e) => [offset(e), e.type, e.source]);

describe('graceful deletion (killContainer, canBeDeleted)', () => {
  // the final delete comes with SyncTerminatedPod, which waits for the PLEG relist after the terminating sync
  // (pod_workers.go :: podWorkerLoop, podCache.GetNewerThan): the 1 s relist after the last exit
  it('stops the container with SIGTERM, SIGKILL (137) at the end of the grace, then the kubelet removes the pod at the next relist', () => {
    const events = run([node('n1'), pod(), deleted('web', 10, 30)], ignoresSigterm, 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'kubelet'],
      [40, 'ContainerExited', 'runtime'],
      [41, 'PodRemoved', 'kubelet'],
    ]);
    const kill = ofType(events, 'ContainerKilling')[0];
    expect(kill && [kill.reason, kill.message, kill.gracePeriodSeconds]).toEqual(['PodDeleted', 'Stopping container app', 30]);
    expect(ofType(events, 'ContainerExited')[0]?.exitCode).toBe(137);
  });

  it('a process that honours SIGTERM ends the deletion early', () => {
    const w = world({ onSigterm: () => ({ afterMs: 1500, code: 0 }) });
    expect(story(run([node('n1'), pod(), deleted('web', 10, 30)], w, 100)).map(([t]) => t)).toEqual([10, 11.5, 12]);
  });

  it('runs preStop first, bounded by the grace, and still gives SIGTERM at least 2 s (+2 s when preStop overruns)', () => {
    const w = world({ onSigterm: () => undefined, preStop: () => ({ durationMs: 40_000 }) });
    const events = run([node('n1'), pod(app({ lifecycle: preStop })), deleted('web', 10, 30)], w, 100);
    expect(times(events, 'ContainerExited')).toEqual([42]);
    expect(times(events, 'PodRemoved')).toEqual([43]);
  });

  it("subtracts preStop's whole seconds from the grace", () => {
    const w = world({ onSigterm: () => undefined, preStop: () => ({ durationMs: 5_500 }) });
    // SIGTERM at 15.5 s with 30 − 5 = 25 s left
    expect(times(run([node('n1'), pod(app({ lifecycle: preStop })), deleted('web', 10, 30)], w, 100), 'ContainerExited')).toEqual([40.5]);
  });

  it('a preStop sleep action takes its own seconds, whatever the world says of hooks (lifecycle/handlers.go :: runSleepHandler)', () => {
    // the world's hooks return at once; the sleep still holds SIGTERM 12 s, then the default handler ends it
    const sleeps = (seconds: number) => app({ lifecycle: { preStop: { sleep: { seconds } } } });
    expect(times(run([node('n1'), pod(sleeps(12)), deleted('web', 10, 30)], world(), 100), 'ContainerExited')).toEqual([22]);
    // longer than the grace: cut at 30 s, and SIGTERM still gets its 2 s (ignored: SIGKILL at +42)
    expect(times(run([node('n1'), pod(sleeps(45)), deleted('web', 10, 30)], ignoresSigterm, 100), 'ContainerExited')).toEqual([42]);
  });

  it('restarts nothing during deletion', () => {
    const w = world({ containerRun: () => ({ exit: { afterMs: 1000, code: 1 } }) });
    const events = run([node('n1'), pod(), deleted('web', 5, 30)], w, 100);
    // the exit at +1 s is seen by the relist after it (+2 s), which restarts it; none after the deletion
    expect(times(events, 'ContainerStarted')).toEqual([0, 2]);
    expect(times(events, 'PodRemoved')).toEqual([6]);
  });

  it('force deletion (grace 0) removes the object at once; the kubelet stops the container with 1 s, raised to a 2 s window', () => {
    const events = run([node('n1'), pod(), deleted('web', 10, 0)], ignoresSigterm, 100);
    expect(story(events)).toEqual([
      [10, 'PodRemoved', 'api'],
      [10, 'ContainerKilling', 'kubelet'],
      [12, 'ContainerExited', 'runtime'],
    ]);
    expect(ofType(events, 'ContainerKilling')[0]?.gracePeriodSeconds).toBe(1);
  });

  it('force deletion bounds preStop by that 1 s, and still leaves SIGTERM its 2 s', () => {
    const w = world({ onSigterm: () => undefined, preStop: () => ({ durationMs: 40_000 }) });
    expect(times(run([node('n1'), pod(app({ lifecycle: preStop })), deleted('web', 10, 0)], w, 100), 'ContainerExited')).toEqual([13]);
  });

  it('an unbound pod is removed at once', () => {
    const events = run([pod(), deleted('web', 10, 30)], world(), 100);
    expect(story(events)).toEqual([[10, 'PodRemoved', 'api']]);
  });

  it('a finished pod is removed at once', () => {
    const w = world({ containerRun: () => ({ exit: { afterMs: 1000, code: 0 } }) });
    const events = run([node('n1'), pod(app(), 'Never'), deleted('web', 10, 30)], w, 100);
    expect(story(events)).toEqual([
      [1, 'ContainerExited', 'runtime'],
      [10, 'PodRemoved', 'api'],
    ]);
  });

  it('a pod that ran when deleted is removed by its kubelet, even when its containers then finish under Never', () => {
    const events = run([node('n1'), pod(app(), 'Never'), deleted('web', 10, 30)], world({ onSigterm: () => ({ afterMs: 1000, code: 0 }) }), 100);
    expect(story(events)).toEqual([
      [10, 'ContainerKilling', 'kubelet'],
      [11, 'ContainerExited', 'runtime'],
      [12, 'PodRemoved', 'kubelet'],
    ]);
  });
});

/**
 * v1.36's `kubelet.go :: SyncPod` runs the runtime's sync on `context.WithoutCancel(ctx)`: the deletion's
 * "Cancelling current pod sync" (`pod_workers.go :: UpdatePod`) reaches neither a pull nor a postStart hook in
 * flight, so the container is created and started first, and `SyncTerminatingPod` stops it after
 * (kubernetes#125050: Pulled, Created, Started, "SyncPod exit", then the terminating sync).
 */
describe('deletion during a container start (SyncPod is not cancelled)', () => {
  it('a pull in flight completes, the container starts, then is killed with the deletion’s grace; the pod stays until then', () => {
    const slowPull = world({ pull: () => ({ ok: true, durationMs: 60_000 }) });
    const events = run([node('n1'), pod(app({ imagePullPolicy: 'Always' })), deleted('web', 10, 30)], slowPull, 100);
    expect(events.filter((e) => ['ImagePulled', 'ContainerStarted', 'ContainerKilling', 'PodRemoved'].includes(e.type)).map((e) => [offset(e), e.type])).toEqual([
      [60, 'ImagePulled'],
      [60, 'ContainerStarted'],
      [60, 'ContainerKilling'],
      [61, 'PodRemoved'],
    ]);
    expect(ofType(events, 'ContainerKilling')[0]?.gracePeriodSeconds).toBe(30);
    expect(ofType(events, 'ImagePullFailed')).toEqual([]);
  });

  it('a postStart hook in flight returns before the terminating sync stops the container', () => {
    const hooked = app({ lifecycle: { postStart: { exec: { command: ['warm-up'] } } } });
    const events = run([node('n1'), pod(hooked), deleted('web', 2, 30)], world({ postStart: () => ({ durationMs: 8000 }) }), 100);
    expect(story(events)).toEqual([
      [8, 'ContainerKilling', 'kubelet'],
      [8, 'ContainerExited', 'runtime'],
      [9, 'PodRemoved', 'kubelet'],
    ]);
  });
});

describe('sidecars during termination (terminationOrdering)', () => {
  it('get their Killing at once but SIGTERM only after the regular containers, in reverse order', () => {
    const sidecar = (name: string): Container => ({ name, image: 'proxy:1', restartPolicy: 'Always' });
    const pod = created({ metadata: { name: 'mesh' }, spec: { initContainers: [sidecar('proxy'), sidecar('logger')], containers: [app()] } });
    const w = world({ onSigterm: (_p, name) => ({ afterMs: name === 'app' ? 5000 : 1000, code: 0 }) });
    const events = run([node('n1'), pod, deleted('mesh', 10, 30)], w, 100);
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.container])).toEqual([
      [10, 'proxy'],
      [10, 'logger'],
      [10, 'app'],
    ]);
    expect(ofType(events, 'ContainerExited').map((e) => [offset(e), e.container])).toEqual([
      [15, 'app'],
      [16, 'logger'],
      [17, 'proxy'],
    ]);
    expect(times(events, 'PodRemoved')).toEqual([18]);
  });
});
