/**
 * `kubectl top pod`'s table (`kubectl/pkg/metricsutil/metrics_printer.go :: PrintPodMetrics`, its sorters and
 * `printPodResourcesSum`), as `podj top pods` prints it from a journal's usage samples.
 */
import { describe, expect, test } from 'vitest';
import { topPodsTable, type PodUsage, type TopPodsOptions } from '../../src/printers/top-pods.js';

const Mi = (n: number): bigint => BigInt(n) * 1024n * 1024n;
const pods: PodUsage[] = [
  { namespace: 'web', name: 'b-pod', containers: [{ name: 'app', memoryBytes: Mi(10) }] },
  { namespace: 'batch', name: 'a-pod', containers: [{ name: 'worker', memoryBytes: Mi(30) }, { name: 'log', memoryBytes: Mi(5) + 512n * 1024n }] },
  { namespace: 'web', name: 'c-pod', containers: [{ name: 'app', memoryBytes: Mi(300) }] },
];
const options = (o: Partial<TopPodsOptions>): TopPodsOptions => ({ withNamespace: false, containers: false, headers: true, sum: false, ...o });
const lines = (o: Partial<TopPodsOptions>): string[] => topPodsTable(pods, options(o)).split('\n').slice(0, -1);

describe('kubectl top pod', () => {
  test('pods by name, memory summed per pod in whole Mi; every cell tab-terminated, so the last column is padded too', () => {
    expect(lines({})).toEqual(['NAME    CPU(cores)   MEMORY(bytes)   ', 'a-pod   <unknown>    35Mi            ', 'b-pod   <unknown>    10Mi            ', 'c-pod   <unknown>    300Mi           ']);
  });
  test('-A: by namespace, then name (PodMetricsSorter with withNamespace)', () => {
    expect(lines({ withNamespace: true }).map((l) => l.split(/\s+/).slice(0, 2).join('/'))).toEqual(['NAMESPACE/NAME', 'batch/a-pod', 'web/b-pod', 'web/c-pod']);
  });
  test("-A: namespace before name as strings, not get pods' storage-key order (argo/… before argo-events/…)", () => {
    // kubectl sorts the list itself (metrics_sorter.go :: PodMetricsSorter.Less), after metrics-server sorted it the
    // same way (pkg/api/pod.go :: getMetrics): neither keeps the API server's /registry/pods/NS/NAME key order.
    const argo: PodUsage[] = [
      { namespace: 'argo-events', name: 'eventbus-0', containers: [{ name: 'c', memoryBytes: Mi(1) }] },
      { namespace: 'argo', name: 'workflow-controller', containers: [{ name: 'c', memoryBytes: Mi(1) }] },
    ];
    const rows = topPodsTable(argo, options({ withNamespace: true, headers: false })).split('\n').slice(0, -1);
    expect(rows.map((l) => l.split(/\s+/).slice(0, 2).join('/'))).toEqual(['argo/workflow-controller', 'argo-events/eventbus-0']);
  });
  test('--sort-by memory: the largest first, by bytes (35.5Mi before 10Mi); cpu (no samples) keeps the default order', () => {
    expect(lines({ sortBy: 'memory' }).slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['c-pod', 'a-pod', 'b-pod']);
    expect(lines({ sortBy: 'cpu' }).slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['a-pod', 'b-pod', 'c-pod']);
  });
  test('--containers: POD NAME, containers by name, or by memory with --sort-by memory (ContainerMetricsSorter)', () => {
    expect(lines({ containers: true })[0]).toBe('POD     NAME     CPU(cores)   MEMORY(bytes)   ');
    expect(lines({ containers: true }).slice(1, 3).map((l) => l.split(/\s+/).slice(0, 2).join('/'))).toEqual(['a-pod/log', 'a-pod/worker']);
    expect(lines({ containers: true, sortBy: 'memory' }).slice(1).map((l) => l.split(/\s+/).slice(0, 2).join('/'))).toEqual(['c-pod/app', 'a-pod/worker', 'a-pod/log', 'b-pod/app']);
  });
  test('--sum: a rule under the usage columns, then the totals (printPodResourcesSum)', () => {
    expect(lines({ sum: true }).slice(-2)).toEqual(['        ________     ________        ', '        <unknown>    345Mi           ']);
    expect(lines({ sum: true, withNamespace: true, containers: true }).slice(-2).map((l) => l.split('   ').filter((c) => c.trim() !== '').length)).toEqual([2, 2]);
  });
  test('--no-headers', () => {
    expect(lines({ headers: false })[0]).toMatch(/^a-pod\s/);
  });
});
