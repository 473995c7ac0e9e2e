/**
 * Issue 11 class 5: real shapes that leave out fields the import does not need are read, and a line is
 * refused only for what makes it unusable, naming the missing field. Kubernetes' own shapes:
 * staging/src/k8s.io/apiserver/pkg/apis/audit/v1beta1/types.go :: Event (`timestamp`, no `stageTimestamp`
 * before 1.10), staging/src/k8s.io/api/core/v1/types.go :: Event (`eventTime`, `series`, `lastTimestamp`),
 * staging/src/k8s.io/api/events/v1/types.go :: Event.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { converterFor, detectFormat, type Format } from '../../src/importers/index.js';
import { imported, real } from './fixtures.js';

const stored = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'web', namespace: 'shop', uid: 'u-web', creationTimestamp: '2017-09-11T19:55:05Z' },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
  status: { phase: 'Pending' },
};

const convert = (format: Format, doc: unknown) => {
  const c = converterFor(format);
  if (c === undefined) throw new Error('no converter');
  return c(doc);
};

describe('audit lines of every Kubernetes version', () => {
  const v1beta1Create = {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1beta1',
    metadata: { creationTimestamp: '2017-09-11T19:55:05Z' },
    level: 'RequestResponse',
    timestamp: '2017-09-11T19:55:05Z',
    auditID: 'a-1',
    stage: 'ResponseComplete',
    verb: 'create',
    objectRef: { resource: 'pods', namespace: 'shop', name: 'web', apiVersion: 'v1' },
    responseStatus: { metadata: {}, code: 201 },
    responseObject: stored,
  };

  it('a v1beta1 write without stageTimestamp is stamped with its timestamp (Kubernetes 1.8–1.9)', () => {
    const r = convert('audit', v1beta1Create);
    expect(E.isRight(r) && r.right.events.map((i) => [i.event.type, i.event.at])).toEqual([
      ['PodCreated', '2017-09-11T19:55:05.000Z'],
      ['PodObserved', '2017-09-11T19:55:05.000Z'],
    ]);
  });

  it('requestReceivedTimestamp serves when stageTimestamp is absent', () => {
    const { timestamp: _, metadata: __, ...rest } = v1beta1Create;
    const r = convert('audit', { ...rest, requestReceivedTimestamp: '2017-09-11T19:55:06.250000Z' });
    expect(E.isRight(r) && r.right.events[0]?.event.at).toBe('2017-09-11T19:55:06.250Z');
  });

  it('a pod write with no time at all is refused, naming what is missing', () => {
    const { timestamp: _, metadata: __, ...rest } = v1beta1Create;
    expect(convert('audit', rest)).toEqual(
      E.left('stageTimestamp: is required (nor requestReceivedTimestamp, timestamp or metadata.creationTimestamp is given: the line has no time)'),
    );
  });

  it('a line without apiVersion (and kind) is recognised by auditID, stage and verb', () => {
    const { apiVersion: _, kind: __, ...line } = v1beta1Create;
    expect(detectFormat(line)).toBe('audit');
    // A core/v1 Event is not mistaken for one: it has no auditID.
    expect(detectFormat({ kind: 'Event', reason: 'Pulled', involvedObject: {}, firstTimestamp: '2017-09-11T19:55:05Z' })).toBe('core-events');
  });

  it('audit.k8s.io/v1alpha1 (Kubernetes 1.7) is read like the others', () => {
    expect(detectFormat({ ...v1beta1Create, apiVersion: 'audit.k8s.io/v1alpha1' })).toBe('audit');
  });

  it('reads and other resources are skipped on their head: their objects are never decoded', () => {
    const read = { auditID: 'a-2', stage: 'ResponseComplete', verb: 'list', objectRef: { resource: 'pods' }, responseObject: 'not a PodList at all' };
    expect(convert('audit', read)).toEqual(E.right({ events: [], ignored: ['audit reads (get, list, watch)'] }));
    const other = { auditID: 'a-3', stage: 'ResponseComplete', verb: 'update', objectRef: { resource: 'leases' }, requestObject: 42 };
    expect(convert('audit', other)).toEqual(E.right({ events: [], ignored: ['audit lines about leases'] }));
  });

  it('the 2017 audit2rbac log (v1beta1, reads only, no stageTimestamp) imports with nothing to record', async () => {
    const result = await imported([real('audit2rbac-demo.v1beta1.log')]);
    expect(result.files[0]).toMatchObject({ format: 'audit', documents: 37, events: 0, ignored: { 'audit reads (get, list, watch)': 37 } });
  });

  it("Falco's exec line without apiVersion imports as an audit line (its stage is ResponseStarted)", async () => {
    const result = await imported([real('falco-exec-pod.no-apiversion.json')]);
    expect(result.files[0]).toMatchObject({ format: 'audit', documents: 1, events: 0, ignored: { 'audit stage ResponseStarted': 1 } });
  });
});

describe('Kubernetes Events in the shapes gatherers keep', () => {
  const pod = { kind: 'Pod', namespace: 'shop', name: 'web', uid: 'u-web' };

  it('an Event list without kind or apiVersion is read as Events', () => {
    expect(detectFormat({ items: [{ namespace: 'x', lastTimestamp: '2022-08-24T11:40:44+02:00', reason: 'FailedUpdate', message: 'm', type: 'Warning' }] })).toBe(
      'core-events',
    );
  });

  it('an Event naming no object is counted and skipped, whatever it lacks', () => {
    expect(convert('core-events', { reason: 'FailedUpdate', message: 'm' })).toEqual(E.right({ events: [], ignored: ['Events about no object'] }));
  });

  it('the OpenShift Insights Event list (five fields per Event, no kind) imports with nothing to record', async () => {
    const result = await imported([real('openshift-events-machine-api.json')]);
    expect(result.files[0]).toMatchObject({ format: 'core-events', events: 0, ignored: { 'Events about no object': 2 } });
  });

  it("a must-gather's kube-system Events, two without a reason (an installer's bootstrap Events), import: reason is omitempty", async () => {
    const result = await imported([real('must-gather-clean/kube-system-events.yaml')]);
    expect(result.files[0]).toMatchObject({ format: 'core-events', events: 0, ignored: { 'Events about ConfigMap': 6, 'Events about Lease': 2, 'Events about Namespace': 1, 'Events about no object': 2 } });
  });

  it("a pod's Event without a reason is read, not refused: counted like any reason the import does not map, both kinds", () => {
    const at = '2026-05-01T12:00:07Z';
    expect(convert('core-events', { involvedObject: { ...pod, fieldPath: 'spec.containers{app}' }, message: 'm', lastTimestamp: at })).toEqual(
      E.right({ events: [], ignored: ['container Events with reason '] }),
    );
    expect(convert('events-v1', { apiVersion: 'events.k8s.io/v1', regarding: pod, note: 'm', eventTime: '2026-05-01T12:00:07.000000Z' })).toEqual(
      E.right({ events: [], ignored: ['pod Events with reason '] }),
    );
  });

  it('an Event with only eventTime and series is read (series.count includes the first)', () => {
    const r = convert('core-events', {
      involvedObject: pod,
      reason: 'Scheduled',
      message: 'Successfully assigned shop/web to node-1',
      eventTime: '2026-05-01T12:00:00.000000Z',
      series: { count: 1, lastObservedTime: '2026-05-01T12:00:00.000000Z' },
    });
    expect(E.isRight(r) && r.right.events.map((i) => [i.event.type, i.event.at])).toEqual([['PodBound', '2026-05-01T12:00:00.000Z']]);
  });

  it('an Event stamped only with lastTimestamp happened then', () => {
    const r = convert('core-events', { involvedObject: pod, reason: 'Scheduled', message: 'Successfully assigned shop/web to node-1', lastTimestamp: '2026-05-01T12:00:07Z' });
    expect(E.isRight(r) && r.right.events.map((i) => i.event.at)).toEqual(['2026-05-01T12:00:07.000Z']);
  });

  it('an events.k8s.io/v1 Event with only series is read', () => {
    const r = convert('events-v1', {
      apiVersion: 'events.k8s.io/v1',
      regarding: pod,
      reason: 'Scheduled',
      note: 'Successfully assigned shop/web to node-1',
      eventTime: null,
      series: { count: 1, lastObservedTime: '2026-05-01T12:00:09.000000Z' },
    });
    expect(E.isRight(r) && r.right.events.map((i) => i.event.at)).toEqual(['2026-05-01T12:00:09.000Z']);
  });

  it("a pod's Event with no time is refused, naming every time field it could have had", () => {
    expect(convert('core-events', { items: [{ involvedObject: pod, reason: 'Scheduled' }] })).toEqual(
      E.left('items[0].firstTimestamp: is required (none of firstTimestamp, eventTime, metadata.creationTimestamp, lastTimestamp, series.lastObservedTime is given: the Event has no time)'),
    );
  });
});
