/**
 * Go's `sort.Sort` (src/sort/sort.go :: Sort, src/sort/zsortinterface.go :: pdqsort), which kubectl's `--sort-by`
 * (sorter.go :: SortObjects, TableSorter.Sort) and `top` (metrics_printer.go) call: the orders of ties it leaves.
 * go-sort-cases.json holds the orders Go itself produced: Go 1.19.8's src/sort (its zsortinterface.go is the same
 * as Go 1.22's and later) with sort.go's xorshift as Go 1.22 and later write it (<< 13, >> 7, << 17), sorting int
 * keys with kubectl's Less (a missing key, null, is less than any, itself included), each case naming the rarer
 * paths it takes (breakPatterns, heapSort, reverseRange, partitionEqual). Plus sort_test.go's TestSortLarge_Random
 * and TestReverseSortIntSlice checks (a sorted result, sizes 1e3 and 1e4).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { goSort } from '../../src/printers/go-sort.js';
import { describePod } from '../../src/printers/describe-pod.js';
import type { KubeEventRow } from '../../src/printers/kube-event-row.js';
import { sortByPath } from '../../src/printers/sort-by.js';
import { richPod } from './describe-pods.js';
import { NOW } from './fixtures.js';
import { topPodsTable, type PodUsage } from '../../src/printers/top-pods.js';

interface Case {
  readonly name: string;
  readonly keys: ReadonlyArray<number | null>;
  readonly order: readonly number[];
  readonly paths: readonly string[];
}

const cases = JSON.parse(readFileSync(new URL('./go-sort-cases.json', import.meta.url), 'utf8')) as Case[];

/** kubectl's `RuntimeSort.Less` over decoded values: an item without the field first, whatever the other. */
const kubectlLess = (keys: Case['keys']) => (i: number, j: number): boolean => {
  const a = keys[i];
  const b = keys[j];
  if (a === null || a === undefined) return true;
  if (b === null || b === undefined) return false;
  return a < b;
};

describe("Go's sort.Sort", () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: the order Go gives', (_, c) => {
    const positions = c.keys.map((_k, i) => i);
    expect(goSort(positions, kubectlLess(c.keys))).toEqual(c.order);
  });

  it('the cases take every path of pdqsort', () => {
    expect(new Set(cases.flatMap((c) => c.paths))).toEqual(new Set(['breakPatterns', 'heapSort', 'reverseRange', 'partitionEqual']));
  });

  it('up to 12 items it is an insertion sort: ties keep their order', () => {
    const keys = [2, 1, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2];
    expect(goSort(keys.map((_k, i) => i), (i, j) => (keys[i] ?? 0) < (keys[j] ?? 0))).toEqual([4, 7, 10, 1, 3, 6, 9, 0, 2, 5, 8, 11]);
  });

  it('sort_test.go :: TestSortLarge_Random, TestReverseSortIntSlice: sorted, every item once', () => {
    let seed = 1;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const n of [1000, 10_000]) {
      const data = Array.from({ length: n }, () => random() % (n * 10));
      const sorted = goSort(data, (a, b) => a < b);
      expect(sorted).toEqual([...data].sort((a, b) => a - b));
      expect(goSort(data, (a, b) => a > b)).toEqual([...data].sort((a, b) => b - a));
    }
  });
});

/** The Go case named `name`. */
const goCase = (name: string): Case => {
  const found = cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no case ${name}`);
  return found;
};

describe('where kubectl calls sort.Sort, ties come out in its order', () => {
  it('--sort-by over more than 12 objects, some without the field (sorter.go :: SortObjects, TableSorter.Sort)', () => {
    const c = goCase('64 items, 3 values, some missing');
    const objects = c.keys.map((k, i) => ({ metadata: { name: `pod-${i}` }, spec: k === null ? {} : { priority: k } }));
    const sorted = sortByPath(objects, '.spec.priority', (o) => o, { table: false });
    expect(E.isRight(sorted) && sorted.right.map((o) => o.metadata.name)).toEqual(c.order.map((i) => `pod-${i}`));
  });

  it('top pods --sort-by memory over more than 12 pods (metrics_sorter.go :: PodMetricsSorter.Less, memory larger first)', () => {
    const c = goCase('100 items, 3 values');
    const Mi = 1024n * 1024n;
    // metrics-server lists them by name (pod-000 …); a smaller key is more memory, as Less compares with >
    const pods: PodUsage[] = c.keys.map((k, i) => ({ namespace: 'ns', name: `pod-${String(i).padStart(3, '0')}`, containers: [{ name: 'app', memoryBytes: BigInt(10 - (k ?? 0)) * Mi }] }));
    const rows = topPodsTable(pods, { withNamespace: false, containers: false, headers: false, sortBy: 'memory', sum: false }).split('\n').slice(0, -1);
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(c.order.map((i) => `pod-${String(i).padStart(3, '0')}`));
  });

  it("describe's Events, more than 12 of them ending in the same seconds (describe.go :: DescribeEvents, SortableEvents)", () => {
    const c = goCase('20 items, 3 values');
    // first seen in one second (listed by name: in the order given, a nanosecond apart); each last seen 1 + key seconds later
    const t0 = Date.parse('2026-03-01T11:50:00Z');
    const rows: KubeEventRow[] = c.keys.map((k, i) => ({
      involvedObject: { kind: 'Pod', namespace: richPod.metadata.namespace ?? '', name: richPod.metadata.name ?? '', uid: richPod.metadata.uid ?? '' },
      type: 'Normal',
      reason: 'Probe',
      message: `row-${i}`,
      source: { component: 'kubelet' },
      count: 2,
      firstTimestamp: new Date(t0).toISOString(),
      lastTimestamp: new Date(t0 + (1 + (k ?? 0)) * 1000).toISOString(),
    }));
    const shown = describePod(richPod, rows, NOW).split('\n').flatMap((l) => /row-(\d+)/.exec(l)?.[1] ?? []);
    expect(shown.map(Number)).toEqual(c.order);
  });
});
