/**
 * Every reason `importers/event-reasons.ts` maps prints, once imported, as the cluster recorded it: its type,
 * reason, message and reporter, one row per Event object, the count it recorded. Each Event below is worded as
 * no v1.36 component words it (a suffix, or a v1.33 kubelet's words) and reported by `kubelet` on `node-7` (or
 * by the scheduler through `reportingComponent`, as a v1.33 scheduler writes through events.k8s.io), so that a
 * row in v1.36's words, or the engine's reporter, fails.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { kubeEventsFor } from '../../src/printers/index.js';
import { importedCoreEvents } from '../support/imported-events.js';

interface Ref {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly fieldPath?: string;
}
const pod: Ref = { kind: 'Pod', namespace: 'shop', name: 'web-0', uid: 'u-web-0' };
const onApp: Ref = { ...pod, fieldPath: 'spec.containers{app}' };
const kubelet = { source: { component: 'kubelet', host: 'node-7' } };
const scheduler = { source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-node-7' };

const core = (reason: string, type: string, message: string, count: number, extra: Record<string, unknown> = kubelet) => ({
  kind: 'Event',
  apiVersion: 'v1',
  metadata: { name: `web-0.${reason}`, namespace: 'shop', uid: `e-${reason}` },
  involvedObject: onApp,
  reason,
  message,
  type,
  firstTimestamp: '2026-05-01T12:00:00Z',
  lastTimestamp: count === 1 ? '2026-05-01T12:00:00Z' : '2026-05-01T12:04:00Z',
  count,
  ...extra,
});
const onPod = (doc: ReturnType<typeof core>): ReturnType<typeof core> => ({ ...doc, involvedObject: pod });


describe('an imported Event prints as recorded, whatever its reason', () => {
  it.each([
    onPod(core('Scheduled', 'Normal', 'Successfully assigned shop/web-0 to node-7 (as recorded)', 1, scheduler)),
    onPod(core('FailedScheduling', 'Warning', '0/3 nodes are available: 3 Insufficient memory. (as recorded)', 3, scheduler)),
    onPod(core('OutOfcpu', 'Warning', "Node didn't have enough resource: cpu, requested: 4000, used: 500, capacity: 2000 (as recorded)", 1)),
    onPod(core('NodeAffinity', 'Warning', "Predicate NodeAffinity failed (as recorded)", 1)),
    onPod(core('Evicted', 'Warning', 'The node had condition: [DiskPressure]. (as recorded)', 1)),
    onPod(core('Evicted', 'Warning', 'The node was low on resource: memory. (as recorded)', 1)),
    // The journal holds a pod's deadline once (importers/fact-identity.ts: once per pod), whatever the count.
    onPod(core('DeadlineExceeded', 'Normal', 'Pod was active on the node longer than the specified deadline (as recorded)', 1)),
    onPod(core('Preempted', 'Normal', 'Preempted by pod 7f2c on node node-7', 1, scheduler)),
    core('Pulling', 'Normal', 'Pulling image "nginx:1.27" (as recorded)', 2),
    core('Pulled', 'Normal', 'Successfully pulled image "nginx:1.27" in 1.204s (1.204s including waiting). Image size: 20 bytes. (as recorded)', 1),
    core('Pulled', 'Normal', 'Container image "nginx:1.27" already present on machine', 4),
    core('Failed', 'Warning', 'Failed to pull image "nginx:nope": not found (as recorded)', 1),
    core('Failed', 'Warning', 'Error: failed to create containerd task (as recorded)', 1),
    core('InspectFailed', 'Warning', 'Failed to apply default image tag "NGINX": invalid reference format (as recorded)', 1),
    core('ErrImageNeverPull', 'Warning', 'Container image "nginx:nope" is not present with pull policy of Never (as recorded)', 1),
    core('BackOff', 'Warning', 'Back-off restarting failed container app in pod web-0_shop(u-web-0) (as recorded)', 5),
    core('BackOff', 'Normal', 'Back-off pulling image "nginx:nope" (as recorded)', 3),
    core('Created', 'Normal', 'Created container: app', 3),
    core('Started', 'Normal', 'Started container app', 3),
    core('Killing', 'Normal', 'Container app failed liveness probe, will be restarted (as recorded)', 2),
    core('Killing', 'Normal', 'Stopping container app (as recorded)', 1),
    core('Unhealthy', 'Warning', 'Liveness probe failed: connection refused (as recorded)', 6),
    core('FailedPostStartHook', 'Warning', 'PostStartHook failed (as recorded)', 1),
  ])('$reason: $message', (doc) => {
    // A pull failure's restatement `Error: ErrImagePull`, which the import skips, stays podj's (the same words in v1.33).
    const rows = kubeEventsFor(importedCoreEvents(doc)).filter((r) => r.reason === doc.reason && r.message !== 'Error: ErrImagePull');
    const source = 'reportingComponent' in doc ? { component: 'default-scheduler', host: 'default-scheduler-node-7' } : { component: 'kubelet', host: 'node-7' };
    expect(rows.map(({ type, reason, message, source, count, involvedObject }) => ({ type, reason, message, source, count, fieldPath: involvedObject.fieldPath }))).toEqual([
      { type: doc.type, reason: doc.reason, message: doc.message, source, count: doc.count, fieldPath: doc.involvedObject.fieldPath },
    ]);
  });

  it('keeps two Event objects of the same words two rows, and counts the engine-made ones as the correlator does', () => {
    const first = core('Pulling', 'Normal', 'Pulling image "nginx:1.27"', 1);
    const second = { ...first, metadata: { ...first.metadata, uid: 'e-Pulling-2' }, firstTimestamp: '2026-05-01T12:00:15Z', lastTimestamp: '2026-05-01T12:00:15Z' };
    const rows = kubeEventsFor(importedCoreEvents({ kind: 'EventList', apiVersion: 'v1', items: [first, second] }));
    expect(rows.map((r) => [r.reason, r.count, r.firstTimestamp])).toEqual([
      ['Pulling', 1, '2026-05-01T12:00:00Z'],
      ['Pulling', 1, '2026-05-01T12:00:15Z'],
    ]);
    const engine = importedCoreEvents({ kind: 'EventList', apiVersion: 'v1', items: [first, second] }).map(({ from: _from, ...e }) => e as Event);
    expect(kubeEventsFor(engine).map((r) => [r.reason, r.count, r.message])).toEqual([['Pulling', 2, 'Pulling image "nginx:1.27"']]);
  });
});
