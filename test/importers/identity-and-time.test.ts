/**
 * The importers' model of identity and time (issue 11, classes 1-4), on the real crash-loop pod and variants
 * derived from it in each test (the fixture file itself is never edited).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Event, EventOf } from '../../src/events/index.js';
import { msOf } from '../../src/k8s/codecs.js';
import { kubectlRow } from '../../src/printers/index.js';
import { findPod, foldCluster } from '../../src/reducers/index.js';
import { podAt } from '../../src/timetravel/pod-at.js';
import { checkJournal, entriesOf, renderViolation } from '../../src/check/index.js';
import { placeSegment } from '../../src/importers/runs-on-curve.js';
import { imported, real } from './fixtures.js';

type Json = Record<string, unknown>;

const dir = await mkdtemp(join(tmpdir(), 'podj-identity-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The recorded pod of `crash-loop-pods.json`, as plain JSON to derive variants from. */
const recordedPod = async (): Promise<Json> => {
  const list = JSON.parse(await readFile(real('crash-loop-pods.json'), 'utf8')) as { items: Json[] };
  return structuredClone(list.items[0] ?? {});
};

const write = async (name: string, docs: readonly unknown[]): Promise<string> => {
  const file = join(dir, name);
  await writeFile(file, docs.map((d) => JSON.stringify(d)).join('\n'));
  return file;
};

const records = (events: readonly Event[]) => events.map((event, i) => ({ seq: i + 1, recordedAt: event.at, prevHash: '', hash: '', event }));

describe('class 1: a pod is its uid; a reused name means the older object is gone', async () => {
  const older = await recordedPod();
  const newer = await recordedPod();
  const meta = newer['metadata'] as Json;
  meta['uid'] = '00000000-0000-4000-8000-000000000002';
  meta['creationTimestamp'] = '2026-07-22T21:20:00Z';
  const status = newer['status'] as Json;
  status['startTime'] = '2026-07-22T21:20:00Z';
  delete status['containerStatuses'];
  status['phase'] = 'Pending';
  status['conditions'] = [{ type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-07-22T21:20:00Z' }];
  delete status['podIP'];
  delete status['podIPs'];
  const result = await imported([await write('reused.json', [older, newer])]);

  it('infers the older pod removed at the newer one\'s creation, marked inferred (apiserver: names are unique among live objects)', () => {
    const removed = result.events.filter((e): e is EventOf<'PodRemoved'> => e.type === 'PodRemoved');
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ at: '2026-07-22T21:20:00.000Z', pod: { uid: 'c6c68a3b-54e2-4ec0-8083-7c17c204cee1' }, from: { inferred: true } });
    const created = result.events.findIndex((e) => e.type === 'PodCreated' && e.pod.uid === meta['uid']);
    expect(result.events.indexOf(removed[0] as Event)).toBeLessThan(created);
  });

  it('get pods (the cluster fold) and describe (one name\'s records) answer with the same object at every instant', () => {
    const upTo = (at: string) => result.events.filter((e) => msOf(e.at) <= Date.parse(at));
    for (const [at, uid] of [
      ['2026-07-22T21:15:00Z', 'c6c68a3b-54e2-4ec0-8083-7c17c204cee1'],
      ['2026-07-22T21:20:00Z', meta['uid']],
      ['2026-07-22T21:25:00Z', meta['uid']],
    ] as const) {
      const fromCluster = findPod(foldCluster(upTo(at)), 'crash-demo', 'flaky-worker-897c5486c-lfk2f')?.pod.metadata.uid;
      const fromName = podAt(records(result.events), at as never)?.pod.metadata.uid;
      expect([at, fromCluster]).toEqual([at, uid]);
      expect([at, fromName]).toEqual([at, uid]);
    }
    expect(foldCluster(result.events).pods.size).toBe(1);
  });
});

describe('class 2: the sandbox is up before any container starts (kuberuntime_manager.go :: SyncPod)', async () => {
  it('without PodReadyToStartContainers (before v1.29) the sandbox and IP come at startTime, before the first start', async () => {
    const pod = await recordedPod();
    const status = pod['status'] as { conditions: Json[] };
    status.conditions = status.conditions.filter((c) => c['type'] !== 'PodReadyToStartContainers');
    const result = await imported([await write('no-prtsc.json', [pod])]);
    const sandbox = result.events.find((e) => e.type === 'SandboxCreated');
    const firstStart = result.events.find((e) => e.type === 'ContainerStarted');
    expect(sandbox).toMatchObject({ at: '2026-07-22T21:05:22.000Z', podIP: '10.244.0.23', from: { inferred: true } });
    expect(msOf(sandbox?.at ?? ('' as never))).toBeLessThanOrEqual(msOf(firstStart?.at ?? ('' as never)));
    // The IP shows over the whole running span: at every start of the container.
    const starts = result.events.filter((e) => e.type === 'ContainerStarted').map((e) => e.at);
    for (const at of starts) {
      const shown = findPod(foldCluster(result.events.filter((e) => e.at <= at)), 'crash-demo', 'flaky-worker-897c5486c-lfk2f')?.pod;
      expect(shown?.status?.podIP).toBe('10.244.0.23');
    }
  });

  it('with the condition, its lastTransitionTime is the sandbox\'s time, recorded (not inferred)', async () => {
    const result = await imported([real('crash-loop-pods.json')]);
    const sandbox = result.events.find((e) => e.type === 'SandboxCreated');
    expect(sandbox?.at).toBe('2026-07-22T21:05:22.000Z');
    expect(sandbox?.from?.inferred).toBeUndefined();
  });
});

describe('class 3: runs a restart count implies sit on the back-off curve (kuberuntime_manager.go :: doBackOff)', () => {
  it('first restart immediate, then 10 s doubling; the spare time goes to the waits; recorded run length kept', () => {
    // 4 restarts between starts 0 s and 100 s, runs of 2 s: waits 0, 10, 20, 40 = 70 s, runs 8 s, 22 s to spare.
    const s = placeSegment({ startA: 0, startB: 100_000, n: 4, exitA: 2_000, typicalRun: 2_000, steps: 0 });
    expect(s.exits).toEqual([2_000, 9_500, 27_000, 54_500]);
    expect(s.starts).toEqual([7_500, 25_000, 52_500]);
    expect(s.steps).toBe(4);
  });

  it('caps the wait at 300 s (MaxContainerBackOff)', () => {
    const s = placeSegment({ startA: 0, startB: 2_000_000, n: 3, typicalRun: 1_000, steps: 7 });
    const waits = s.starts.map((start, i) => start - (s.exits[i] ?? 0));
    expect(waits.every((w) => w >= 300_000 && w < 2_000_000)).toBe(true);
    expect((s.starts[1] ?? 0) - (s.exits[1] ?? 0)).toBe((s.starts[0] ?? 0) - (s.exits[0] ?? 0));
  });

  it('a run longer than 10 minutes resets the curve: the next restart is immediate (kubelet.go: backoff expiry)', () => {
    // Unknown run lengths: 2 restarts over an hour gives 30-minute runs, so no back-off at all.
    const s = placeSegment({ startA: 0, startB: 3_600_000, n: 2, steps: 3 });
    expect(s.exits).toEqual([1_800_000, 3_600_000]);
    expect(s.starts).toEqual([1_800_000]);
  });

  it('recorded starts closer than the curve allows: runs shrink first, then waits, never past the next start', () => {
    const s = placeSegment({ startA: 0, startB: 20_000, n: 4, typicalRun: 5_000, steps: 0 });
    const times = [0, ...s.exits.flatMap((e, i) => [e, s.starts[i] ?? 20_000])];
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.max(...times)).toBeLessThanOrEqual(20_000);
  });

  it('no run of a regular container starts before the init containers completed', async () => {
    const pod = await recordedPod();
    const spec = pod['spec'] as Json;
    spec['initContainers'] = [{ name: 'setup', image: 'busybox:1.36' }];
    const status = pod['status'] as Json;
    status['initContainerStatuses'] = [
      { name: 'setup', ready: true, restartCount: 0, image: 'busybox:1.36', imageID: '', containerID: 'containerd://init', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-07-22T21:05:23Z', finishedAt: '2026-07-22T21:05:40Z', containerID: 'containerd://init' } } },
    ];
    const result = await imported([await write('with-init.json', [pod])]);
    const initDone = result.events.find((e) => e.type === 'ContainerExited' && e.container === 'setup')?.at ?? '';
    const starts = result.events.filter((e) => e.type === 'ContainerStarted' && e.container === 'worker');
    expect(starts).toHaveLength(7);
    expect(starts.every((e) => e.at >= initDone)).toBe(true);
    expect(checkJournal(entriesOf(result.events))).toEqual([]);
  });
});

describe('podj check and inferred events', () => {
  it('an inferred event is no evidence against the kubelet; a recorded contradiction is named with its file and line', async () => {
    const result = await imported([real('crash-loop-pods.json'), real('crash-loop-events.json')]);
    const pod = result.events[0] as EventOf<'PodCreated'>;
    const at = (s: string) => s as EventOf<'ContainerStarted'>['at'];
    const subject = { v: 1 as const, source: 'runtime' as const, pod: pod.pod, container: 'worker' };
    const backOff = (from: Event['from']): Event => ({ type: 'ContainerBackOff', ...subject, source: 'kubelet', at: at('2026-07-22T21:20:00.000Z'), delaySeconds: 300, until: at('2026-07-22T21:25:00.000Z'), from });
    const restart: Event = { type: 'ContainerStarted', ...subject, at: at('2026-07-22T21:21:00.000Z'), containerID: 'containerd://x', from: { file: 'late.json', line: 7 } };
    const guessed = checkJournal(entriesOf([...result.events, backOff({ file: 'late.json', line: 3, inferred: true }), restart]));
    expect(guessed).toEqual([]);
    const recorded = checkJournal(entriesOf([...result.events, backOff({ file: 'late.json', line: 3 }), restart]));
    expect(recorded.map((v) => v.check)).toEqual(['backoff']);
    expect(renderViolation(recorded[0] as never)).toMatch(/\(late\.json:3\)\n.*\(late\.json:7\)$/);
  });
});

describe('class 4: a deletion held while containers run shows Terminating, phase Running (kubectl printPod)', async () => {
  const pod = await recordedPod();
  const meta = pod['metadata'] as Json;
  meta['deletionTimestamp'] = '2026-07-22T21:12:00Z';
  meta['deletionGracePeriodSeconds'] = 30;
  meta['finalizers'] = ['example.com/hold'];
  const status = pod['status'] as Json;
  const [worker] = status['containerStatuses'] as Json[];

  it('a running container with its start time', async () => {
    Object.assign(worker as Json, { state: { running: { startedAt: '2026-07-22T21:11:20Z' } }, containerID: 'containerd://run-6', ready: true, started: true });
    const result = await imported([await write('held.json', [pod])]);
    const shown = findPod(foldCluster(result.events), 'crash-demo', 'flaky-worker-897c5486c-lfk2f')?.pod;
    expect(shown?.status?.phase).toBe('Running');
    expect(shown === undefined ? undefined : kubectlRow(shown, new Date('2026-07-22T21:13:00Z')).status).toBe('Terminating');
  });

  it('a partial status: phase Running with no container statuses', async () => {
    delete status['containerStatuses'];
    const result = await imported([await write('held-partial.json', [pod])]);
    const shown = findPod(foldCluster(result.events), 'crash-demo', 'flaky-worker-897c5486c-lfk2f')?.pod;
    expect(shown?.status?.phase).toBe('Running');
    expect(shown === undefined ? undefined : kubectlRow(shown, new Date('2026-07-22T21:13:00Z')).status).toBe('Terminating');
  });
});
