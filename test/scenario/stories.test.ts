/**
 * Each sample simulates deterministically and its story holds: the facts its header comment promises
 * (restart instants, final phases, what `get pods` shows at key instants), checked on the engine's events
 * folded by the reducers and printed by `kubectlRow`.
 */
import { describe, expect, it } from 'vitest';
import type { Event, EventOf } from '../../src/events/index.js';
import type { KubectlRow } from '../../src/printers/pod-row.js';
import { simulate } from '../../src/engine/simulate.js';
import { type Story, loadSample, storyOf } from './support.js';

const cells = (row: KubectlRow | undefined) => (row === undefined ? undefined : [row.ready, row.status, row.restarts]);
/** `get pods` cells of one pod at several offsets, each failure naming the instant. */
const expectCells = (story: Story, pod: string, expected: Readonly<Record<string, readonly string[]>>) => {
  for (const [offset, row] of Object.entries(expected)) expect(cells(story.rows(offset)[pod]), `${pod} at +${offset}`).toEqual(row);
};
const table = (rows: Readonly<Record<string, KubectlRow>>) =>
  Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, cells(row)]));

/** Offsets (s) of the events of `type` about `pod` (and `container` if given). */
const offsets = <K extends Event['type']>(
  story: Story,
  type: K,
  pod: string,
  where: (e: EventOf<K>) => boolean = () => true,
): number[] =>
  story.events
    .filter((e): e is EventOf<K> => e.type === type && 'pod' in e && e.pod.name === pod)
    .filter(where)
    .map((e) => story.offsetOf(e.at));

describe('every sample simulates deterministically', () => {
  it.each([
    'crashloop-memleak',
    'liveness-exec',
    'liveness-http',
    'goproxy',
    'readiness-exec',
    'stress-within-limits',
    'bad-image',
    'init-containers',
    'two-containers',
    'command-completes',
    'lifecycle-demo',
    'memory-pressure',
    'unschedulable',
    'job-restart-policies',
    'node-lost',
    'pod-demo-labels',
  ])('%s gives deep-equal events twice', (name) => {
    const once = simulate(loadSample(name).simulation);
    expect(once.length).toBeGreaterThan(loadSample(name).simulation.external.length);
    expect(simulate(loadSample(name).simulation)).toEqual(once);
  });
});

describe('crashloop-memleak', () => {
  const story = storyOf('crashloop-memleak');

  it('is OOMKilled 17 s into every run and restarted at once, then after 10, 20, 40, 80, 160 s', () => {
    expect(offsets(story, 'ContainerStarted', 'memleak-pod')).toEqual([1, 19, 47, 85, 143, 241, 419]);
    const exits = story.events.filter((e): e is EventOf<'ContainerExited'> => e.type === 'ContainerExited');
    expect(exits.map((e) => [story.offsetOf(e.at), e.exitCode, e.reason])).toEqual(
      [18, 36, 64, 102, 160, 258, 436].map((at) => [at, 137, 'OOMKilled']),
    );
    expect(story.events.flatMap((e) => (e.type === 'ContainerBackOff' ? [e.delaySeconds] : []))).toEqual([10, 20, 40, 80, 160, 300]);
  });

  it('shows what its story says, Guaranteed and Running throughout', () => {
    expectCells(story, 'memleak-pod', {
      '10s': ['1/1', 'Running', '0'],
      '20s': ['1/1', 'Running', '1 (2s ago)'],
      '40s': ['0/1', 'CrashLoopBackOff', '1 (4s ago)'],
      '5m': ['0/1', 'CrashLoopBackOff', '5 (42s ago)'],
      '10m': ['0/1', 'CrashLoopBackOff', '6 (2m44s ago)'],
    });
    const pod = story.pod('10m', 'memleak-pod');
    expect(pod?.status?.qosClass).toBe('Guaranteed');
    expect(pod?.status?.phase).toBe('Running');
    expect(pod?.status?.containerStatuses?.[0]?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });
});

describe('liveness-exec', () => {
  const story = storyOf('liveness-exec');

  it('is killed after three failed probes at 60, 70 and 80 s into each run, and dies by SIGKILL 30 s later', () => {
    expect(offsets(story, 'ContainerKilling', 'liveness-exec')).toEqual([81, 192, 313, 444, 595]);
    const exits = story.events.filter((e): e is EventOf<'ContainerExited'> => e.type === 'ContainerExited');
    expect(exits.map((e) => [story.offsetOf(e.at), e.exitCode])).toEqual([[111, 137], [222, 137], [343, 137], [474, 137]]);
    expect(story.events.flatMap((e) => (e.type === 'ContainerBackOff' ? [e.delaySeconds] : []))).toEqual([10, 20, 40]);
    expect(offsets(story, 'ContainerStarted', 'liveness-exec')).toEqual([1, 112, 233, 364, 515]);
  });

  it('shows what its story says', () => {
    expectCells(story, 'liveness-exec', {
      '30s': ['1/1', 'Running', '0'],
      '2m': ['1/1', 'Running', '1 (9s ago)'],
      '4m': ['1/1', 'Running', '2 (18s ago)'],
      '10m': ['1/1', 'Running', '4 (2m6s ago)'],
    });
  });
});

describe('liveness-http', () => {
  const story = storyOf('liveness-http');

  it('restarts once, after failures at +2m1s, +2m3s and +2m5s, with a clean exit', () => {
    const failures = offsets(story, 'ProbeExecuted', 'liveness-http', (e) => e.outcome === 'failure');
    expect(failures).toEqual([121, 123, 125]);
    expect(offsets(story, 'ContainerKilling', 'liveness-http')).toEqual([125]);
    expect(offsets(story, 'ContainerStarted', 'liveness-http')).toEqual([0, 125]);
    const exits = story.events.filter((e): e is EventOf<'ContainerExited'> => e.type === 'ContainerExited');
    expect(exits.map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
  });

  it('shows what its story says', () => {
    expectCells(story, 'liveness-http', {
      '1m': ['1/1', 'Running', '0'],
      '3m': ['1/1', 'Running', '1 (55s ago)'],
      '10m': ['1/1', 'Running', '1 (7m55s ago)'],
    });
  });
});

describe('goproxy', () => {
  const story = storyOf('goproxy');

  it('is Ready, NotReady while hung, restarted by liveness, and Ready again', () => {
    const changes = story.events.flatMap((e) =>
      e.type === 'ProbeResultChanged' ? [[story.offsetOf(e.at), e.probe, e.outcome]] : [],
    );
    expect(changes).toEqual([
      [6, 'readiness', 'success'],
      [206, 'readiness', 'failure'],
      [236, 'liveness', 'failure'],
      [241, 'readiness', 'success'],
    ]);
    expect(offsets(story, 'ContainerKilling', 'goproxy')).toEqual([236]);
    expectCells(story, 'goproxy', {
      '1m': ['1/1', 'Running', '0'],
      '3m40s': ['0/1', 'Running', '0'],
      '5m': ['1/1', 'Running', '1 (64s ago)'],
    });
  });
});

describe('readiness-exec', () => {
  const story = storyOf('readiness-exec');

  it('goes NotReady and Ready again on its loop, never restarted', () => {
    expectCells(story, 'readiness-exec', {
      '20s': ['0/1', 'Running', '0'],
      '1m': ['1/1', 'Running', '0'],
      '5m50s': ['0/1', 'Running', '0'],
      '7m': ['1/1', 'Running', '0'],
    });
    const changes = story.events.flatMap((e) => (e.type === 'ProbeResultChanged' ? [[story.offsetOf(e.at), e.outcome]] : []));
    expect(changes).toEqual([
      [31, 'success'],
      [341, 'failure'],
      [361, 'success'],
      [671, 'failure'],
      [691, 'success'],
    ]);
    expect(offsets(story, 'ContainerKilling', 'readiness-exec')).toEqual([]);
  });
});

describe('stress-within-limits', () => {
  it('runs untouched, Burstable, under its limit', () => {
    const story = storyOf('stress-within-limits');
    expect(cells(story.rows('10m')['stress-pod'])).toEqual(['1/1', 'Running', '0']);
    expect(story.pod('10m', 'stress-pod')?.status?.qosClass).toBe('Burstable');
    expect(story.events.some((e) => e.type === 'ContainerExited' || e.type === 'PodEvicted')).toBe(false);
  });
});

describe('bad-image', () => {
  const story = storyOf('bad-image');

  it('backs off a missing image forever and runs the flaky one on its third pull', () => {
    expect(cells(story.rows('5s')['bad-pod'])).toEqual(['0/1', 'ImagePullBackOff', '0']);
    expect(cells(story.rows('10m')['bad-pod'])?.[1]).toMatch(/^(ImagePullBackOff|ErrImagePull)$/);
    expect(story.pod('10m', 'bad-pod')?.status?.phase).toBe('Pending');
    const delays = story.events.flatMap((e) => (e.type === 'ImagePullBackOff' && e.pod.name === 'bad-pod' ? [e.delaySeconds] : []));
    expect(delays.slice(0, 6)).toEqual([10, 20, 40, 80, 160, 300]);
    expect(offsets(story, 'ImagePullFailed', 'flaky-pod')).toEqual([0, 10]);
    expect(offsets(story, 'ContainerStarted', 'flaky-pod')).toEqual([31]);
    expect(cells(story.rows('1m')['flaky-pod'])).toEqual(['1/1', 'Running', '0']);
  });
});

describe('init-containers', () => {
  it('goes Init:0/2 → Init:1/2 → PodInitializing → Running as the services appear', () => {
    const story = storyOf('init-containers');
    expectCells(story, 'myapp-pod', {
      '30s': ['0/1', 'Init:0/2', '0'],
      '1m30s': ['0/1', 'Init:1/2', '0'],
    });
    expect(offsets(story, 'ContainerExited', 'myapp-pod')).toEqual([60, 120]);
    expect(cells(story.rows('2m1s')['myapp-pod'])).toEqual(['0/1', 'PodInitializing', '0']);
    expect(offsets(story, 'ContainerStarted', 'myapp-pod', (e) => e.container === 'myapp-container')).toEqual([123]);
    expect(cells(story.rows('3m')['myapp-pod'])).toEqual(['1/1', 'Running', '0']);
  });
});

describe('two-containers', () => {
  it('shows 1/2 NotReady once the helper has completed under Never', () => {
    const story = storyOf('two-containers');
    expectCells(story, 'two-containers', {
      '10s': ['1/2', 'NotReady', '0'],
      '5m': ['1/2', 'NotReady', '0'],
    });
    expect(story.pod('5m', 'two-containers')?.status?.phase).toBe('Running');
  });
});

describe('command-completes', () => {
  it('completes under OnFailure: Succeeded, Completed, not restarted', () => {
    const story = storyOf('command-completes');
    expectCells(story, 'command-demo', {
      '500ms': ['0/1', 'ContainerCreating', '0'],
      '30s': ['0/1', 'Completed', '0'],
    });
    expect(story.pod('30s', 'command-demo')?.status?.phase).toBe('Succeeded');
  });
});

describe('lifecycle-demo', () => {
  const story = storyOf('lifecycle-demo');

  it('runs postStart before counting as running, and terminates gracefully', () => {
    expectCells(story, 'lifecycle-demo', {
      '1m': ['1/1', 'Running', '0'],
      '2m2s': ['1/1', 'Terminating', '0'],
    });
    const exit = story.events.find((e) => e.type === 'ContainerExited' && e.pod.name === 'lifecycle-demo');
    expect(exit && [story.offsetOf(exit.at), exit.type === 'ContainerExited' && exit.exitCode]).toEqual([125, 0]);
    expect(offsets(story, 'PodRemoved', 'lifecycle-demo')).toEqual([125]);
  });

  it('gives a preStop that overruns the grace 2 s of SIGTERM, then SIGKILL', () => {
    const exit = story.events.find((e) => e.type === 'ContainerExited' && e.pod.name === 'nginx-srv');
    expect(exit && [story.offsetOf(exit.at), exit.type === 'ContainerExited' && exit.exitCode]).toEqual([152, 137]);
    expect(cells(story.rows('2m20s')['nginx-srv'])).toEqual(['1/1', 'Terminating', '0']);
    expect(story.rows('2m20s')['lifecycle-demo']).toBeUndefined();
    expect(story.rows('3m')).toEqual({});
  });
});

describe('memory-pressure', () => {
  it('evicts the BestEffort pod only, with the kubelet message', () => {
    const story = storyOf('memory-pressure');
    expect(table(story.rows('1m'))).toEqual({
      'qos-demo': ['1/1', 'Running', '0'],
      'qos-demo-2': ['1/1', 'Running', '0'],
      'qos-demo-3': ['1/1', 'Running', '0'],
    });
    const evicted = story.events.filter((e): e is EventOf<'PodEvicted'> => e.type === 'PodEvicted');
    expect(evicted.map((e) => e.pod.name)).toEqual(['qos-demo-3']);
    expect(story.offsetOf(evicted[0]!.at)).toBe(150);
    expect(evicted[0]!.message).toBe(
      'The node was low on resource: memory. Threshold quantity: 200Mi, available: 178Mi. ' +
        'Container qos-demo-3-ctr was using 1540Mi, request is 0, has larger consumption of memory. ',
    );
    const pod = story.pod('5m', 'qos-demo-3');
    expect([pod?.status?.phase, pod?.status?.reason, pod?.status?.qosClass]).toEqual(['Failed', 'Evicted', 'BestEffort']);
    expect(cells(story.rows('5m')['qos-demo'])).toEqual(['1/1', 'Running', '0']);
    expect(cells(story.rows('5m')['qos-demo-2'])).toEqual(['1/1', 'Running', '0']);
    expect(cells(story.rows('5m')['qos-demo-3'])).toEqual(['0/1', 'Completed', '0']);
  });
});

describe('unschedulable', () => {
  it('stays Pending with the scheduler message until node02 joins', () => {
    const story = storyOf('unschedulable');
    expect(table(story.rows('1m'))).toEqual({ 'big-pod': ['0/1', 'Pending', '0'], 'ssd-pod': ['0/1', 'Pending', '0'] });
    const reasons = story.events.flatMap((e) => (e.type === 'PodUnschedulable' ? [[e.pod.name, e.message]] : []));
    expect(reasons.find(([name]) => name === 'big-pod')?.[1]).toMatch(/^0\/1 nodes are available: 1 Insufficient memory\./);
    expect(reasons.find(([name]) => name === 'ssd-pod')?.[1]).toMatch(/^0\/1 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector\./);
    const bound = story.events.flatMap((e) => (e.type === 'PodBound' ? [[e.pod.name, e.node, story.offsetOf(e.at)]] : []));
    expect(bound).toEqual([
      ['big-pod', 'node02', 120],
      ['ssd-pod', 'node02', 120],
    ]);
    expect(table(story.rows('3m'))).toEqual({ 'big-pod': ['1/1', 'Running', '0'], 'ssd-pod': ['1/1', 'Running', '0'] });
  });
});

describe('job-restart-policies', () => {
  it('completes after two restarts under OnFailure and fails at once under Never', () => {
    const story = storyOf('job-restart-policies');
    expect(offsets(story, 'ContainerStarted', 'pi-onfailure')).toEqual([1, 6, 21]);
    expect(offsets(story, 'ContainerStarted', 'pi-never')).toEqual([1]);
    expect(offsets(story, 'ContainerExited', 'pi-onfailure')).toEqual([6, 11, 26]);
    expect(table(story.rows('1m'))).toEqual({
      'pi-onfailure': ['0/1', 'Completed', '2 (49s ago)'],
      'pi-never': ['0/1', 'Error', '0'],
    });
    expect(story.pod('1m', 'pi-onfailure')?.status?.phase).toBe('Succeeded');
    expect(story.pod('1m', 'pi-never')?.status?.phase).toBe('Failed');
  });
});

describe('node-lost', () => {
  const story = storyOf('node-lost');

  it('loses Ready, and turns Unknown when the taint manager deletes it after the 300 s toleration', () => {
    expect(table(story.rows('30s'))).toEqual({ web: ['1/1', 'Running', '0'], spare: ['1/1', 'Running', '0'] });
    expect(cells(story.rows('2m').web)).toEqual(['1/1', 'Running', '0']);
    expect(story.pod('2m', 'web')?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(offsets(story, 'PodDeletionRequested', 'web')).toEqual([360, 480]);
    expect(cells(story.rows('7m').web)).toEqual(['1/1', 'Unknown', '0']);
    expect(story.pod('7m', 'web')?.status?.reason).toBe('NodeLost');
  });

  // Engine gap at the time of writing: a force delete (grace 0) of a pod that is already terminating does
  // not remove it (section i: a delete with grace 0 removes the object at once). Drop `.fails` when it does.
  it.fails('is gone once force-deleted at +8m', () => {
    expect(offsets(story, 'PodRemoved', 'web')).toEqual([480]);
    expect(table(story.rows('9m'))).toEqual({ spare: ['1/1', 'Running', '0'] });
  });
});

describe('pod-demo-labels', () => {
  it('keeps running 2/2 while its labels change', () => {
    const story = storyOf('pod-demo-labels');
    expect(cells(story.rows('6m')['pod-demo'])).toEqual(['2/2', 'Running', '0']);
    expect(story.pod('3m30s', 'pod-demo')?.metadata.labels).toEqual({ app: 'myapp', tier: 'frontend' });
    expect(story.pod('6m', 'pod-demo')?.metadata.labels).toEqual({ app: 'pod-demo', rel: 'stable' });
  });
});
