/** Container statuses from events: states, waiting reasons, lastState, restartCount, init containers, sidecars. */
import { describe, expect, test } from 'vitest';
import type { ContainerStatus, PodSpec } from '../../src/k8s/pod.js';
import { apiAt, PodScript } from './script.js';

const app: PodSpec = { containers: [{ name: 'app', image: 'app:1' }], restartPolicy: 'Always' };
const only = (p: PodScript): ContainerStatus | undefined => p.must().status?.containerStatuses?.[0];

describe('one container through its life', () => {
  test('default waiting ContainerCreating before anything runs', () => {
    expect(only(new PodScript(app).scheduled())).toEqual({
      name: 'app',
      state: { waiting: { reason: 'ContainerCreating' } },
      lastState: {},
      ready: false,
      restartCount: 0,
      image: 'app:1',
      imageID: '',
      started: false,
    });
  });

  test('a waiting reason an imported status showed is kept, not replaced by the default (convertToAPIContainerStatuses only defaults an unknown state)', () => {
    const p = new PodScript(app).scheduled().waiting('app', 'PodInitializing');
    expect(only(p)?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    p.deleted(30); // no restart is due any more: still what the kubelet showed
    expect(only(p)?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    const failed = new PodScript(app).scheduled().waiting('app', 'PodInitializing').pullFailed('app', 'not found');
    expect(only(failed)?.state).toEqual({ waiting: { reason: 'ErrImagePull', message: 'not found' } });
    failed.waiting('app', 'ContainerCreating');
    expect(only(failed)?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    const ran = new PodScript(app).scheduled().waiting('app', 'PodInitializing').run('app');
    expect(only(ran)?.state?.running).toBeDefined();
  });

  test('created but not started: waiting with no reason; then running with startedAt, imageID and containerID', () => {
    const p = new PodScript(app).scheduled().pulled('app').containerCreated('app');
    expect(only(p)?.state).toEqual({ waiting: {} });
    p.at(9).started('app');
    expect(only(p)).toEqual({
      name: 'app',
      state: { running: { startedAt: apiAt(9) } },
      lastState: {},
      ready: true,
      restartCount: 0,
      image: 'app:1',
      imageID: 'sha256:app',
      containerID: 'containerd://app-1',
      started: true,
      resources: {},
      user: { linux: { uid: 0, gid: 0, supplementalGroups: [0] } },
    });
    expect(p.must().status?.phase).toBe('Running');
  });

  // pkg/kubelet/kuberuntime/kuberuntime_manager.go :: doBackOff: "back-off %s restarting failed container=%s pod=%s",
  // the delay printed by Go's time.Duration.String.
  test.each([
    [10, '10s'],
    [80, '1m20s'],
    [300, '5m0s'],
  ])('a back-off of %d s reads as the kubelet writes it: back-off %s', (seconds, go) => {
    const p = new PodScript(app).scheduled().at(10).run('app');
    p.at(20).exited('app', 1).backOff('app', seconds);
    expect(only(p)?.state?.waiting?.message).toBe(`back-off ${go} restarting failed container=app pod=web_default(uid-web)`);
  });

  test('a crash, the CrashLoopBackOff wait, then the restart: lastState and restartCount', () => {
    const p = new PodScript(app).scheduled().at(10).run('app');
    p.at(20).exited('app', 1);
    expect(only(p)?.state?.terminated).toEqual({
      exitCode: 1,
      reason: 'Error',
      startedAt: apiAt(11),
      finishedAt: apiAt(20),
      containerID: 'containerd://app-1',
    });
    expect(only(p)?.restartCount).toBe(0);
    p.at(21).backOff('app', 10);
    expect(only(p)).toMatchObject({
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=app pod=web_default(uid-web)' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: apiAt(20) } },
      restartCount: 0,
      ready: false,
      started: false,
      containerID: 'containerd://app-1',
    });
    expect(p.must().status?.phase).toBe('Running');
    p.at(31).run('app');
    expect(only(p)).toMatchObject({
      state: { running: { startedAt: apiAt(32) } },
      lastState: { terminated: { exitCode: 1, containerID: 'containerd://app-1' } },
      restartCount: 1,
      containerID: 'containerd://app-2',
      ready: true,
    });
    p.exited('app', 137, 'OOMKilled').backOff('app', 20).run('app');
    expect(only(p)).toMatchObject({ restartCount: 2, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } });
  });

  test('image pull failures: ErrImagePull, ImagePullBackOff, then a successful pull clears them', () => {
    const p = new PodScript(app).scheduled().pullFailed('app', 'failed to pull and unpack image "app:1": not found');
    expect(only(p)?.state).toEqual({ waiting: { reason: 'ErrImagePull', message: 'failed to pull and unpack image "app:1": not found' } });
    p.pullBackOff('app');
    // image_manager.go :: pullImage appends the last pull's error (prevPullErrMsg) to the back-off message
    expect(only(p)?.state).toEqual({
      waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "app:1": ErrImagePull: failed to pull and unpack image "app:1": not found' },
    });
    expect(p.must().status?.phase).toBe('Pending');
    p.pulled('app');
    expect(only(p)?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
  });

  test('under Never a crashed container stays terminated: no waiting reason, no restart', () => {
    const p = new PodScript({ ...app, restartPolicy: 'Never' }).scheduled().run('app').exited('app', 2).backOff('app');
    expect(only(p)?.state?.terminated?.exitCode).toBe(2);
    expect(p.must().status?.phase).toBe('Failed');
    p.run('app');
    expect(only(p)?.restartCount).toBe(0);
  });

  test('under OnFailure an exit 0 completes the container; an exit 1 restarts it', () => {
    const done = new PodScript({ ...app, restartPolicy: 'OnFailure' }).scheduled().run('app').exited('app', 0).run('app');
    expect(only(done)?.state?.terminated?.exitCode).toBe(0);
    expect(done.must().status?.phase).toBe('Succeeded');
    const failed = new PodScript({ ...app, restartPolicy: 'OnFailure' }).scheduled().run('app').exited('app', 1).run('app');
    expect(only(failed)).toMatchObject({ restartCount: 1, state: { running: {} } });
    expect(failed.must().status?.phase).toBe('Running');
  });

  test('a startup probe gates started and ready', () => {
    const p = new PodScript({
      containers: [{ name: 'app', startupProbe: { exec: { command: ['ok'] } }, readinessProbe: { exec: { command: ['ok'] } } }],
    })
      .scheduled()
      .run('app');
    expect(only(p)).toMatchObject({ started: false, ready: false });
    p.probe('app', 'readiness', 'success');
    expect(only(p)).toMatchObject({ started: false, ready: false });
    p.probe('app', 'startup', 'success');
    expect(only(p)).toMatchObject({ started: true, ready: true });
    // A new instance starts with no results: not started, not ready.
    p.exited('app', 1).run('app');
    expect(only(p)).toMatchObject({ started: false, ready: false, restartCount: 1 });
  });

  test('a failed postStart hook shows as PostStartHookError once the killed container is due a restart', () => {
    const p = new PodScript({ containers: [{ name: 'app', lifecycle: { postStart: { exec: { command: ['init'] } } } }] }).scheduled().run('app');
    p.postStart('app', 'exit status 1');
    expect(only(p)?.state?.running).toBeDefined();
    p.killing('app').exited('app', 137);
    expect(only(p)).toMatchObject({
      state: { waiting: { reason: 'PostStartHookError', message: 'exit status 1' } },
      lastState: { terminated: { exitCode: 137 } },
    });
    p.run('app').postStart('app');
    expect(only(p)).toMatchObject({ state: { running: {} }, restartCount: 1 });
  });

  test('signal and message of a termination are kept', () => {
    const p = new PodScript(app).scheduled().run('app');
    p.exit('app', { containerID: p.id('app'), exitCode: 143, reason: 'Error', signal: 15, message: 'terminated by SIGTERM' });
    expect(only(p)?.state?.terminated).toMatchObject({ exitCode: 143, signal: 15, message: 'terminated by SIGTERM' });
  });
});

describe('init containers and sidecars', () => {
  const spec: PodSpec = {
    initContainers: [{ name: 'migrate', image: 'migrate:1' }, { name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }],
    containers: [{ name: 'app', image: 'app:1' }],
    restartPolicy: 'Always',
  };

  test('statuses in spec order, PodInitializing by default, and the pod Pending until initialized', () => {
    const pod = new PodScript(spec).scheduled().must();
    expect(pod.status?.initContainerStatuses?.map((s) => [s.name, s.state?.waiting?.reason])).toEqual([
      ['migrate', 'PodInitializing'],
      ['proxy', 'PodInitializing'],
    ]);
    expect(pod.status?.containerStatuses?.map((s) => [s.name, s.state?.waiting?.reason])).toEqual([['app', 'PodInitializing']]);
    expect(pod.status?.phase).toBe('Pending');
  });

  test('a completed init container stays terminated Completed and ready; the sidecar runs beside the app', () => {
    const p = new PodScript(spec).scheduled().run('migrate').exited('migrate', 0).run('proxy').run('app');
    const pod = p.must();
    expect(pod.status?.initContainerStatuses?.[0]).toMatchObject({ ready: true, started: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(pod.status?.initContainerStatuses?.[1]).toMatchObject({ ready: true, started: true, state: { running: {} } });
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.conditions?.find((c) => c.type === 'ContainersReady')?.status).toBe('True');
  });

  test('a failing init container under Always is retried: CrashLoopBackOff, Pending', () => {
    const p = new PodScript(spec).scheduled().run('migrate').exited('migrate', 1).backOff('migrate');
    const pod = p.must();
    expect(pod.status?.initContainerStatuses?.[0]?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(pod.status?.phase).toBe('Pending');
    p.run('migrate');
    expect(p.must().status?.initContainerStatuses?.[0]?.restartCount).toBe(1);
  });

  test('a failing init container under Never fails the pod; regular containers never start', () => {
    const p = new PodScript({ ...spec, restartPolicy: 'Never' }).scheduled().run('migrate').exited('migrate', 1);
    expect(p.must().status?.phase).toBe('Failed');
    expect(p.must().status?.initContainerStatuses?.[0]?.state?.terminated?.exitCode).toBe(1);
  });

  test('a sidecar that exits non-zero after the app succeeded does not decide the phase (Never)', () => {
    const p = new PodScript({ ...spec, restartPolicy: 'Never' }).scheduled();
    p.run('migrate').exited('migrate', 0).run('proxy').run('app').exited('app', 0);
    expect(p.must().status?.phase).toBe('Running'); // the sidecar still runs
    p.exited('proxy', 137);
    expect(p.must().status?.phase).toBe('Succeeded');
  });

  test('a sidecar is restarted whatever the pod policy', () => {
    const p = new PodScript({ ...spec, restartPolicy: 'Never' }).scheduled();
    p.run('migrate').exited('migrate', 0).run('proxy').run('app').exited('proxy', 1).backOff('proxy').run('proxy');
    expect(p.must().status?.initContainerStatuses?.[1]).toMatchObject({ restartCount: 1, state: { running: {} } });
    expect(p.must().status?.phase).toBe('Running');
  });
});
