import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { converterFor, mergeImported } from '../../src/importers/index.js';
import { coreReasonsByEventType } from '../../src/printers/index.js';
import { importedCoreEvents } from '../support/imported-events.js';

const pod = { kind: 'Pod', namespace: 'shop', name: 'web-0', uid: 'u-web-0' };
const onApp = { ...pod, fieldPath: 'spec.containers{app}' };

const core = (reason: string, message: string, extra: Record<string, unknown> = {}) => ({
  kind: 'Event',
  apiVersion: 'v1',
  metadata: { name: `web-0.${reason}`, namespace: 'shop' },
  involvedObject: onApp,
  reason,
  message,
  firstTimestamp: '2026-05-01T12:00:00Z',
  lastTimestamp: '2026-05-01T12:00:00Z',
  count: 1,
  ...extra,
});


describe('Kubernetes Events as journal events', () => {
  it.each([
    [core('Scheduled', 'Successfully assigned shop/web-0 to node-7', { involvedObject: pod }), { type: 'PodBound', node: 'node-7', source: 'scheduler' }],
    [
      core('FailedScheduling', '0/3 nodes are available: 3 Insufficient memory.', { involvedObject: pod }),
      { type: 'PodUnschedulable', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient memory.' },
    ],
    [core('Pulling', 'Pulling image "nginx:1.27"'), { type: 'ImagePulling', container: 'app', image: 'nginx:1.27' }],
    [
      core('Pulled', 'Successfully pulled image "nginx:1.27" in 1.204s (1.204s including waiting). Image size: 20 bytes.'),
      { type: 'ImagePulled', image: 'nginx:1.27', alreadyPresent: false, durationMs: 1204, sizeBytes: 20 },
    ],
    [
      // a pull that waited in the kubelet's queue (the k8shark rolling update's, kind v1.36.1)
      core('Pulled', 'Successfully pulled image "nginx:1.25-alpine" in 421ms (3.043s including waiting). Image size: 20193659 bytes.'),
      { type: 'ImagePulled', image: 'nginx:1.25-alpine', durationMs: 421, waitedMs: 3043, sizeBytes: 20_193_659 },
    ],
    [
      core('Failed', 'Failed to pull image "nginx:nope": rpc error: code = NotFound desc = not found'),
      { type: 'ImagePullFailed', image: 'nginx:nope', reason: 'ErrImagePull' },
    ],
    [core('BackOff', 'Back-off pulling image "nginx:nope"'), { type: 'ImagePullBackOff', image: 'nginx:nope', delaySeconds: 10 }],
    [
      core('Killing', 'Container app failed liveness probe, will be restarted'),
      { type: 'ContainerKilling', reason: 'LivenessProbeFailed', gracePeriodSeconds: 30 },
    ],
    [
      core('Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503'),
      { type: 'ProbeExecuted', probe: 'readiness', outcome: 'failure', output: 'HTTP probe failed with statuscode: 503' },
    ],
    [
      core('Evicted', 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 80Mi. ', {
        involvedObject: pod,
        metadata: { name: 'web-0.evicted', annotations: { starved_resource: 'memory', offending_containers: 'app' } },
      }),
      { type: 'PodEvicted', signal: 'memory.available', annotations: { starved_resource: 'memory', offending_containers: 'app' } },
    ],
    [
      core('OutOfcpu', "Node didn't have enough resource: cpu, requested: 4000, used: 500, capacity: 2000", { involvedObject: pod, source: { component: 'kubelet', host: 'node-7' } }),
      { type: 'PodRejected', node: 'node-7', reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 4000, used: 500, capacity: 2000" },
    ],
    [
      core('Evicted', 'The node had condition: [DiskPressure]. ', { involvedObject: pod, source: { component: 'kubelet', host: 'node-7' } }),
      { type: 'PodRejected', node: 'node-7', reason: 'Evicted' },
    ],
    [
      core('Preempted', 'Preempted by pod 7f2c on node node-7', { involvedObject: pod }),
      { type: 'PodConditionSet', conditionType: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' },
    ],
  ])('%#: %o', (doc, want) => {
    const [event, ...rest] = importedCoreEvents(doc);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ ...want, pod: { namespace: 'shop', name: 'web-0', uid: 'u-web-0' }, at: '2026-05-01T12:00:00.000Z' });
  });

  it('reads each reason the way the printers write it back (their reason table)', () => {
    const reasons = ['Scheduled', 'FailedScheduling', 'Pulling', 'Pulled', 'Failed', 'BackOff', 'Created', 'Started', 'Killing', 'Unhealthy', 'Evicted', 'DeadlineExceeded', 'OutOfcpu', 'FailedPostStartHook'];
    for (const reason of reasons) {
      const message = reason === 'Scheduled' ? 'Successfully assigned shop/web-0 to node-7' : reason === 'Killing' ? 'Stopping container app' : reason === 'Unhealthy' ? 'Liveness probe failed: timeout' : 'x "img"';
      const [event] = importedCoreEvents(core(reason, message));
      expect(event, reason).toBeDefined();
      if (event !== undefined) expect(coreReasonsByEventType[event.type], `${reason} -> ${event.type}`).toContain(reason);
    }
  });

  it('takes a kill grace from the pod: a probe own grace, the deletion grace while deleting', () => {
    const watch = converterFor('watch');
    const manifest = {
      kind: 'Pod',
      metadata: { ...pod, kind: undefined, creationTimestamp: '2026-05-01T11:59:00Z' },
      spec: { terminationGracePeriodSeconds: 45, containers: [{ name: 'app', image: 'x', livenessProbe: { exec: { command: ['true'] }, terminationGracePeriodSeconds: 5 } }] },
    };
    const deleting = { ...manifest, metadata: { ...manifest.metadata, deletionTimestamp: '2026-05-01T12:10:10Z', deletionGracePeriodSeconds: 10 } };
    const events = converterFor('core-events');
    const parts = [
      watch?.(manifest),
      events?.(core('Killing', 'Container app failed liveness probe, will be restarted')),
      watch?.(deleting),
      events?.(core('Killing', 'Stopping container app', { metadata: { name: 'web-0.stop' }, firstTimestamp: '2026-05-01T12:10:00Z', lastTimestamp: '2026-05-01T12:10:00Z' })),
    ].flatMap((r) => (r === undefined || E.isLeft(r) ? [] : r.right.events));
    const kills = mergeImported(parts).flatMap((e) => (e.type === 'ContainerKilling' ? [[e.reason, e.gracePeriodSeconds]] : []));
    expect(kills).toEqual([
      ['LivenessProbeFailed', 5],
      ['PodDeleted', 10],
    ]);
  });

  it('skips Events about other kinds and counts them', () => {
    const result = converterFor('core-events')?.({ kind: 'EventList', apiVersion: 'v1', items: [core('SuccessfulCreate', 'Created pod: web-0', { involvedObject: { kind: 'StatefulSet', name: 'web' } })] });
    expect(result).toEqual(E.right({ events: [], ignored: ['Events about StatefulSet'] }));
  });

  it('reads events.k8s.io/v1 Events, whose series count includes the first occurrence', () => {
    const doc = {
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      metadata: { name: 'web-0.1', namespace: 'shop' },
      regarding: onApp,
      reason: 'BackOff',
      note: 'Back-off restarting failed container app in pod web-0_shop(u-web-0)',
      eventTime: '2026-05-01T12:00:00.123456Z',
      series: { count: 3, lastObservedTime: '2026-05-01T12:01:00.123456Z' },
      reportingController: 'kubelet',
      type: 'Warning',
    };
    const result = converterFor('events-v1')?.(doc);
    if (result === undefined || E.isLeft(result)) throw new Error('not converted');
    expect(result.right.events.map((i) => [i.event.type, i.event.at, i.certainty])).toEqual([
      ['ContainerBackOff', '2026-05-01T12:00:00.123Z', 'exact'],
      ['ContainerBackOff', '2026-05-01T12:00:30.123Z', 'interpolated'],
      ['ContainerBackOff', '2026-05-01T12:01:00.123Z', 'exact'],
    ]);
  });

  it('reads a new-style core/v1 Event: no firstTimestamp, eventTime and series instead', () => {
    const doc = core('Unhealthy', 'Liveness probe failed: connection refused', {
      firstTimestamp: null,
      lastTimestamp: null,
      count: null,
      eventTime: '2026-05-01T12:00:00.250000Z',
      series: { count: 2, lastObservedTime: '2026-05-01T12:00:10.250000Z' },
    });
    expect(importedCoreEvents(doc).map((e) => [e.type, e.at])).toEqual([
      ['ProbeExecuted', '2026-05-01T12:00:00.250Z'],
      ['ProbeExecuted', '2026-05-01T12:00:10.250Z'],
    ]);
  });

  it('in a watch stream of Events, each update adds only the occurrences it counts anew', () => {
    const convertDoc = converterFor('core-events');
    const update = (count: number, last: string) => ({ type: 'MODIFIED', object: core('Started', 'Container started', { count, lastTimestamp: last }) });
    const all = [update(1, '2026-05-01T12:00:00Z'), update(3, '2026-05-01T12:00:20Z'), update(3, '2026-05-01T12:00:20Z'), update(4, '2026-05-01T12:00:50Z')].flatMap((doc) => {
      const r = convertDoc?.(doc);
      return r === undefined || E.isLeft(r) ? [] : r.right.events;
    });
    expect(all.map((i) => [i.instance, i.event.at])).toEqual([
      [0, '2026-05-01T12:00:00.000Z'],
      [1, '2026-05-01T12:00:10.000Z'],
      [2, '2026-05-01T12:00:20.000Z'],
      [3, '2026-05-01T12:00:50.000Z'],
    ]);
  });
});
