/**
 * `kubectl top pod`'s table (`kubectl/pkg/metricsutil/metrics_printer.go :: PrintPodMetrics`): [NAMESPACE]
 * [POD] NAME CPU(cores) MEMORY(bytes), memory as whole `Mi`. Every value is written tab-terminated
 * (`printValue`), so the last column is padded too, as kubectl's lines are. A journal samples no CPU: its cell is
 * `<unknown>`, and `--sort-by cpu` leaves the pods in their default order.
 */
import { compareStrings, goSort, sortedBy } from './go-sort.js';
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

/**
 * The list `top` sorts: metrics-server's, pods by namespace, then name (`pkg/api/pod.go :: getMetrics`). A pod's
 * containers it lists from a Go map (`storage/pod.go :: GetMetrics` ranges over them), in an order that varies
 * from call to call: podj takes their names' order.
 */
const listed = (pods: readonly PodUsage[]): PodUsage[] =>
  [...pods].sort((a, b) => compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name));

/**
 * `PodMetricsSorter` and `ContainerMetricsSorter` (metrics_sorter.go :: Less) under Go's `sort.Sort`
 * (metrics_printer.go :: PrintPodMetrics): by memory, the larger first, ties where the unstable sort leaves them
 * (the list order up to 12); else pods by namespace (with `-A`) then name, containers by name, Go's string order,
 * not the API server's storage-key order `get pods` lists in (`argo/…` before `argo-events/…`). A journal samples
 * no CPU: by cpu every value is equal, and Go's sort keeps an all-equal list as it is.
 */
const sortedPods = (pods: readonly PodUsage[], sortBy: TopSortBy | undefined): PodUsage[] =>
  sortBy === 'memory' ? goSort(listed(pods), (a, b) => memoryOf(a) > memoryOf(b)) : listed(pods);

const sortedContainers = (containers: readonly ContainerUsage[], sortBy: TopSortBy | undefined): ContainerUsage[] => {
  const byName = sortedBy(containers, (c) => c.name);
  return sortBy === 'memory' ? goSort(byName, (a, b) => a.memoryBytes > b.memoryBytes) : byName;
};

export const topPodsTable = (pods: readonly PodUsage[], opts: TopPodsOptions): string => {
  const lead = (pod: PodUsage): string[] => (opts.withNamespace ? [pod.namespace] : []);
  const sorted = sortedPods(pods, opts.sortBy);
  const rows = sorted.flatMap((pod) =>
    opts.containers
      ? sortedContainers(pod.containers, opts.sortBy).map((c) => [...lead(pod), pod.name, c.name, UNKNOWN_CPU, mebibytes(c.memoryBytes)])
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
