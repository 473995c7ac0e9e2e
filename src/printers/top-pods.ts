/**
 * `kubectl top pod`'s table (`kubectl/pkg/metricsutil/metrics_printer.go :: PrintPodMetrics`): [NAMESPACE]
 * [POD] NAME CPU(cores) MEMORY(bytes), memory as whole `Mi`. Every value is written tab-terminated
 * (`printValue`), so the last column is padded too, as kubectl's lines are. A journal samples no CPU: its cell is
 * `<unknown>`, and `--sort-by cpu` leaves the pods in their default order.
 */
import { compareStrings } from './go-sort.js';
import { TABLE, tabwrite } from './tabwriter.js';

export interface ContainerUsage {
  readonly name: string;
  readonly memoryBytes: bigint;
}

export interface PodUsage {
  readonly namespace: string;
  readonly name: string;
  readonly containers: readonly ContainerUsage[];
}

export type TopSortBy = 'cpu' | 'memory';

export interface TopPodsOptions {
  readonly withNamespace: boolean;
  readonly containers: boolean;
  readonly headers: boolean;
  readonly sortBy?: TopSortBy;
  readonly sum: boolean;
}

const UNKNOWN_CPU = '<unknown>';
const MiB = 1024n * 1024n;
const mebibytes = (bytes: bigint): string => `${bytes / MiB}Mi`;
const memoryOf = (pod: PodUsage): bigint => pod.containers.reduce((total, c) => total + c.memoryBytes, 0n);
const descending = (a: bigint, b: bigint): number => (a > b ? -1 : a < b ? 1 : 0);

/**
 * `PodMetricsSorter` and `ContainerMetricsSorter`: by memory, the larger first; else pods by namespace (with
 * `-A`) then name, containers by name: Go's string order on each, not the API server's storage-key order `get
 * pods` lists in (`argo/…` before `argo-events/…`). Ties keep the default order: metrics-server lists pods by
 * namespace, then name (`pkg/api/pod.go :: getMetrics`), and Go's sort of so few items is an insertion sort.
 */
const podOrder =
  (opts: TopPodsOptions) =>
  (a: PodUsage, b: PodUsage): number =>
    (opts.sortBy === 'memory' ? descending(memoryOf(a), memoryOf(b)) : 0) ||
    (opts.withNamespace ? compareStrings(a.namespace, b.namespace) : 0) ||
    compareStrings(a.name, b.name);

const containerOrder =
  (opts: TopPodsOptions) =>
  (a: ContainerUsage, b: ContainerUsage): number =>
    (opts.sortBy === 'memory' ? descending(a.memoryBytes, b.memoryBytes) : 0) || compareStrings(a.name, b.name);

export const topPodsTable = (pods: readonly PodUsage[], opts: TopPodsOptions): string => {
  const lead = (pod: PodUsage): string[] => (opts.withNamespace ? [pod.namespace] : []);
  const sorted = [...pods].sort(podOrder(opts));
  const rows = sorted.flatMap((pod) =>
    opts.containers
      ? [...pod.containers].sort(containerOrder(opts)).map((c) => [...lead(pod), pod.name, c.name, UNKNOWN_CPU, mebibytes(c.memoryBytes)])
      : [[...lead(pod), pod.name, UNKNOWN_CPU, mebibytes(memoryOf(pod))]],
  );
  const header = [...(opts.withNamespace ? ['NAMESPACE'] : []), ...(opts.containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'];
  // `printPodResourcesSum`: a rule under the two usage columns, then the totals under them.
  const width = header.length;
  const sum = opts.sum
    ? [
        [...Array<string>(width - 2).fill(''), '________', '________'],
        [...Array<string>(width - 3).fill(''), '', UNKNOWN_CPU, mebibytes(sorted.reduce((total, pod) => total + memoryOf(pod), 0n))],
      ]
    : [];
  const lines = [...(opts.headers ? [header] : []), ...rows, ...sum];
  return tabwrite(lines.map((cells) => `${cells.join('\t')}\t\n`).join(''), TABLE);
};
