/**
 * Each sample simulates deterministically and its story holds: every `get pods` row its header comment
 * promises (checked on the engine's events folded by the reducers and printed by `kubectlRow`), and the
 * facts behind them (restart instants, probe results, exit codes, phases, messages).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import * as E from 'fp-ts/lib/Either.js';
import { decodeEvent, type Event, type EventOf } from '../../src/events/index.js';
import type { KubectlRow } from '../../src/printers/pod-row.js';
import { type Story, loadSample, promisedRows, sampleNames, storyOf } from './support.js';
import { timelineOf } from '../../src/timetravel/timeline.js';

const cells = (row: KubectlRow | undefined) => (row === undefined ? undefined : [row.ready, row.status, row.restarts]);

/** Offsets (s) of the events of `type` about `pod` that satisfy `where`. */
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

const eventsOf = <K extends Event['type']>(story: Story, type: K): EventOf<K>[] =>
  story.events.filter((e): e is EventOf<K> => e.type === type);

describe('every sample', () => {
  it.each(sampleNames)('%s gives deep-equal events twice, each one the journal’s decoder gives back unchanged', (name) => {
    const once = simulate(loadSample(name).simulation);
    expect(once.length).toBeGreaterThan(loadSample(name).simulation.external.length);
    expect(simulate(loadSample(name).simulation)).toEqual(once);
    // `podj simulate` appends the engine's events without decoding them again (src/cli/simulated.ts)
    for (const e of once) expect(decodeEvent(JSON.parse(JSON.stringify(e)))).toEqual(E.right(e));
  });

  it.each(sampleNames)('%s: get pods shows what the header promises, at every instant it names', (name) => {
    const promised = promisedRows(loadSample(name).story);
    expect(promised.length).toBeGreaterThanOrEqual(2);
    const story = storyOf(name);
    for (const offset of new Set(promised.map((row) => row.offset))) {
      const listed = promised.filter((row) => row.offset === offset).flatMap((row) => row.pod ?? []);
      expect(Object.keys(story.rows(offset)).sort(), `the pods at +${offset}`).toEqual(listed.sort());
    }
    for (const row of promised) {
      const rows = story.rows(row.offset);
      if (row.pod === undefined) continue;
      expect(cells(rows[row.pod]), `${row.pod} at +${row.offset}`).toEqual(row.cells);
      if (row.labels !== undefined) {
        const labels = story.pod(row.offset, row.pod)?.metadata.labels ?? {};
        const shown = Object.keys(labels)
          .sort()
          .map((k) => `${k}=${labels[k]}`)
          .join(',');
        expect(shown, `${row.pod} labels at +${row.offset}`).toBe(row.labels);
      }
    }
  });
});

describe('crashloop-memleak', () => {
  const story = storyOf('crashloop-memleak');

  it('is OOMKilled 17 s into every run and restarted at once, then after 10, 20, 40, 80, 160, 300 s and the queue entry’s jitter', () => {
    expect(offsets(story, 'ContainerStarted', 'memleak-pod')).toEqual([1, 20, 49, 89, 152, 251, 440]);
    expect(eventsOf(story, 'ContainerExited').map((e) => [story.offsetOf(e.at), e.exitCode, e.reason])).toEqual(
      [18, 37, 66, 106, 169, 268, 457].map((at) => [at, 137, 'OOMKilled']),
    );
    // one BackOff per sync inside a back-off: the relist's after each OOM, then each queue entry (pod_workers.go :: completeWork)
    const backoffs = eventsOf(story, 'ContainerBackOff').map((e) => [story.offsetOf(e.at), e.delaySeconds, story.offsetOf(e.until)]);
    expect(backoffs).toEqual([
      [38, 10, 47],
      [67, 20, 86],
      [107, 40, 146],
      [170, 80, 249],
      [234, 80, 249],
      [269, 160, 428],
      [336, 160, 428],
      [399, 160, 428],
      [458, 300, 757],
      [544, 300, 757],
    ]);
    // each wait is wait.Jitter(min(expiry − now, 1m), 0.5) after its sync, read on the next one-second tick
    const syncs = [...backoffs.map(([at]) => at as number), ...offsets(story, 'ContainerStarted', 'memleak-pod').slice(2).map((at) => at - 1)].sort((a, b) => a - b);
    for (const [at, , until] of backoffs as [number, number, number][]) {
      const next = syncs.find((t) => t > at) ?? Infinity;
      const wait = Math.min(until - at, 60);
      if (next === Infinity) continue;
      expect(next - at, `the sync after +${at}s`).toBeGreaterThanOrEqual(wait);
      expect(next - at, `the sync after +${at}s`).toBeLessThanOrEqual(Math.ceil(wait * 1.5));
    }
  });

  it('stays a Running, Guaranteed pod whose last state is OOMKilled', () => {
    const pod = story.pod('10m', 'memleak-pod');
    expect([pod?.status?.phase, pod?.status?.qosClass]).toEqual(['Running', 'Guaranteed']);
    expect(pod?.status?.containerStatuses?.[0]?.lastState?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled',
    });
  });
});

describe('liveness-exec', () => {
  it('is killed after three failed probes and restarted in the killing sync (kuberuntime_manager.go :: computePodActions, doBackOff)', () => {
    const story = storyOf('liveness-exec');
    // the probe ticks every 10 s from the pod's first sync (+0s) for every run (prober/worker.go :: run)
    expect(offsets(story, 'ProbeExecuted', 'liveness-exec', (e) => e.outcome === 'failure').slice(0, 6)).toEqual([70, 80, 90, 190, 200, 210]);
    expect(offsets(story, 'ContainerKilling', 'liveness-exec')).toEqual([90, 210, 330, 450, 570]);
    expect(eventsOf(story, 'ContainerExited').map((e) => [story.offsetOf(e.at), e.exitCode])).toEqual([
      [120, 137],
      [240, 137],
      [360, 137],
      [480, 137],
      [600, 137],
    ]);
    // doBackOff looks at the finish before the killed run (120 s earlier): longer than every delay up to 80 s
    expect(eventsOf(story, 'ContainerBackOff')).toEqual([]);
    expect(offsets(story, 'ContainerStarted', 'liveness-exec')).toEqual([1, 121, 241, 361, 481]);
  });
});

describe('liveness-http', () => {
  it('restarts once, after failures at +2m, +2m2s and +2m4s (the worker’s 2 s grid from the first sync), with a clean exit', () => {
    const story = storyOf('liveness-http');
    expect(offsets(story, 'ProbeExecuted', 'liveness-http', (e) => e.outcome === 'failure')).toEqual([120, 122, 124]);
    expect(offsets(story, 'ContainerKilling', 'liveness-http')).toEqual([124]);
    expect(offsets(story, 'ContainerStarted', 'liveness-http')).toEqual([0, 124]);
    expect(eventsOf(story, 'ContainerExited').map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
  });
});

describe('goproxy', () => {
  it('is Ready, NotReady while hung, restarted by liveness, and Ready again (prober_manager.go :: UpdatePodStatus, worker.go :: run)', () => {
    const story = storyOf('goproxy');
    // the sync that starts the container (+1, after a 1 s pull) relists the pod at once (PLEGOnDemandRelist):
    // the sync that relist triggers publishes it and triggers a readiness run inside the 5 s delay: nothing
    // probed, but the ticker restarts from +1, so the first probe is at +11
    expect(offsets(story, 'PodSynced', 'goproxy').slice(0, 2)).toEqual([0, 1]);
    expect(eventsOf(story, 'ProbeResultChanged').map((e) => [story.offsetOf(e.at), e.probe, e.outcome])).toEqual([
      [11, 'readiness', 'success'],
      [201, 'readiness', 'failure'],
      [220, 'liveness', 'failure'],
      [230, 'readiness', 'success'],
    ]);
    expect(offsets(story, 'ContainerKilling', 'goproxy')).toEqual([220]);
  });
});

describe('readiness-exec', () => {
  it('goes NotReady and Ready again on its loop, never restarted', () => {
    const story = storyOf('readiness-exec');
    expect(eventsOf(story, 'ProbeResultChanged').map((e) => [story.offsetOf(e.at), e.outcome])).toEqual([
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
    expect(story.pod('10m', 'stress-pod')?.status?.qosClass).toBe('Burstable');
    expect(story.events.some((e) => e.type === 'ContainerExited' || e.type === 'PodEvicted')).toBe(false);
  });
});

describe('bad-image', () => {
  it('backs off a missing image forever and runs the others once the registry is back or serves the third pull', () => {
    const story = storyOf('bad-image');
    expect(story.pod('10m', 'bad-pod')?.status?.phase).toBe('Pending');
    const windows = new Map(eventsOf(story, 'ImagePullBackOff').filter((e) => e.pod.name === 'bad-pod').map((e) => [e.until, e.delaySeconds]));
    // the sandbox's relist syncs the pod at +1s, inside the first 10 s back-off (pleg/generic.go :: getContainersFromPods)
    expect([...windows.values()]).toEqual([10, 20, 40, 80, 160, 300]);
    expect(offsets(story, 'PodSynced', 'bad-pod').slice(0, 2)).toEqual([0, 1]);
    // each failed sync is retried after wait.Jitter(backOffPeriod = 10 s, 0.5) (pod_workers.go :: completeWork)
    expect(offsets(story, 'ImagePulling', 'bad-pod')).toEqual([0, 15, 40, 88, 175, 337]);
    const retries = offsets(story, 'PodSynced', 'bad-pod').slice(1);
    retries.slice(1).forEach((at, i) => expect(at - (retries[i] ?? 0), `the retry at +${at}s`).toBeGreaterThanOrEqual(10));
    retries.slice(1).forEach((at, i) => expect(at - (retries[i] ?? 0), `the retry at +${at}s`).toBeLessThanOrEqual(15));
    expect(offsets(story, 'ImagePullFailed', 'flaky-pod')).toEqual([0, 15]);
    expect(offsets(story, 'ContainerStarted', 'flaky-pod')).toEqual([40]);
    expect(offsets(story, 'ImagePullFailed', 'retry-pod')).toEqual([0, 16]);
    expect(offsets(story, 'ContainerStarted', 'retry-pod')).toEqual([44]);
  });
});

describe('init-containers', () => {
  it('runs the init containers in order as the services appear, then pulls and starts the app', () => {
    const story = storyOf('init-containers');
    expect(eventsOf(story, 'ContainerStarted').map((e) => [story.offsetOf(e.at), e.container])).toEqual([
      [3, 'init-myservice'],
      [61, 'init-mydb'],
      [124, 'myapp-container'],
    ]);
    expect(eventsOf(story, 'ContainerExited').map((e) => [story.offsetOf(e.at), e.container, e.exitCode])).toEqual([
      [60, 'init-myservice', 0],
      [120, 'init-mydb', 0],
    ]);
  });
});

describe('two-containers', () => {
  it('stays Running with one container Completed under Never', () => {
    const story = storyOf('two-containers');
    expect(story.pod('5m', 'two-containers')?.status?.phase).toBe('Running');
    // SyncPod starts the containers one after the other and EnsureImageExists blocks it: debian's pull waits
    // for nginx's (0-1 s), so debian starts at +2 s
    expect(offsets(story, 'ContainerStarted', 'two-containers', (e) => e.container === 'debian-container')).toEqual([
      2,
    ]);
  });
});

describe('command-completes', () => {
  it('Succeeded without a restart', () => {
    const story = storyOf('command-completes');
    expect(story.pod('30s', 'command-demo')?.status?.phase).toBe('Succeeded');
    expect(offsets(story, 'ContainerStarted', 'command-demo')).toEqual([1]);
  });
});

describe('lifecycle-demo', () => {
  const story = storyOf('lifecycle-demo');
  const exitOf = (pod: string) =>
    eventsOf(story, 'ContainerExited')
      .filter((e) => e.pod.name === pod)
      .map((e) => [story.offsetOf(e.at), e.exitCode]);

  it('counts as running only after postStart, and terminates gracefully after preStop', () => {
    expect(offsets(story, 'PostStartHookSucceeded', 'lifecycle-demo')).toEqual([3]);
    expect(exitOf('lifecycle-demo')).toEqual([[125, 0]]);
    expect(offsets(story, 'PodRemoved', 'lifecycle-demo')).toEqual([126]);
  });

  it('gives a preStop that overruns the grace 2 s of SIGTERM, then SIGKILL', () => {
    expect(exitOf('nginx-srv')).toEqual([[152, 137]]);
    expect(offsets(story, 'PodRemoved', 'nginx-srv')).toEqual([153]);
  });
});

describe('memory-pressure', () => {
  it('evicts the BestEffort pod only, with the kubelet message', () => {
    const story = storyOf('memory-pressure');
    const evicted = eventsOf(story, 'PodEvicted');
    expect(evicted.map((e) => [e.pod.name, story.offsetOf(e.at), e.message])).toEqual([
      [
        'qos-demo-3',
        150,
        'The node was low on resource: memory. Threshold quantity: 200Mi, available: 178Mi. ' +
          'Container qos-demo-3-ctr was using 1540Mi, request is 0, has larger consumption of memory. ',
      ],
    ]);
    const pod = story.pod('5m', 'qos-demo-3');
    expect([pod?.status?.phase, pod?.status?.reason, pod?.status?.qosClass]).toEqual([
      'Failed',
      'Evicted',
      'BestEffort',
    ]);
    expect(['qos-demo', 'qos-demo-2'].map((name) => story.pod('5m', name)?.status?.qosClass)).toEqual([
      'Guaranteed',
      'Burstable',
    ]);
  });
});

describe('disk-fill', () => {
  const story = storyOf('disk-fill');

  it('evicts for the emptyDir limit, DiskPressure and the container limit, with the kubelet messages', () => {
    expect(eventsOf(story, 'PodEvicted').map((e) => [e.pod.name, story.offsetOf(e.at), e.signal, e.message])).toEqual([
      ['cache', 110, 'emptydirfs.limit', 'Usage of EmptyDir volume "scratch" exceeds the limit "500Mi". '],
      [
        'log-spammer',
        193,
        'imagefs.available',
        'The node was low on resource: ephemeral-storage. Threshold quantity: 3221225600, available: 3016Mi. ' +
          'Container log-spammer was using 960Mi, request is 0, has larger consumption of ephemeral-storage. ',
      ],
      ['builder', 266, 'ephemeralcontainerfs.limit', 'Container builder exceeded its local ephemeral storage limit "1Gi". '],
    ]);
  });

  it('writes DisruptionTarget for the DiskPressure eviction only (a local storage eviction sets no condition)', () => {
    const disruption = (name: string) => story.pod('9m', name)?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')?.reason;
    expect(['cache', 'log-spammer', 'builder'].map(disruption)).toEqual([undefined, 'TerminationByKubelet', undefined]);
    expect(['cache', 'log-spammer', 'builder'].map((name) => story.pod('9m', name)?.status?.reason)).toEqual(['Evicted', 'Evicted', 'Evicted']);
  });

  it('keeps DiskPressure for the transition period after the last cycle that met the threshold', () => {
    expect(eventsOf(story, 'NodeConditionChanged').filter((e) => e.conditionType === 'DiskPressure').map((e) => [story.offsetOf(e.at), e.status, e.reason])).toEqual([
      [193, 'True', 'KubeletHasDiskPressure'],
      [499, 'False', 'KubeletHasNoDiskPressure'],
    ]);
  });
});

describe('fork-bomb', () => {
  it('evicts the forking pod for pid.available, with no container sentence', () => {
    const story = storyOf('fork-bomb');
    expect(eventsOf(story, 'PodEvicted').map((e) => [e.pod.name, story.offsetOf(e.at), e.message, e.annotations])).toEqual([
      [
        'forker',
        170,
        'The node was low on resource: pids. Threshold quantity: 500, available: 396. ',
        { offending_containers: '', offending_containers_usage: '', starved_resource: 'pids' },
      ],
    ]);
    expect(eventsOf(story, 'NodeConditionChanged').filter((e) => e.conditionType === 'PIDPressure').map((e) => [story.offsetOf(e.at), e.status])).toEqual([[170, 'True']]);
  });
});

describe('unschedulable', () => {
  it('stays Pending with the scheduler message until node02 joins', () => {
    const story = storyOf('unschedulable');
    const reasons = new Map(eventsOf(story, 'PodUnschedulable').map((e) => [e.pod.name, e.message]));
    expect(reasons.get('big-pod')).toMatch(/^0\/1 nodes are available: 1 Insufficient memory\./);
    expect(reasons.get('ssd-pod')).toMatch(
      /^0\/1 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector\./,
    );
    expect(eventsOf(story, 'PodBound').map((e) => [e.pod.name, e.node, story.offsetOf(e.at)])).toEqual([
      ['big-pod', 'node02', 120],
      ['ssd-pod', 'node02', 120],
    ]);
  });
});

describe('job-restart-policies', () => {
  it('completes after two restarts under OnFailure and fails at once under Never', () => {
    const story = storyOf('job-restart-policies');
    // the third run waits out the 10 s back-off (until +22s) and the queue entry's jitter (pod_workers.go :: completeWork)
    expect(offsets(story, 'ContainerStarted', 'pi-onfailure')).toEqual([1, 7, 25]);
    expect(offsets(story, 'ContainerExited', 'pi-onfailure')).toEqual([6, 12, 30]);
    expect(offsets(story, 'ContainerStarted', 'pi-never')).toEqual([1]);
    expect(['pi-onfailure', 'pi-never'].map((name) => story.pod('1m', name)?.status?.phase)).toEqual([
      'Succeeded',
      'Failed',
    ]);
  });
});

describe('restart-rules', () => {
  // pkg/api/v1/pod/util.go :: ContainerShouldRestart: the rule restarts exit 3, the container's own Never keeps exit 1
  it('restarts the task after each exit 3 and leaves it down after exit 1: Failed', () => {
    const story = storyOf('restart-rules');
    expect(offsets(story, 'ContainerExited', 'license-check')).toEqual([6, 12, 29]);
    expect(eventsOf(story, 'ContainerExited').map((e) => e.exitCode)).toEqual([3, 3, 1]);
    // at once after the first exit, after the 10 s back-off (and the queue's jitter) after the second
    expect(offsets(story, 'ContainerStarted', 'license-check')).toEqual([1, 7, 24]);
    expect(eventsOf(story, 'ContainerBackOff').map((e) => e.delaySeconds)).toEqual([10]);
    expect(story.pod('1m', 'license-check')?.status?.phase).toBe('Failed');
  });
});

describe('restart-all-containers', () => {
  const story = storyOf('restart-all-containers');
  const statusOf = (at: string, name: string) =>
    [...(story.pod(at, 'trainer')?.status?.initContainerStatuses ?? []), ...(story.pod(at, 'trainer')?.status?.containerStatuses ?? [])].find((c) => c.name === name);
  const condition = (at: string) => story.pod(at, 'trainer')?.status?.conditions?.find((c) => c.type === 'AllContainersRestarting');

  // kubelet.go :: SyncPod (restartingAllContainers), computePodActions' ContainersToReset, killContainer with grace 0
  it('kills the live worker with a grace of 0 and removes every container, triggers last, keeping the sandbox', () => {
    expect(offsets(story, 'ContainerKilling', 'trainer')).toEqual([40]);
    expect(eventsOf(story, 'ContainerKilling').map((e) => [e.container, e.reason, e.gracePeriodSeconds])).toEqual([['worker', 'RestartAllContainers', 0]]);
    // worker ignores SIGTERM: SIGKILL at the 2 s minimum window
    expect(eventsOf(story, 'ContainerExited').map((e) => [e.container, e.exitCode, story.offsetOf(e.at)])).toContainEqual(['worker', 137, 42]);
    expect(eventsOf(story, 'ContainerRemoved').map((e) => [e.container, story.offsetOf(e.at)])).toEqual([
      ['fetch-shard', 40],
      ['worker', 42],
      ['watcher', 42],
    ]);
    expect(offsets(story, 'SandboxCreated', 'trainer')).toEqual([0]);
    expect(eventsOf(story, 'ContainerBackOff')).toEqual([]);
  });

  // status/generate.go :: GenerateAllContainersRestartingCondition, kubelet_pods.go :: convertToAPIContainerStatuses
  it('shows AllContainersRestarting True until the runtime lists no container, then each one waiting RestartingAllContainers', () => {
    expect(condition('10s')).toMatchObject({ status: 'False' });
    expect(condition('40s')).toMatchObject({ status: 'True', reason: 'RestartAllContainersStarted', message: 'container exited with restart policy rule' });
    expect(condition('42s')?.status).toBe('False');
    const removed = { exitCode: 137, reason: 'RestartingAllContainers', message: 'The container is removed because RestartAllContainers in place' };
    for (const name of ['fetch-shard', 'worker', 'watcher']) {
      expect(statusOf('42s', name), name).toMatchObject({ state: { waiting: { reason: 'RestartingAllContainers' } }, lastState: { terminated: removed }, restartCount: 1 });
    }
    // the trigger's old status was terminated: the kubelet copies it, its container ID kept; worker's was running
    expect(statusOf('42s', 'watcher')?.containerID).toBeDefined();
    expect(statusOf('42s', 'worker')?.containerID).toBeUndefined();
    // once the pod no longer counts as restarting, containers still waiting show the default reason
    expect(statusOf('44s', 'worker')).toMatchObject({ state: { waiting: { reason: 'PodInitializing' } }, lastState: { terminated: removed }, restartCount: 1 });
    expect(statusOf('47s', 'worker')).toMatchObject({ state: { running: {} }, lastState: { terminated: removed }, restartCount: 1 });
  });

  // status/generate.go :: GeneratePodInitializedCondition under the gate (on in v1.36): a pod once initialized is not
  // uninitialized, so the init container running again leaves Initialized True, its transition the first one
  it('keeps Initialized True while the init container runs again', () => {
    const initialized = (at: string) => story.pod(at, 'trainer')?.status?.conditions?.find((c) => c.type === 'Initialized');
    for (const at of ['42s', '44s', '47s']) expect(initialized(at), at).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-18T18:00:05Z' });
    expect(initialized('42s')?.reason).toBeUndefined();
  });

  it('runs the init container again, then the regular ones, at once (no back-off)', () => {
    expect(offsets(story, 'ContainerStarted', 'trainer', (e) => e.container === 'fetch-shard')).toEqual([2, 44]);
    expect(offsets(story, 'ContainerStarted', 'trainer', (e) => e.container === 'watcher')).toEqual([9, 47]);
    expect(story.pod('1m', 'trainer')?.status?.phase).toBe('Running');
  });
});

describe('native-sidecars', () => {
  const story = storyOf('native-sidecars');
  const started = (pod: string, container: string) => offsets(story, 'ContainerStarted', pod, (e) => e.container === container);

  // kuberuntime_manager.go :: computePodActions plans a sync from its start: a sidecar it started unlocks the next container in the next sync
  it('starts each container in the sync after the sidecar before it has started, and publishes each step', () => {
    expect([started('web', 'proxy'), started('web', 'logs'), started('web', 'app')]).toEqual([[1, 121], [6], [26]]);
    expect(offsets(story, 'PodSynced', 'web').filter((at) => at === 6)).toHaveLength(2);
    expect(offsets(story, 'PodSynced', 'backup').slice(0, 3)).toEqual([0, 1, 2]);
  });

  // kuberuntime_container.go :: killContainersWithSyncResult (terminationOrdering): regular containers, then sidecars in reverse order
  it('stops app, then logs, then proxy, and is removed after the last', () => {
    const exits = eventsOf(story, 'ContainerExited').filter((e) => e.pod.name === 'web' && story.offsetOf(e.at) >= 240);
    expect(exits.map((e) => [e.container, story.offsetOf(e.at)])).toEqual([['app', 243], ['logs', 244], ['proxy', 245]]);
    expect(offsets(story, 'PodRemoved', 'web')).toEqual([246]);
  });

  it('ends the batch pod Succeeded once its sidecar is stopped', () => {
    expect(eventsOf(story, 'ContainerKilling').filter((e) => e.pod.name === 'backup').map((e) => [e.container, e.reason, story.offsetOf(e.at)])).toEqual([['shipper', 'PodFinished', 23]]);
    expect(story.pod('1m', 'backup')?.status?.phase).toBe('Succeeded');
  });
});

describe('init-failures', () => {
  const story = storyOf('init-failures');
  const phase = (name: string) => [story.pod('1m', name)?.status?.phase, story.pod('1m', name)?.status?.reason];

  // kubelet_pods.go :: getPhase: a failed regular init container fails the pod under Never, is retried under OnFailure
  it('fails under Never at once, retries under OnFailure (at once, then after the back-off), and runs the app after', () => {
    expect(phase('migrate-never')).toEqual(['Failed', undefined]);
    expect(offsets(story, 'ContainerStarted', 'migrate-never', (e) => e.container === 'app')).toEqual([]);
    expect(offsets(story, 'ContainerStarted', 'migrate-retry', (e) => e.container === 'migrate')).toEqual([0, 4, 20]);
    expect(offsets(story, 'ContainerStarted', 'migrate-retry', (e) => e.container === 'app')).toEqual([24]);
    expect(story.pod('1m', 'migrate-retry')?.status?.initContainerStatuses?.[0]?.restartCount).toBe(2);
  });

  // active_deadline.go :: ShouldEvict, noticed at the first syncCh tick at or after startTime + 30 s
  it('stops the init container at the active deadline: Failed, DeadlineExceeded, exit 143', () => {
    expect(phase('wait-deadline')).toEqual(['Failed', 'DeadlineExceeded']);
    expect(eventsOf(story, 'ContainerExited').filter((e) => e.pod.name === 'wait-deadline').map((e) => [e.container, e.exitCode, story.offsetOf(e.at)])).toEqual([['wait-db', 143, 30]]);
  });

  // images/image_manager.go :: EnsureImageExists refuses at once; the sandbox's relist syncs the pod a second later
  it('refuses an absent image under imagePullPolicy Never, shown by the sandbox relist’s sync', () => {
    // each sync fails again and is retried after wait.Jitter(backOffPeriod = 10 s, 0.5) (pod_workers.go :: completeWork)
    const failures = eventsOf(story, 'ImagePullFailed').filter((e) => e.pod.name === 'local-tool');
    expect(failures.every((e) => e.reason === 'ErrImageNeverPull')).toBe(true);
    expect(failures.map((e) => story.offsetOf(e.at))).toEqual([0, 1, 13, 24, 37, 49, 62, 75, 90, 102, 114]);
    expect(offsets(story, 'PodSynced', 'local-tool').slice(0, 2)).toEqual([0, 1]);
    expect(offsets(story, 'ImagePulling', 'local-tool')).toEqual([]);
  });
});

// kubelet.go :: SyncPod hands the runtime context.WithoutCancel(ctx): the deletion's "Cancelling current pod sync"
// (pod_workers.go :: UpdatePod) reaches neither the liveness kill nor the restart kuberuntime_manager.go :: SyncPod
// planned with it; SyncTerminatingPod then stops the restarted container with the deletion's grace
describe('liveness-kill-deleted', () => {
  const story = storyOf('liveness-kill-deleted');
  it('runs the liveness kill to its SIGKILL, restarts the container, then stops it for the deletion', () => {
    expect(eventsOf(story, 'ContainerKilling').map((e) => [story.offsetOf(e.at), e.reason, e.gracePeriodSeconds])).toEqual([
      [80, 'LivenessProbeFailed', 30],
      [110, 'PodDeleted', 30],
    ]);
    expect(offsets(story, 'ContainerStarted', 'api')).toEqual([0, 110]);
    expect(eventsOf(story, 'ContainerExited').map((e) => [story.offsetOf(e.at), e.exitCode])).toEqual([
      [110, 137],
      [140, 137],
    ]);
    expect(offsets(story, 'PodRemoved', 'api')).toEqual([141]);
  });
});

// the pod is found over only by a SyncPod's status (kubelet.go :: SyncPod: a terminal phase), and the SyncPod that
// killed the sidecar for its probe runs on (context.WithoutCancel): the kill ends, the sidecar is started again
// (InitContainersToStart), and only the next sync's SyncTerminatingPod stops it with the pod's grace
describe('sidecar-probe-kill-finished', () => {
  const story = storyOf('sidecar-probe-kill-finished');
  it('runs the sidecar’s liveness kill to its SIGKILL, restarts it, then stops it for the finished pod', () => {
    expect(eventsOf(story, 'ContainerKilling').map((e) => [story.offsetOf(e.at), e.container, e.reason, e.gracePeriodSeconds])).toEqual([
      [80, 'log-shipper', 'LivenessProbeFailed', 30],
      [110, 'log-shipper', 'PodFinished', 30],
    ]);
    expect(offsets(story, 'ContainerStarted', 'export-job', (e) => e.container === 'log-shipper')).toEqual([0, 110]);
    expect(eventsOf(story, 'ContainerExited').map((e) => `+${story.offsetOf(e.at)} ${e.container} ${e.exitCode}`)).toEqual(['+95 export 0', '+110 log-shipper 137', '+140 log-shipper 137']);
  });
});

// status/generate.go :: GeneratePodReadyCondition: Ready needs ContainersReady and every readiness gate's condition
// True; a controller's status patch reaches the kubelet as a reconcile, and HandlePodReconcile syncs the pod when its
// Ready would change (status.NeedToReconcilePodReadiness), so Ready follows the gate at once
describe('readiness-gates', () => {
  const story = storyOf('readiness-gates');
  const gate = '"target-health.elbv2.k8s.aws/k8s-shop-web-5e1f"';
  const ready = (offset: string) => {
    const c = story.pod(offset, 'web-0')?.status?.conditions?.find((x) => x.type === 'Ready');
    return [c?.status, c?.reason, c?.message];
  };
  it('keeps Ready False while the gate’s condition is missing or False, True while it is True; ContainersReady stays True', () => {
    expect(ready('10s')).toEqual(['False', 'ReadinessGatesNotReady', `corresponding condition of pod readiness gate ${gate} does not exist.`]);
    expect(ready('40s')).toEqual(['True', undefined, undefined]);
    expect(ready('2m5s')).toEqual(['False', 'ReadinessGatesNotReady', `the status of pod readiness gate ${gate} is not "True", but False`]);
    expect(story.pod('2m5s', 'web-0')?.status?.conditions?.find((x) => x.type === 'ContainersReady')?.status).toBe('True');
    expect(offsets(story, 'PodSynced', 'web-0').filter((t) => t > 0)).toEqual([35, 120]);
  });
});

describe('pod-deletions', () => {
  const story = storyOf('pod-deletions');
  const kills = (pod: string) => eventsOf(story, 'ContainerKilling').filter((e) => e.pod.name === pod).map((e) => [story.offsetOf(e.at), e.gracePeriodSeconds]);
  const removed = (pod: string) => eventsOf(story, 'PodRemoved').filter((e) => e.pod.name === pod).map((e) => [story.offsetOf(e.at), e.source]);

  // strategy.go :: CheckGracefulDelete, status_manager.go :: canBeDeleted
  // kubelet.go :: SyncPod runs the runtime's sync on context.WithoutCancel: the pull in flight is not cancelled
  it('removes an unbound pod at once (API server), a pulling one only once its pull is done and the container it started stopped', () => {
    expect(removed('huge')).toEqual([[20, 'api']]);
    expect(offsets(story, 'ImagePulled', 'pulling')).toEqual([120]);
    expect(offsets(story, 'ContainerStarted', 'pulling')).toEqual([120]);
    expect(kills('pulling')).toEqual([[120, 30]]);
    expect(removed('pulling')).toEqual([[121, 'kubelet']]);
  });

  it('SIGKILLs an init container that ignores SIGTERM at the grace’s end', () => {
    expect(kills('initwait')).toEqual([[20, 30]]);
    expect(removed('initwait')).toEqual([[51, 'kubelet']]);
  });

  // rest/delete.go :: BeforeDelete: a second request only shortens the grace; 0 removes the object at once. The kill in
  // flight does not listen: v1.36's kubelet.go :: SyncTerminatingPod runs on context.Background() (TODO(#113606))
  it('force-deletes a stuck pod at once while its container lives until its kill ends; a shortened grace changes nothing on the node', () => {
    expect(kills('stuck')).toEqual([[30, 60]]);
    expect(removed('stuck')).toEqual([[40, 'api']]);
    expect(eventsOf(story, 'ContainerExited').filter((e) => e.pod.name === 'stuck').map((e) => [story.offsetOf(e.at), e.exitCode])).toEqual([[90, 137]]);
    expect(kills('slow')).toEqual([[30, 120]]);
    expect(eventsOf(story, 'ContainerExited').filter((e) => e.pod.name === 'slow').map((e) => [story.offsetOf(e.at), e.exitCode])).toEqual([[150, 137]]);
    expect(removed('slow')).toEqual([[151, 'kubelet']]);
  });
});

describe('prestop-shortened', () => {
  const story = storyOf('prestop-shortened');

  // kuberuntime_container.go :: killContainer; kubelet.go :: SyncTerminatingPod ignores the cancelled context (TODO(#113606))
  it('keeps the first kill: one Killing, SIGKILL at +40s though a 10 s grace was asked at +35s', () => {
    expect(eventsOf(story, 'ContainerKilling').map((e) => [story.offsetOf(e.at), e.gracePeriodSeconds])).toEqual([[10, 30]]);
    expect(eventsOf(story, 'ContainerExited').map((e) => [story.offsetOf(e.at), e.exitCode])).toEqual([[40, 137]]);
    expect(offsets(story, 'PodRemoved', 'drain')).toEqual([41]);
  });
});

describe('startup-probes', () => {
  const story = storyOf('startup-probes');

  // prober/worker.go :: doProbe: liveness and readiness wait for the startup probe
  it('never runs liveness or readiness before the startup probe passes', () => {
    const probed = (probe: string) => offsets(story, 'ProbeExecuted', 'slow-boot', (e) => e.probe === probe);
    expect(offsets(story, 'ProbeResultChanged', 'slow-boot', (e) => e.probe === 'startup')).toEqual([50]);
    expect(probed('liveness').every((at) => at > 50)).toBe(true);
    expect(probed('readiness')[0]).toBe(50);
    expect(offsets(story, 'ContainerKilling', 'slow-boot')).toEqual([]);
  });

  // computePodActions kills and restarts in one sync; doBackOff reads the finish before the killed run
  it('restarts a container failing its startup probe at once three times, then backs off', () => {
    expect(offsets(story, 'ContainerKilling', 'never-boots').slice(0, 6)).toEqual([15, 30, 45, 60, 100, 115]);
    expect(offsets(story, 'ContainerStarted', 'never-boots').slice(0, 6)).toEqual([0, 15, 30, 45, 89, 100]);
    expect(eventsOf(story, 'ContainerKilling').every((e) => e.reason === 'StartupProbeFailed')).toBe(true);
    expect([...new Set(eventsOf(story, 'ContainerBackOff').map((e) => e.delaySeconds))]).toEqual([20, 80, 160]);
  });
});

describe('registry-outage', () => {
  // image_manager.go :: EnsureImageExists: no pull inside the image back-off, whatever the registry does meanwhile
  it('pulls nothing between the registry’s return (+8m) and the 300 s back-off’s end, then runs', () => {
    const story = storyOf('registry-outage');
    const pulls = offsets(story, 'ImagePulling', 'web');
    expect(pulls.filter((at) => at >= 300)).toEqual([343, 656]);
    expect(eventsOf(story, 'ImagePullBackOff').map((e) => e.delaySeconds).at(-1)).toBe(300);
    expect(offsets(story, 'ContainerStarted', 'web')).toEqual([657]);
  });
});

describe('onfailure-two-containers', () => {
  // kubelet_pods.go :: getPhase with ShouldContainerBeRestarted: an exit 0 is never restarted under OnFailure
  it('restarts only the container that failed, and ends Succeeded', () => {
    const story = storyOf('onfailure-two-containers');
    expect(offsets(story, 'ContainerStarted', 'etl', (e) => e.container === 'extract')).toEqual([0]);
    expect(offsets(story, 'ContainerStarted', 'etl', (e) => e.container === 'load')).toEqual([0, 21]);
    expect(['30s', '1m'].map((at) => story.pod(at, 'etl')?.status?.phase)).toEqual(['Running', 'Succeeded']);
  });
});

describe('node-lost', () => {
  const story = storyOf('node-lost');

  // node_lifecycle_controller.go :: tryUpdateNodeHealth, MarkPodsNotReady; taint_eviction.go :: addConditionAndDeletePod
  it('loses Ready 45 s after its kubelet went silent, and is Terminating (no NodeLost) once the taint manager deletes it', () => {
    const ready = (at: string) => story.pod(at, 'web')?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    expect([ready('1m44s'), ready('1m45s')]).toEqual(['True', 'False']);
    expect(offsets(story, 'PodDeletionRequested', 'web')).toEqual([410, 480]);
    expect(story.pod('7m', 'web')?.status?.reason).toBeUndefined();
    expect(story.rows('7m').web).toMatchObject({ ready: '1/1', status: 'Terminating', restarts: '0' });
    expect(offsets(story, 'PodDeletionRequested', 'spare')).toEqual([]);
  });

  // Section i: a second deletion with grace 0 removes the object at once, even while it is terminating.
  it('is gone once force-deleted at +8m', () => {
    expect(offsets(story, 'PodRemoved', 'web')).toEqual([480]);
    expect(story.rows('9m').web).toBeUndefined();
  });
});

describe('pod-demo-labels', () => {
  it('changes only metadata: no kill, no restart', () => {
    const story = storyOf('pod-demo-labels');
    expect(eventsOf(story, 'PodMetadataUpdated')).toHaveLength(5);
    expect(story.events.some((e) => e.type === 'ContainerKilling' || e.type === 'ContainerExited')).toBe(false);
  });
});

// kubelet_pods.go :: convertToAPIContainerStatuses with containerd's CRI answers, as the real v1.36 recordings show
describe("runtime names in containerd's form", () => {
  it('a simulated container reports the normalised image, its repo digest and a containerd:// ID, the same on every replay', () => {
    const status = () => storyOf('crashloop-memleak').pod('1m', 'memleak-pod')?.status?.containerStatuses?.[0];
    const cs = status();
    expect(cs?.image).toBe('docker.io/saadali/simmemleak:latest');
    expect(cs?.imageID).toMatch(/^docker\.io\/saadali\/simmemleak@sha256:[0-9a-f]{64}$/);
    expect(cs?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(status()).toEqual(cs);
  });
});

// generate.go :: GeneratePodReadyToStartContainersCondition and kubelet_pods.go :: generateAPIPodStatus (podIPs
// from the sandbox's status): neither shows before the sandbox is up, and both come with the first sync after it
describe('the pod IP and PodReadyToStartContainers wait for the sandbox', () => {
  it.each(['crashloop-memleak', 'init-containers', 'two-containers'])('%s', (sample) => {
    const story = storyOf(sample);
    const published = [...timelineOf(story.events.map((event) => ({ event })))];
    const sandboxAt = new Map(story.events.flatMap((e) => (e.type === 'SandboxCreated' ? [[e.pod.uid, e.at] as const] : [])));
    for (const entry of published) {
      const status = entry.after?.status;
      const ready = status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status;
      const uid = entry.after?.metadata.uid ?? '';
      const sandbox = sandboxAt.get(uid);
      if (status?.podIP !== undefined || ready === 'True') {
        expect(sandbox, `${entry.pod} at ${entry.at}`).toBeDefined();
        expect(entry.at >= (sandbox ?? '')).toBe(true);
        expect([status?.podIP !== undefined, ready]).toEqual([true, 'True']);
        expect(entry.cause.type).not.toBe('SandboxCreated');
      }
    }
    expect(published.some((e) => e.after?.status?.podIP !== undefined)).toBe(true);
  });
});

describe('shared-image-backoff', () => {
  const story = storyOf('shared-image-backoff');

  // images/image_manager.go :: pullImage: backOffKey := fmt.Sprintf("%s_%s", podUID, image)
  it('pulls once a round, for the first container; the second waits on the same entry, then finds the image present', () => {
    expect(eventsOf(story, 'ImagePulling').map((e) => [story.offsetOf(e.at), e.container])).toEqual([
      [0, 'api'],
      [13, 'api'],
      [38, 'api'],
      [89, 'api'],
    ]);
    const workerBackOffs = eventsOf(story, 'ImagePullBackOff').filter((e) => e.container === 'worker');
    expect(workerBackOffs.map((e) => story.offsetOf(e.at)).slice(0, 3)).toEqual([0, 1, 13]);
    expect(eventsOf(story, 'ImagePulled').map((e) => [story.offsetOf(e.at), e.container, e.alreadyPresent])).toEqual([
      [90, 'api', false],
      [90, 'worker', true],
    ]);
    expect(offsets(story, 'ContainerStarted', 'api-pair')).toEqual([90, 90]);
  });

  // pullImage stores prevPullErrMsg under the same key: the worker's waiting message carries api's pull error
  it('shows the error of the pull that set the back-off in both containers’ waiting messages', () => {
    const waiting = (name: string) => story.pod('20s', 'api-pair')?.status?.containerStatuses?.find((c) => c.name === name)?.state?.waiting;
    const error = eventsOf(story, 'ImagePullFailed')[0]?.message ?? '';
    const message = `Back-off pulling image "registry.example.com/shop/api:2.4.1": ErrImagePull: ${error}`;
    expect(waiting('api')).toEqual({ reason: 'ImagePullBackOff', message });
    expect(waiting('worker')).toEqual({ reason: 'ImagePullBackOff', message });
  });
});

describe('sidecar-crashloop', () => {
  const story = storyOf('sidecar-crashloop');

  // kuberuntime_manager.go :: computePodActions restarts an exited sidecar whatever the pod's policy; doBackOff
  it('restarts the sidecar at once, then after 10, 20, 40 and 80 s (jittered); the app is never touched', () => {
    expect(offsets(story, 'ContainerExited', 'checkout')).toEqual([20, 41, 72, 115, 192, 294]);
    expect(offsets(story, 'ContainerStarted', 'checkout', (e) => e.container === 'log-shipper')).toEqual([0, 21, 52, 95, 172, 274]);
    expect(eventsOf(story, 'ContainerBackOff').map((e) => e.delaySeconds)).toEqual([10, 20, 40, 80, 80, 160]);
    expect(offsets(story, 'ContainerStarted', 'checkout', (e) => e.container === 'app')).toEqual([0]);
  });
});

describe('node-notready-tolerations', () => {
  const story = storyOf('node-notready-tolerations');

  // taint_eviction.go :: processPodOnNode: deletion at the taint + the smallest tolerationSeconds; none for a toleration without one
  it('deletes each pod when its own toleration of the unreachable taint (+1m50s) runs out, never the agent', () => {
    expect(offsets(story, 'PodDeletionRequested', 'cache')).toEqual([140]);
    expect(offsets(story, 'PodDeletionRequested', 'api')).toEqual([410]);
    expect(offsets(story, 'PodDeletionRequested', 'node-agent')).toEqual([]);
    expect(offsets(story, 'PodNodeLost', 'node-agent')).toEqual([105]);
  });
});

describe('warmup-evicted', () => {
  const story = storyOf('warmup-evicted');

  // pod_workers.go :: killPodNow: max(grace × 1.5, 10 s), then ExceededGracePeriod; the SyncPod in flight runs on
  it('records ExceededGracePeriod 10 s after the eviction, and kills only once the postStart hook returns', () => {
    expect(offsets(story, 'PodEvicted', 'search')).toEqual([40]);
    expect(offsets(story, 'PodKillTimedOut', 'search')).toEqual([50]);
    expect(offsets(story, 'PostStartHookSucceeded', 'search')).toEqual([60]);
    expect(offsets(story, 'ContainerKilling', 'search')).toEqual([60]);
    expect(story.pod('1m30s', 'search')?.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
  });
});
