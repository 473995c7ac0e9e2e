import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { converterFor } from '../../src/importers/index.js';
import type { EventOf } from '../../src/events/index.js';
import { foldCluster, findPod } from '../../src/reducers/index.js';
import { V1Pod } from '../../src/k8s/pod.js';
import { kubectlRow } from '../../src/printers/index.js';
import { imported, ours, real } from './fixtures.js';

describe('the falco audit line (audit.k8s.io/v1beta1, create pods)', async () => {
  const result = await imported([real('audit-pod-create.falco.jsonl')]);
  const line = JSON.parse(readFileSync(real('audit-pod-create.falco.jsonl'), 'utf8')) as {
    stageTimestamp: string;
    responseObject: { metadata: { uid: string; name: string; namespace: string }; spec: unknown; status: { qosClass: string } };
  };

  it('is one PodCreated of the stored pod, at the line stageTimestamp', () => {
    expect(result.files[0]?.format).toBe('audit');
    // The create, and the capture of the stored object the response returned, at the line's time.
    expect(result.events.map((e) => e.type)).toEqual(['PodCreated', 'PodObserved']);
    expect(result.events[1]?.at).toBe(result.events[0]?.at);
    const created = result.events[0];
    if (created?.type !== 'PodCreated') throw new Error('no PodCreated');
    const stored = line.responseObject;
    expect(created.pod).toEqual({ namespace: stored.metadata.namespace, name: stored.metadata.name, uid: stored.metadata.uid });
    expect(created.at).toBe(new Date(line.stageTimestamp).toISOString());
    expect(created.source).toBe('api');
    // The pod as stored (defaults, volumes, tolerations), not as requested; of its status only the class the API
    // server computed at the creation, the rest left to later events.
    expect(created.manifest.spec).toEqual(stored.spec);
    expect(created.manifest.metadata.uid).toBe(stored.metadata.uid);
    expect(created.manifest.status).toEqual({ qosClass: stored.status.qosClass });
  });

  it('folds to a Pending pod', () => {
    const pod = findPod(foldCluster(result.events), 'default', 'nginx-deployment-5cdcc99dbf-rgw6z')?.pod;
    expect(pod?.status?.phase).toBe('Pending');
    expect(kubectlRow(pod!, new Date('2018-10-25T14:10:00Z')).status).toBe('Pending');
  });
});

describe('the synthetic audit log of one pod life (pod-life.audit.jsonl)', async () => {
  const result = await imported([ours('pod-life.audit.jsonl')]);
  const events = result.events;
  const podEvents = events.filter((e) => 'pod' in e);
  const removal = events.findIndex((e) => e.type === 'PodRemoved');
  const beforeRemoval = findPod(foldCluster(events.slice(0, removal)), 'demo', 'flaky-api')?.pod;

  it('counts only ResponseComplete lines, each auditID once', () => {
    expect(result.files[0]).toMatchObject({
      format: 'audit',
      documents: 18,
      ignored: { 'audit stage RequestReceived': 1, 'audit lines repeating an auditID': 1 },
    });
    expect(events.filter((e) => e.type === 'PodCreated')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'PodBound')).toHaveLength(1);
  });

  it('stamps API writes with stageTimestamp (ms) and status facts with their own fields', () => {
    const at = (type: string) => events.find((e) => e.type === type)?.at;
    expect(at('PodCreated')).toBe('2026-03-14T10:00:00.112Z');
    expect(at('PodBound')).toBe('2026-03-14T10:00:00.131Z');
    expect(at('ContainerStarted')).toBe('2026-03-14T10:00:02.000Z');
    expect(at('PodWriteRejected')).toBe('2026-03-14T10:00:35.020Z');
    expect(at('PodRemoved')).toBe('2026-03-14T10:00:57.651Z');
    const times = events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it('explains the crash loop: four runs, exits 1, back-offs of 10 s and 20 s, the kill with 137', () => {
    const exits = podEvents.filter((e): e is EventOf<'ContainerExited'> => e.type === 'ContainerExited');
    expect(exits.map((e) => [e.exitCode, e.reason])).toEqual([
      [1, 'Error'],
      [1, 'Error'],
      [1, 'Error'],
      [137, 'Error'],
    ]);
    const backOffs = podEvents.filter((e): e is EventOf<'ContainerBackOff'> => e.type === 'ContainerBackOff');
    expect(backOffs.map((e) => [e.at, e.delaySeconds, e.until])).toEqual([
      ['2026-03-14T10:00:13.000Z', 10, '2026-03-14T10:00:23.000Z'],
      ['2026-03-14T10:00:28.000Z', 20, '2026-03-14T10:00:48.000Z'],
    ]);
    expect(podEvents.filter((e) => e.type === 'ContainerStarted')).toHaveLength(4);
  });

  it('records the rejected write and does not apply it', () => {
    const rejected = events.filter((e): e is EventOf<'PodWriteRejected'> => e.type === 'PodWriteRejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ verb: 'patch', code: 422, pod: { name: 'flaky-api', uid: '5b0c7f1e-2d4a-4f8e-9c3b-7a1d2e6f8b90' } });
    expect(rejected[0]?.message).toMatch(/^Pod "flaky-api" is invalid: spec: Forbidden/);
    expect(beforeRemoval?.spec.restartPolicy).toBe('Always');
  });

  it('follows the eviction and the shortened delete to a Failed pod, then the final delete removes it', () => {
    expect(podEvents.flatMap((e) => (e.type === 'PodDeletionRequested' ? [e.gracePeriodSeconds] : []))).toEqual([30, 5]);
    expect(beforeRemoval?.status?.phase).toBe('Failed');
    expect(beforeRemoval?.metadata.deletionGracePeriodSeconds).toBe(5);
    expect(beforeRemoval?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'EvictionByEvictionAPI',
    });
    const [app] = beforeRemoval?.status?.containerStatuses ?? [];
    expect(app?.restartCount).toBe(3);
    expect(app?.state?.terminated).toMatchObject({ exitCode: 137, finishedAt: '2026-03-14T10:00:57Z' });
    expect(kubectlRow(beforeRemoval!, new Date('2026-03-14T10:01:00Z'))).toMatchObject({ status: 'Error', ready: '0/1' });
    expect(findPod(foldCluster(events), 'demo', 'flaky-api')).toBeUndefined();
    expect(events[events.length - 1]?.type).toBe('PodRemoved');
  });

  it('rebuilds the last pod object the API server returned (before the final delete removed it)', () => {
    const lines = readFileSync(ours('pod-life.audit.jsonl'), 'utf8').trim().split('\n');
    const last = V1Pod.decode((JSON.parse(lines[lines.length - 1] ?? '{}') as { responseObject?: unknown }).responseObject);
    if (last._tag === 'Left') throw new Error('the last responseObject is not a Pod');
    // The sandbox of a finished pod is stopped (PodReadyToStartContainers False): no event says so yet.
    const essentials = (p: V1Pod | undefined) => ({
      phase: p?.status?.phase,
      conditions: (p?.status?.conditions ?? [])
        .filter((c) => c.type !== 'PodReadyToStartContainers')
        .map((c) => [c.type, c.status, c.reason, c.lastTransitionTime])
        .sort(),
      startTime: p?.status?.startTime,
      podIP: p?.status?.podIP,
      hostIP: p?.status?.hostIP,
      containers: p?.status?.containerStatuses?.map(({ name, state, lastState, ready, restartCount, started, containerID }) => ({
        name,
        state,
        lastState,
        ready,
        restartCount,
        started,
        containerID,
      })),
      labels: p?.metadata.labels,
      restartPolicy: p?.spec.restartPolicy,
    });
    expect(essentials(beforeRemoval)).toEqual(essentials(last.right));
  });

  it('reads the node status write as its conditions', () => {
    const node = events.filter((e): e is EventOf<'NodeConditionChanged'> => e.type === 'NodeConditionChanged');
    expect(node.map((e) => [e.conditionType, e.status])).toEqual([
      ['MemoryPressure', 'False'],
      ['DiskPressure', 'False'],
      ['PIDPressure', 'False'],
      ['Ready', 'True'],
    ]);
  });
});

describe('refused writes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-refused-'));
  const file = join(dir, 'audit.jsonl');
  const line = {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Request',
    auditID: 'f00d',
    stage: 'ResponseComplete',
    requestURI: '/api/v1/namespaces/shop/pods',
    verb: 'create',
    user: { username: 'bob' },
    objectRef: { resource: 'pods', namespace: 'shop', apiVersion: 'v1' },
    responseStatus: { metadata: {}, status: 'Failure', message: 'pods "web-" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=10, limited: pods=10', reason: 'Forbidden', code: 403 },
    requestObject: { kind: 'Pod', apiVersion: 'v1', metadata: { generateName: 'web-' }, spec: { containers: [{ name: 'c', image: 'x' }] } },
    requestReceivedTimestamp: '2026-03-14T11:00:00.000100Z',
    stageTimestamp: '2026-03-14T11:00:00.004300Z',
  };
  await writeFile(file, `${JSON.stringify(line)}\n`);
  const result = await imported([file]);
  await rm(dir, { recursive: true, force: true });

  it('records a refused create of a pod that never existed, and creates nothing', () => {
    expect(result.events).toEqual([
      {
        type: 'PodWriteRejected',
        v: 1,
        at: '2026-03-14T11:00:00.004Z',
        source: 'api',
        pod: { namespace: 'shop', name: 'web-', uid: '' },
        verb: 'create',
        code: 403,
        message: line.responseStatus.message,
        from: { file, line: 1 },
      },
    ]);
    expect(foldCluster(result.events).pods.size).toBe(0);
  });
});

describe('audit lines, one by one', () => {
  const stored = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'job-1', namespace: 'batch', uid: 'u-job-1', creationTimestamp: '2026-04-01T08:00:00Z' },
    spec: { terminationGracePeriodSeconds: 60, containers: [{ name: 'main', image: 'busybox' }] },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
  const line = (auditID: string, verb: string, subresource: string | undefined, code: number, at: string, extra: Record<string, unknown> = {}) => ({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'RequestResponse',
    auditID,
    stage: 'ResponseComplete',
    verb,
    objectRef: { resource: 'pods', namespace: 'batch', name: 'job-1', apiVersion: 'v1', ...(subresource !== undefined && { subresource }) },
    responseStatus: { metadata: {}, code },
    requestReceivedTimestamp: at,
    stageTimestamp: at,
    ...extra,
  });
  const run = (lines: readonly unknown[]) => {
    const convert = converterFor('audit');
    return lines.flatMap((l) => {
      const r = convert?.(l);
      if (r === undefined || E.isLeft(r)) throw new Error(r === undefined ? 'no converter' : r.left);
      return r.right.events.map((i) => i.event);
    });
  };
  const create = line('a1', 'create', undefined, 201, '2026-04-01T08:00:00.010000Z', { responseObject: stored });

  it('an eviction refused by a disruption budget (429) is recorded, and nothing is deleted', () => {
    const events = run([
      create,
      line('a2', 'create', 'eviction', 429, '2026-04-01T08:01:00.000000Z', {
        responseStatus: { metadata: {}, code: 429, message: 'Cannot evict pod as it would violate the pod\'s disruption budget.', reason: 'TooManyRequests' },
      }),
    ]);
    expect(events.map((e) => e.type)).toEqual(['PodCreated', 'PodObserved', 'PodWriteRejected']);
    expect(events[2]).toMatchObject({ verb: 'create eviction', code: 429 });
  });

  it("an eviction without options deletes with the pod's own grace", () => {
    const events = run([create, line('a3', 'create', 'eviction', 201, '2026-04-01T08:02:00.000000Z')]);
    expect(events.slice(2).map((e) => [e.type, e.type === 'PodDeletionRequested' ? e.gracePeriodSeconds : e.type === 'PodConditionSet' ? e.reason : ''])).toEqual([
      ['PodConditionSet', 'EvictionByEvictionAPI'],
      ['PodDeletionRequested', 60],
    ]);
  });

  it('a forced delete (grace 0) is a deletion request and the removal at once', () => {
    const events = run([create, line('a4', 'delete', undefined, 200, '2026-04-01T08:03:00.000000Z', { requestObject: { kind: 'DeleteOptions', gracePeriodSeconds: 0 } })]);
    expect(events.slice(2).map((e) => [e.type, e.at])).toEqual([
      ['PodDeletionRequested', '2026-04-01T08:03:00.000Z'],
      ['PodRemoved', '2026-04-01T08:03:00.000Z'],
    ]);
  });

  it('lines below RequestResponse level (no objects) are counted, not guessed', () => {
    const convert = converterFor('audit');
    const metadataOnly = { ...line('a5', 'patch', 'status', 200, '2026-04-01T08:04:00.000000Z'), level: 'Metadata' };
    expect(convert?.(metadataOnly)).toEqual(E.right({ events: [], ignored: ['pod writes audited without the object (level below RequestResponse)'] }));
  });
});
