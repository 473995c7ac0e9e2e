import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { msOf } from '../../src/k8s/codecs.js';
import type { Container } from '../../src/k8s/pod.js';
import { kubectlRow } from '../../src/printers/pod-row.js';
import { foldCluster } from '../../src/reducers/index.js';
import { created, deleted, node, run, s, world } from './harness.js';

/** `kubectl get pods` STATUS, READY and RESTARTS of one pod at `t` seconds, from the reducers' fold of the engine's events. */
const rowAt = (events: readonly Event[], name: string, t: number): string => {
  const cluster = foldCluster(events.filter((e) => msOf(e.at) <= s(t)));
  const pod = [...cluster.pods.values()].find((p) => p.pod.metadata.name === name)?.pod;
  if (pod === undefined) return '<gone>';
  const row = kubectlRow(pod, new Date(s(t)));
  return `${row.status} ${row.ready} ${row.restarts}`;
};

/** Every row `kubectl get pods -w` would print during the instant `t`: one per status published then, in order. */
const rowsDuring = (events: readonly Event[], name: string, t: number): string[] => {
  const rows = events.flatMap((e, i) => (msOf(e.at) === s(t) && e.type === 'PodSynced' ? [i] : [])).map((i) => {
    const pod = [...foldCluster(events.slice(0, i + 1)).pods.values()].find((p) => p.pod.metadata.name === name)?.pod;
    if (pod === undefined) return '<gone>';
    const row = kubectlRow(pod, new Date(s(t)));
    return `${row.status} ${row.ready} ${row.restarts}`;
  });
  return rows.filter((row, k) => row !== rows[k - 1]);
};

const c = (name: string, extra: Partial<Container> = {}): Container => ({ name, image: 'busybox:1.36', ...extra });

describe('what kubectl shows along the engine’s stories', () => {
  it('crash loop: each state shows from the sync that publishes it (kubelet.go :: SyncPod, kubelet_pods.go :: convertToAPIContainerStatuses)', () => {
    const pod = created({ metadata: { name: 'crasher' }, spec: { containers: [c('app')] } });
    const events = run([node('n1'), pod], world({ containerRun: () => ({ exit: { afterMs: 3000, code: 1 } }) }), 60);
    // the first sync publishes ContainerCreating, then starts the container and relists the pod at once
    // (PLEGOnDemandRelist): the sync that relist triggers shows it running at the same instant
    expect(rowsDuring(events, 'crasher', 0)).toEqual(['ContainerCreating 0/1 0', 'Running 1/1 0']);
    expect(rowAt(events, 'crasher', 2)).toBe('Running 1/1 0');
    // dies at +3 s: the relist's sync (+4 s) publishes Error, then restarts it at once (no back-off yet)
    expect(rowsDuring(events, 'crasher', 4)).toEqual(['Error 0/1 0', 'Running 1/1 1 (1s ago)']);
    expect(rowAt(events, 'crasher', 5.5)).toBe('Running 1/1 1 (2s ago)');
    // dies at +7 s: Error from +8 s; that sync caches CrashLoopBackOff, which the next sync (+17 s, the expiry)
    // shows before it restarts the container, published running at that instant too
    expect(rowAt(events, 'crasher', 10)).toBe('Error 0/1 1 (7s ago)');
    expect(rowsDuring(events, 'crasher', 17)).toEqual(['CrashLoopBackOff 0/1 1 (10s ago)', 'Running 1/1 2 (10s ago)']);
    expect(rowAt(events, 'crasher', 18.5)).toBe('Running 1/1 2 (11s ago)');
  });

  it('init containers: Init:0/2, Init:1/2, then Running', () => {
    const pod = created({ metadata: { name: 'init' }, spec: { initContainers: [c('a'), c('b')], containers: [c('app')] } });
    const w = world({ containerRun: (_p, name) => (name === 'app' ? {} : { exit: { afterMs: 10_000, code: 0 } }) });
    const events = run([node('n1'), pod], w, 60);
    expect([5, 15, 25].map((t) => rowAt(events, 'init', t))).toEqual(['Init:0/2 0/1 0', 'Init:1/2 0/1 0', 'Running 1/1 0']);
  });

  it('bad image: ContainerCreating, then ErrImagePull and ImagePullBackOff at later syncs (image_manager.go :: EnsureImageExists, pod_workers.go :: completeWork)', () => {
    const pod = created({ metadata: { name: 'bad' }, spec: { containers: [c('app', { image: 'nginx:nope' })] } });
    const events = run([node('n1'), pod], world({ pull: () => ({ ok: false, message: 'not found' }) }), 60);
    // the relist sees the new sandbox (pleg/generic.go :: getContainersFromPods): its sync at +1 shows
    // ErrImagePull and finds the 10 s back-off running; the retry 10 s later shows ImagePullBackOff and pulls
    // again (back-off over), the next finds the 20 s one running (ImagePullBackOff, shown from the sync after)
    expect([0.5, 5, 15, 25, 35, 45].map((t) => rowAt(events, 'bad', t))).toEqual([
      'ContainerCreating 0/1 0',
      'ErrImagePull 0/1 0',
      'ImagePullBackOff 0/1 0',
      'ErrImagePull 0/1 0',
      'ImagePullBackOff 0/1 0',
      'ErrImagePull 0/1 0',
    ]);
  });

  it('completed command: Completed under Never', () => {
    const pod = created({ metadata: { name: 'job' }, spec: { restartPolicy: 'Never', containers: [c('app')] } });
    const events = run([node('n1'), pod], world({ containerRun: () => ({ exit: { afterMs: 3000, code: 0 } }) }), 10);
    expect(rowAt(events, 'job', 5)).toBe('Completed 0/1 0');
  });

  it('graceful deletion: Terminating until the kubelet removes the pod', () => {
    const pod = created({ metadata: { name: 'web' }, spec: { containers: [c('app')] } });
    const events = run([node('n1'), pod, deleted('web', 10, 30)], world({ onSigterm: () => undefined }), 60);
    expect(rowAt(events, 'web', 20)).toBe('Terminating 1/1 0');
    expect(rowAt(events, 'web', 41)).toBe('<gone>');
  });

  it('evicted pod: Failed with reason Evicted; its killed container (143) shows Error, as kubectl lets a container reason win', () => {
    const pod = created({ metadata: { name: 'hog' }, spec: { containers: [c('app')] } });
    const w = world({ memoryBytes: () => 1n << 30n, onSigterm: () => ({ afterMs: 100, code: 143 }) });
    const events = run([node('n1', { cpu: '2', memory: '1Gi', pods: '110' }), pod], w, 20);
    expect(rowAt(events, 'hog', 5)).toBe('Error 0/1 0');
    const status = [...foldCluster(events).pods.values()][0]?.pod.status;
    expect([status?.phase, status?.reason]).toEqual(['Failed', 'Evicted']);
  });

  it('OOMKilled, then CrashLoopBackOff', () => {
    const limits = { memory: '64Mi' };
    const pod = created({ metadata: { name: 'leak' }, spec: { containers: [c('app', { resources: { limits, requests: limits } })] } });
    const events = run([node('n1'), pod], world({ memoryBytes: (_p, _c, now, started) => (now - started >= 5000 ? 1n << 27n : 0n) }), 40);
    // OOM at +5 s, shown by the relist's sync (+6 s), restarted then and published at once; OOM again at +11 s,
    // shown at +12 s with the back-off cached, which the sync at its expiry (+21 s) shows before it restarts
    expect(rowsDuring(events, 'leak', 6)).toEqual(['OOMKilled 0/1 0', 'Running 1/1 1 (1s ago)']);
    expect(rowAt(events, 'leak', 12)).toBe('OOMKilled 0/1 1 (7s ago)');
    expect(rowsDuring(events, 'leak', 21)).toEqual(['CrashLoopBackOff 0/1 1 (10s ago)', 'Running 1/1 2 (10s ago)']);
  });
});
