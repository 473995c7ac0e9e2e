import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/importers/index.js';

describe('detectFormat (from content)', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } };
  it.each([
    ['an audit v1 line', { kind: 'Event', apiVersion: 'audit.k8s.io/v1', auditID: 'x' }, 'audit'],
    ['an audit v1beta1 EventList', { kind: 'EventList', apiVersion: 'audit.k8s.io/v1beta1', items: [] }, 'audit'],
    ['a pod watch event', { type: 'ADDED', object: pod }, 'watch'],
    ['a bare Pod', pod, 'watch'],
    ['a Pod without kind (kubectl -o yaml of an object)', { metadata: {}, spec: { containers: [] } }, 'watch'],
    ['a PodList', { kind: 'PodList', apiVersion: 'v1', items: [pod] }, 'pod-list'],
    ['a List of Pods', { kind: 'List', apiVersion: 'v1', items: [pod] }, 'pod-list'],
    ['an empty List (kubectl get pods -o json finding none)', { kind: 'List', apiVersion: 'v1', items: [], metadata: { resourceVersion: '' } }, 'pod-list'],
    ["a kubelet's /pods before it runs any pod (items null: Go's nil slice)", { kind: 'PodList', apiVersion: 'v1', metadata: {}, items: null }, 'pod-list'],
    ['a core/v1 Event', { kind: 'Event', apiVersion: 'v1', involvedObject: {} }, 'core-events'],
    ['a core/v1 EventList', { kind: 'EventList', apiVersion: 'v1', items: [] }, 'core-events'],
    ['a watch event of a core/v1 Event', { type: 'MODIFIED', object: { kind: 'Event', apiVersion: 'v1', involvedObject: {} } }, 'core-events'],
    ['an events.k8s.io/v1 Event', { kind: 'Event', apiVersion: 'events.k8s.io/v1', regarding: {} }, 'events-v1'],
    ['an events.k8s.io/v1 EventList', { kind: 'EventList', apiVersion: 'events.k8s.io/v1', items: [] }, 'events-v1'],
    ['a podjournal export header', { podjournal: { format: 1 } }, 'podjournal-export'],
  ])('%s', (_, doc, format) => {
    expect(detectFormat(doc)).toBe(format);
  });

  it.each([
    ['a Deployment', { kind: 'Deployment', apiVersion: 'apps/v1', spec: {} }],
    ['a list of no kind with items null', { items: null }],
    ['a number', 42],
  ])('knows nothing of %s', (_, doc) => {
    expect(detectFormat(doc)).toBeUndefined();
  });
});
