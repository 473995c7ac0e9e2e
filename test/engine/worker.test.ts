import { describe, expect, it } from 'vitest';
import { hashedDraw } from '../../src/engine/kubelet/worker.js';
import { created, node, ofType, offset, podRef, run, times, world } from './harness.js';

const crasher = created({ metadata: { name: 'crasher' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } });
/** Exits 1 a second after every start; the kubelet's jitter draws `u` for every work-queue entry. */
const drawing = (u: number) => world({ containerRun: () => ({ exit: { afterMs: 1000, code: 1 } }), jitter: () => u });

describe('one sync at a time (pod_workers.go :: managePodLoop)', () => {
  const twoContainers = created({
    metadata: { name: 'duo' },
    spec: { containers: [{ name: 'first', image: 'app:1', lifecycle: { postStart: { exec: { command: ['setup'] } } } }, { name: 'second', image: 'app:1' }] },
  });

  it('a relist while a sync is blocked in a postStart hook only leaves a pending update: no second sync until the hook returns', () => {
    // the relist at +1 s sees `first` started; the sync that started it is still inside startContainer's hook
    const events = run([node('n1'), twoContainers], world({ postStart: () => ({ durationMs: 5000 }) }), 10);
    expect(times(events, 'ContainerStarted', 'first')).toEqual([0]);
    expect(times(events, 'ContainerStarted', 'second')).toEqual([5]); // the same sync goes on once the hook returns
    expect(ofType(events, 'PodSynced').map((e) => [offset(e), e.sync])).toEqual([[0, 1], [5, 2]]); // then its on-demand relist
  });

  it('an update that came while the sync was blocked waits for the PLEG status after it returned (GetNewerThan): the next relist', () => {
    // `first`'s hook blocks the sync 5 s (the relist at +1 s sees `first` started: pending); `second` then
    // fails (image absent, pull policy Never), so the sync returns an error and relists nothing on demand
    const failing = created({
      metadata: { name: 'duo' },
      spec: {
        containers: [
          { name: 'first', image: 'app:1', lifecycle: { postStart: { exec: { command: ['setup'] } } } },
          { name: 'second', image: 'absent:1', imagePullPolicy: 'Never' },
        ],
      },
    });
    const events = run([node('n1'), failing], world({ postStart: () => ({ durationMs: 5000 }) }), 10);
    // each sync that tries `second` fails it again (image_manager.go :: EnsureImageExists, ErrImageNeverPull)
    expect(times(events, 'ImagePullFailed', 'second')).toEqual([5, 6]);
    expect(ofType(events, 'PodSynced').map((e) => [offset(e), e.sync])).toEqual([[0, 1], [6, 2]]);
  });
});

describe('the pod worker’s work queue (pod_workers.go :: completeWork, kubelet.go :: syncLoopIteration)', () => {
  it('requeues a sync inside a back-off after wait.Jitter(min(expiry − now, resyncInterval), 0.5), read on the next 1 s tick', () => {
    // each exit is seen by the relist after it: the BackOff syncs at +4 s (10 s, until +13 s), +15 s (20 s),
    // +36 s (40 s), +77 s (80 s, until +156 s)
    const backoffs = (u: number) => ofType(run([node('n1'), crasher], drawing(u), 200), 'ContainerBackOff').map(offset);
    expect(backoffs(0)).toEqual([4, 15, 36, 77, 137, 158]);
    // u = 0.5 stretches each remainder by a quarter: 9 s → 11.25 s (+4 s → +16 s), 19 s → 23.75 s (+18 s → +42 s),
    // 39 s → 48.75 s (+44 s → +93 s), and inside the 80 s back-off (until +174 s) 1m → 75 s (+95 s → +170 s:
    // BackOff again), then its last 4 s → 5 s (+175 s)
    const half = run([node('n1'), crasher], drawing(0.5), 200);
    expect(times(half, 'ContainerStarted')).toEqual([0, 2, 16, 42, 93, 175]);
    expect(ofType(half, 'ContainerBackOff').map(offset)).toEqual([4, 18, 44, 95, 170, 177]);
  });

  it('never restarts before the back-off ends, whatever the draw', () => {
    for (const u of [0, 0.25, 0.999]) {
      const events = run([node('n1'), crasher], drawing(u), 400);
      const exits = times(events, 'ContainerExited');
      const starts = times(events, 'ContainerStarted').slice(2);
      starts.forEach((at, i) => expect(at - (exits[i + 1] ?? 0), `restart ${i + 2} with u = ${u}`).toBeGreaterThanOrEqual(10 * 2 ** i));
    }
  });

  it('numbers each sync, so two syncs at one instant are two facts (kubelet.go :: SyncPod, pod_workers.go :: completeWork)', () => {
    // the first sync starts the container and relists the pod at once (PLEGOnDemandRelist): the sync that
    // follows publishes it and runs its readiness probe (UpdatePodStatus); the passing result syncs the pod
    // again (handleProbeSync), once the PLEG has a status newer than that sync (podCache.GetNewerThan(uid,
    // lastSyncTime) in managePodLoop): the next relist, at +1 s
    const web = created({ metadata: { name: 'web' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } }] } });
    const synced = ofType(run([node('n1'), web], world(), 5), 'PodSynced');
    expect(synced.map((e) => [offset(e), e.sync])).toEqual([[0, 1], [0, 2], [1, 3]]);
  });

  it('draws the jitter from the pod and its sync when the world leaves it unset: spread over [0, 1), the same every run', () => {
    const draws = Array.from({ length: 2000 }, (_, k) => hashedDraw(podRef('crasher'), k % 50, Math.floor(k / 50)));
    expect(draws.every((u) => u >= 0 && u < 1)).toBe(true);
    const quarters = [0, 1, 2, 3].map((q) => draws.filter((u) => Math.floor(u * 4) === q).length);
    quarters.forEach((n) => expect(n).toBeGreaterThan(400));
    const { jitter: _, ...unset } = drawing(0);
    expect(run([node('n1'), crasher], unset, 400)).toEqual(run([node('n1'), crasher], unset, 400));
  });
});
