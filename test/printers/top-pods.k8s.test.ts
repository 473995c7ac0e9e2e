/**
 * Kubernetes cases carried over as data: `kubectl top pod`'s printer and sorters at kubectl v0.36.3
 * (`pkg/metricsutil/metrics_printer_test.go :: TestPrintPodMetrics`, `pkg/cmd/top/top_pod_test.go :: TestTopPod`),
 * against `podj top pods`' table (`src/printers/top-pods.ts`).
 *
 * A journal samples memory, not CPU: podj prints `<unknown>` where kubectl prints millicores, so each expected
 * line is compared with its CPU cell (`NNNm`) read as `<unknown>`, cell by cell (the column widths follow).
 * Skipped: TestTopPod's `sort by cpu` cases (no CPU to sort by), its `with swap` case (no swap sampled), its
 * selector and namespace cases (they assert the request kubectl sends to the metrics API, which podj has not).
 * TestPrintPodMetrics at v0.36.3 has no `-o wide` NODE case (a later kubectl's).
 */
import { describe, expect, test } from 'vitest';
import { topPodsTable, type PodUsage, type TopPodsOptions } from '../../src/printers/top-pods.js';

const Mi = (n: number): bigint => BigInt(n) * 1024n * 1024n;
const Gi = (n: number): bigint => Mi(n * 1024);

const cells = (line: string): string[] => line.trim().split(/\s+/).map((cell) => (/^\d+m$/.test(cell) ? '<unknown>' : cell));
const table = (text: string): string[][] => text.split('\n').slice(0, -1).map(cells);

interface PrinterCase {
  readonly name: string;
  readonly pods: readonly PodUsage[];
  readonly opts: Partial<TopPodsOptions>;
  /** kubectl's output, as the Go test states it. */
  readonly expected: string;
}

const test1: PodUsage = { namespace: 'default', name: 'test', containers: [{ name: 'container1', memoryBytes: Gi(1) }, { name: 'container2', memoryBytes: Gi(1) }] };
const test2: PodUsage = { namespace: 'default', name: 'test-1', containers: [{ name: 'container1', memoryBytes: Gi(3) }, { name: 'container2', memoryBytes: Gi(2) }] };

// metrics_printer_test.go :: TestPrintPodMetrics
const printerCases: readonly PrinterCase[] = [
  {
    name: 'Single Pod with Multiple Containers',
    pods: [test1],
    opts: {},
    expected: 'NAME   CPU(cores)   MEMORY(bytes)   \ntest   400m         2048Mi          \n',
  },
  {
    name: 'Single Pod with Multiple Containers - Print Containers',
    pods: [test1],
    opts: { containers: true },
    expected: 'POD    NAME         CPU(cores)   MEMORY(bytes)   \ntest   container1   200m         1024Mi          \ntest   container2   200m         1024Mi          \n',
  },
  {
    name: 'Single Pod with Multiple Containers - Calculate Resource Usage Without Header',
    pods: [test1],
    opts: { headers: false },
    expected: 'test   400m   2048Mi   \n',
  },
  {
    name: 'Multiple Pods with Multiple Containers - Sort by Memory Usage',
    pods: [test1, test2],
    opts: { sortBy: 'memory' },
    expected: 'NAME     CPU(cores)   MEMORY(bytes)   \ntest-1   400m         5120Mi          \ntest     400m         2048Mi          \n',
  },
  {
    name: 'Multiple Pods with Multiple Containers - Calculate Total Resource Usage',
    pods: [test1, test2],
    opts: { sum: true },
    expected: 'NAME     CPU(cores)   MEMORY(bytes)   \ntest     400m         2048Mi          \ntest-1   400m         5120Mi          \n         ________     ________        \n         800m         7168Mi          \n',
  },
];

const options = (o: Partial<TopPodsOptions>): TopPodsOptions => ({ withNamespace: false, containers: false, headers: true, sum: false, ...o });

describe('metrics_printer_test.go :: TestPrintPodMetrics', () => {
  test.each(printerCases)('$name', ({ pods, opts, expected }) => {
    expect(table(topPodsTable(pods, options(opts)))).toEqual(table(expected));
  });
});

// top_pod_test.go :: testV1beta1PodMetricsData, all in namespace "test".
const metricsData: readonly PodUsage[] = [
  { namespace: 'test', name: 'pod1', containers: [{ name: 'container1-1', memoryBytes: Mi(2) }, { name: 'container1-2', memoryBytes: Mi(5) }] },
  { namespace: 'test', name: 'pod2', containers: [{ name: 'container2-1', memoryBytes: Mi(8) }, { name: 'container2-2', memoryBytes: Mi(11) }, { name: 'container2-3', memoryBytes: Mi(14) }] },
  { namespace: 'test', name: 'pod3', containers: [{ name: 'container3-1', memoryBytes: Mi(8) }] },
];

/** `getResultColumnValues`: column `n` of every line after the header. */
const column = (text: string, n: number): string[] => table(text).slice(1).map((line) => line[n] ?? '');

describe('top_pod_test.go :: TestTopPod', () => {
  test('pod sort by memory', () => {
    expect(column(topPodsTable(metricsData, options({ sortBy: 'memory' })), 0)).toEqual(['pod2', 'pod3', 'pod1']);
  });
  test('container sort by memory', () => {
    expect(column(topPodsTable(metricsData, options({ sortBy: 'memory', containers: true })), 1)).toEqual([
      'container2-3',
      'container2-2',
      'container2-1',
      'container3-1',
      'container1-2',
      'container1-1',
    ]);
  });
  test('pod with container metrics', () => {
    expect(column(topPodsTable([metricsData[0] as PodUsage], options({ containers: true })), 1)).toEqual(['container1-1', 'container1-2']);
  });
});
