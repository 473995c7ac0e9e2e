/** kubeEventsFor: the core/v1 Events the kubelet, scheduler and controllers record for journal events. */
import { describe, expect, it } from 'vitest';
import { eventTypes } from '../../src/events/index.js';
import { coreReasonsByEventType, eventsOfPod, journalTypesForReason, kubeEventsFor } from '../../src/printers/kube-events.js';
import { POD, ev } from './journal.js';

const manifest = {
  metadata: { name: 'web', namespace: 'default' },
  spec: { initContainers: [{ name: 'setup', image: 'busybox' }], containers: [{ name: 'app', image: 'nginx:1.27' }] },
};

const lifecycle = [
  ev(300, 'PodCreated', 'api', { manifest }),
  ev(299, 'PodBound', 'scheduler', { node: 'node-a' }),
  ev(298, 'PodAdmitted', 'kubelet', { node: 'node-a' }),
  ev(297, 'ImagePulled', 'runtime', { container: 'setup', image: 'busybox', alreadyPresent: true }),
  ev(296, 'ContainerCreated', 'runtime', { container: 'setup', containerID: 'containerd://1' }),
  ev(290, 'ImagePulling', 'runtime', { container: 'app', image: 'nginx:1.27' }),
  ev(288, 'ImagePulled', 'runtime', { container: 'app', image: 'nginx:1.27', alreadyPresent: false, durationMs: 1234 }),
  ev(287, 'ContainerStarted', 'runtime', { container: 'app', containerID: 'containerd://2' }),
  ev(200, 'ProbeExecuted', 'prober', { container: 'app', probe: 'liveness', outcome: 'failure', output: 'HTTP probe failed with statuscode: 500' }),
  ev(190, 'ProbeExecuted', 'prober', { container: 'app', probe: 'liveness', outcome: 'failure', output: 'HTTP probe failed with statuscode: 500' }),
  ev(180, 'ProbeExecuted', 'prober', { container: 'app', probe: 'liveness', outcome: 'failure', output: 'HTTP probe failed with statuscode: 500' }),
  ev(180, 'ContainerKilling', 'kubelet', { container: 'app', reason: 'LivenessProbeFailed', message: '', gracePeriodSeconds: 30 }),
  ev(60, 'ContainerBackOff', 'kubelet', { container: 'app', delaySeconds: 20, until: '2026-03-01T11:59:20.000Z' }),
];

describe('Pulled with the image size (pkg/kubelet/images/image_manager.go :: EnsureImageExists)', () => {
  it('adds "Image size: N bytes." when the pull recorded a size, and keeps older events without it as they were', () => {
    const pulled = (extra: Record<string, unknown>) =>
      kubeEventsFor([
        ev(300, 'PodCreated', 'api', { manifest }),
        ev(288, 'ImagePulled', 'runtime', { container: 'app', image: 'nginx:1.27', alreadyPresent: false, durationMs: 1234, ...extra }),
      ]).map((r) => r.message);
    expect(pulled({ sizeBytes: 72_404_038 })).toEqual(['Successfully pulled image "nginx:1.27" in 1.234s (1.234s including waiting). Image size: 72404038 bytes.']);
    expect(pulled({})).toEqual(['Successfully pulled image "nginx:1.27" in 1.234s (1.234s including waiting)']);
    expect(pulled({ waitedMs: 3043 })).toEqual(['Successfully pulled image "nginx:1.27" in 1.234s (3.043s including waiting)']);
  });
});

describe('kubeEventsFor', () => {
  const rows = kubeEventsFor(lifecycle);
  const brief = rows.map((r) => [r.type, r.reason, r.source.component, r.involvedObject.fieldPath ?? '', r.message, r.count]);

  it('maps each journal event to what the cluster records, with exact reasons, sources and messages', () => {
    expect(brief).toEqual([
      ['Normal', 'Scheduled', 'default-scheduler', '', 'Successfully assigned default/web to node-a', 1],
      ['Normal', 'Pulled', 'kubelet', 'spec.initContainers{setup}', 'Container image "busybox" already present on machine and can be accessed by the pod', 1],
      ['Normal', 'Created', 'kubelet', 'spec.initContainers{setup}', 'Container created', 1],
      ['Normal', 'Pulling', 'kubelet', 'spec.containers{app}', 'Pulling image "nginx:1.27"', 1],
      ['Normal', 'Pulled', 'kubelet', 'spec.containers{app}', 'Successfully pulled image "nginx:1.27" in 1.234s (1.234s including waiting)', 1],
      ['Normal', 'Started', 'kubelet', 'spec.containers{app}', 'Container started', 1],
      ['Warning', 'Unhealthy', 'kubelet', 'spec.containers{app}', 'Liveness probe failed: HTTP probe failed with statuscode: 500', 3],
      ['Normal', 'Killing', 'kubelet', 'spec.containers{app}', 'Container app failed liveness probe, will be restarted', 1],
      ['Warning', 'BackOff', 'kubelet', 'spec.containers{app}', `Back-off restarting failed container app in pod web_default(${POD.uid})`, 1],
    ]);
  });

  it('identical events are one row: count, first and last timestamps (seconds precision)', () => {
    const unhealthy = rows.find((r) => r.reason === 'Unhealthy');
    expect(unhealthy).toMatchObject({ count: 3, firstTimestamp: '2026-03-01T11:56:40Z', lastTimestamp: '2026-03-01T11:57:00Z' });
  });

  it('kubelet events name the node as source host once the pod is bound', () => {
    expect(rows.find((r) => r.reason === 'Started')?.source).toEqual({ component: 'kubelet', host: 'node-a' });
    expect(rows.find((r) => r.reason === 'Scheduled')?.source).toEqual({ component: 'default-scheduler' });
  });

  it('a binding the scheduler did not make records no Scheduled (a pod created with spec.nodeName, a static pod\'s mirror)', () => {
    const reasons = (source: 'api' | 'scheduler') =>
      kubeEventsFor([ev(300, 'PodCreated', 'api', { manifest }), ev(300, 'PodBound', source, { node: 'node-a' }), ev(298, 'PodAdmitted', 'kubelet', { node: 'node-a' })]).map((r) => r.reason);
    expect(reasons('api')).toEqual([]);
    expect(reasons('scheduler')).toEqual(['Scheduled']);
  });

  it('image pull failures record the failure and the kubelet\'s "Error: <reason>"', () => {
    const failed = kubeEventsFor([
      ev(10, 'ImagePullFailed', 'runtime', { container: 'app', image: 'nginx:nope', reason: 'ErrImagePull', message: 'not found' }),
      ev(9, 'ImagePullBackOff', 'kubelet', { container: 'app', image: 'nginx:nope', delaySeconds: 10, until: '2026-03-01T12:00:00.000Z' }),
      ev(5, 'ImagePullFailed', 'runtime', { container: 'app', image: 'nginx:nope', reason: 'ErrImageNeverPull', message: '' }),
    ]).map((r) => [r.type, r.reason, r.message]);
    expect(failed).toEqual([
      ['Warning', 'Failed', 'Failed to pull image "nginx:nope": not found'],
      ['Warning', 'Failed', 'Error: ErrImagePull'],
      ['Normal', 'BackOff', 'Back-off pulling image "nginx:nope"'],
      ['Warning', 'Failed', 'Error: ImagePullBackOff'],
      ['Warning', 'ErrImageNeverPull', 'Container image "nginx:nope" is not present with pull policy of Never'],
      ['Warning', 'Failed', 'Error: ErrImageNeverPull'],
    ]);
  });

  it('controllers: node loss, taint eviction, kubelet eviction, deletion kills', () => {
    const rows2 = kubeEventsFor([
      ev(40, 'PodNodeLost', 'controller', { node: 'node-a' }),
      ev(30, 'PodConditionSet', 'controller', { conditionType: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }),
      ev(20, 'PodEvicted', 'kubelet', { signal: 'memory.available', message: 'The node was low on resource: memory. ' }),
      ev(10, 'ContainerKilling', 'kubelet', { container: 'app', reason: 'PodDeleted', message: '', gracePeriodSeconds: 30 }),
    ]).map((r) => [r.type, r.reason, r.source.component, r.message]);
    expect(rows2).toEqual([
      ['Warning', 'NodeNotReady', 'node-controller', 'Node is not ready'],
      ['Normal', 'TaintManagerEviction', 'taint-eviction-controller', 'Marking for deletion Pod default/web'],
      ['Warning', 'Evicted', 'kubelet', 'The node was low on resource: memory. '],
      ['Normal', 'Killing', 'kubelet', 'Stopping container app'],
    ]);
  });

  it("an eviction whose kill outlasts killPodNow's wait: ExceededGracePeriod on the pod (pod_workers.go :: killPodNow)", () => {
    const timedOut = kubeEventsFor([ev(20, 'PodEvicted', 'kubelet', { signal: 'memory.available', message: 'The node was low on resource: memory. ' }), ev(10, 'PodKillTimedOut', 'kubelet', {})]);
    expect(timedOut.map((r) => [r.type, r.reason, r.source.component, r.message, r.involvedObject.fieldPath])).toEqual([
      ['Warning', 'Evicted', 'kubelet', 'The node was low on resource: memory. ', undefined],
      ['Warning', 'ExceededGracePeriod', 'kubelet', 'Container runtime did not kill the pod within specified grace period.', undefined],
    ]);
    expect(journalTypesForReason('ExceededGracePeriod')).toEqual(['PodKillTimedOut']);
  });

  it('the spam filter lets 25 events of a pod through, then one per 5 minutes; the logger still counts the dropped ones', () => {
    const failure = (secondsAgo: number) =>
      ev(secondsAgo, 'ProbeExecuted', 'prober', { container: 'app', probe: 'readiness', outcome: 'failure', output: 'connection refused' });
    const thirty = Array.from({ length: 30 }, (_, i) => failure(600 - 10 * i));
    const [throttled] = kubeEventsFor(thirty);
    expect(throttled).toMatchObject({ count: 25, firstTimestamp: '2026-03-01T11:50:00Z', lastTimestamp: '2026-03-01T11:54:00Z' });
    const [refilled] = kubeEventsFor([...thirty, failure(300)]);
    expect(refilled).toMatchObject({ count: 31, firstTimestamp: '2026-03-01T11:50:00Z', lastTimestamp: '2026-03-01T11:55:00Z' });
  });

  it('every reason emitted is declared in the reverse table', () => {
    for (const row of rows) {
      expect(journalTypesForReason(row.reason).length, row.reason).toBeGreaterThan(0);
    }
  });
});

describe('eventsOfPod', () => {
  it('keeps the events of the pod with that name, namespace and uid', () => {
    const rows = kubeEventsFor([ev(10, 'PodBound', 'scheduler', { node: 'n' })]);
    expect(eventsOfPod(rows, { metadata: { name: 'web', namespace: 'default', uid: POD.uid } })).toHaveLength(1);
    expect(eventsOfPod(rows, { metadata: { name: 'web', namespace: 'default', uid: 'another-incarnation' } })).toHaveLength(0);
    expect(eventsOfPod(rows, { metadata: { name: 'web', namespace: 'prod' } })).toHaveLength(0);
  });
});

describe('journalTypesForReason', () => {
  it('covers every journal event type and reads reasons backwards', () => {
    expect(new Set(Object.keys(coreReasonsByEventType))).toEqual(eventTypes);
    expect(journalTypesForReason('Scheduled')).toEqual(['PodBound']);
    expect(journalTypesForReason('BackOff')).toEqual(['ContainerBackOff', 'ImagePullBackOff']);
    expect(journalTypesForReason('Failed')).toEqual(['ImagePullFailed', 'ContainerStartFailed', 'ImagePullBackOff']);
    expect(journalTypesForReason('NoSuchReason')).toEqual([]);
  });
});
