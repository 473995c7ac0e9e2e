/**
 * kubectl prints lists in the API server's order, the storage keys' (`/registry/pods/NAMESPACE/NAME`, etcd's byte
 * order: `etcd3/store.go :: GetList` reads one key range, and the watch cache serves lists in the same key order
 * for their continuations). Namespace and name are joined by `/`, which sorts after `-`: pods of `argo-events`
 * list before those of `argo`, which list before `argocd`'s.
 */
import { describe, expect, test } from 'vitest';
import { compareStorageKeys, namespaceOrderIsKeyOrder } from '../../src/printers/go-sort.js';
import { sortPods } from '../../src/printers/get-pods.js';
import { sortRows } from '../../src/printers/pod-table.js';
import { podTableRow } from '../../src/printers/pod-table-row.js';
import { rowKey, rowLine } from '../../src/printers/row-line.js';
import { apiList } from '../../src/printers/index.js';
import type { KubeEventRow } from '../../src/printers/kube-event-row.js';
import { pod } from './fixtures.js';

const keys: readonly (readonly [string, string])[] = [
  ['default', 'web'],
  ['argocd', 'server'],
  ['argo', 'workflow-controller'],
  ['argo-events', 'eventbus-0'],
  ['argo', 'argo-server'],
];
/** The keys in etcd's order: `argo-events/…` < `argo/…` < `argocd/…` < `default/…`. */
const storageOrder = ['argo-events/eventbus-0', 'argo/argo-server', 'argo/workflow-controller', 'argocd/server', 'default/web'];

const pods = keys.map(([namespace, name]) => pod({ metadata: { namespace, name }, containers: 1 }));

describe('the API server\'s list order: storage keys, namespace and name joined by "/"', () => {
  test('compareStorageKeys orders as the joined keys do', () => {
    const joined = keys.map(([ns, name]) => `${ns}/${name}`);
    expect([...keys].sort((a, b) => compareStorageKeys(a[0], a[1], b[0], b[1])).map(([ns, name]) => `${ns}/${name}`)).toEqual([...joined].sort());
    expect([...joined].sort()).toEqual(storageOrder);
  });

  test('namespace order is key order unless a namespace extends another with "-"', () => {
    expect(namespaceOrderIsKeyOrder(new Set(['argo', 'argocd', 'default']))).toBe(true);
    expect(namespaceOrderIsKeyOrder(new Set(['argo', 'argo-events']))).toBe(false);
  });

  test('get pods -o json/yaml lists pods so (sortPods)', () => {
    expect(sortPods(pods).map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(storageOrder);
  });

  test('get pods -A prints rows so (sortRows), and namespace-then-name order where it is the same', () => {
    const lines = pods.map((p) => rowLine(podTableRow(p)));
    expect(sortRows(lines).map((l) => `${rowKey(l).namespace}/${rowKey(l).name}`)).toEqual(storageOrder);
    const plain = lines.filter((l) => rowKey(l).namespace !== 'argo-events');
    expect(sortRows(plain).map((l) => `${rowKey(l).namespace}/${rowKey(l).name}`)).toEqual(storageOrder.filter((k) => !k.startsWith('argo-events/')));
  });

  test('get events -A lists Events so (apiList)', () => {
    const event = (namespace: string, name: string): KubeEventRow => ({
      involvedObject: { kind: 'Pod', namespace, name, uid: name },
      type: 'Normal',
      reason: 'Scheduled',
      message: `${namespace}/${name}`,
      source: { component: 'default-scheduler' },
      count: 1,
      firstTimestamp: '2026-03-01T10:00:00Z',
      lastTimestamp: '2026-03-01T10:00:00Z',
    });
    expect(apiList(keys.map(([ns, name]) => event(ns, name))).map(({ row }) => row.message)).toEqual(storageOrder);
  });
});
