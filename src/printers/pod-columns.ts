/**
 * The columns of `kubectl get pods` as data (`printers.go :: AddHandlers`, pod column definitions):
 * priority 1 columns show only with `-o wide`. Namespace, `-L` and `--show-labels` columns are added
 * around them the way kubectl's table printer does.
 */
import type { V1Pod } from '../k8s/pod.js';
import { rowAt, type KubectlRow, type KubectlWideCells } from './pod-row.js';
import { podTableRow, type PodTableRow } from './pod-table-row.js';

/** Everything a cell may be computed from: the pod's namespace and labels and its printPod cells. */
export interface PodCells {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly row: KubectlRow;
  readonly wide: KubectlWideCells;
}

export interface Column {
  readonly header: string;
  /** 0: always shown; 1: only with `-o wide`. */
  readonly priority: 0 | 1;
  readonly cell: (c: PodCells) => string;
}

export const podColumns: readonly Column[] = [
  { header: 'NAME', priority: 0, cell: (c) => c.row.name },
  { header: 'READY', priority: 0, cell: (c) => c.row.ready },
  { header: 'STATUS', priority: 0, cell: (c) => c.row.status },
  { header: 'RESTARTS', priority: 0, cell: (c) => c.row.restarts },
  { header: 'AGE', priority: 0, cell: (c) => c.row.age },
  { header: 'IP', priority: 1, cell: (c) => c.wide.ip },
  { header: 'NODE', priority: 1, cell: (c) => c.wide.node },
  { header: 'NOMINATED NODE', priority: 1, cell: (c) => c.wide.nominatedNode },
  { header: 'READINESS GATES', priority: 1, cell: (c) => c.wide.readinessGates },
];

/** `labels.FormatLabels`: `k=v` pairs sorted by key, or `<none>`. */
export const formatLabels = (labels: Readonly<Record<string, string>> | undefined): string => {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
};

export interface TableOptions {
  readonly wide: boolean;
  /** `-A`: a NAMESPACE column first. */
  readonly withNamespace: boolean;
  /** `--show-labels`: a LABELS column last. */
  readonly showLabels: boolean;
  /** `-L KEY`: one column per key, headed by the key's last `/` segment upper-cased, empty when unset. */
  readonly labelColumns: readonly string[];
}

/** The columns a table shows, in kubectl's order. */
export const columnsFor = (opts: TableOptions): Column[] => [
  ...(opts.withNamespace ? [{ header: 'NAMESPACE', priority: 0 as const, cell: (c: PodCells) => c.namespace }] : []),
  ...podColumns.filter((col) => col.priority === 0 || opts.wide),
  ...opts.labelColumns.map((key) => ({
    header: (key.split('/').pop() ?? key).toUpperCase(),
    priority: 0 as const,
    cell: (c: PodCells) => c.labels[key] ?? '',
  })),
  ...(opts.showLabels ? [{ header: 'LABELS', priority: 0 as const, cell: (c: PodCells) => formatLabels(c.labels) }] : []),
];

/** The header row and one row of cells per pod, from cells already computed. */
export const tableRowsOf = (pods: readonly PodCells[], opts: TableOptions): string[][] => {
  const columns = columnsFor(opts);
  return [columns.map((col) => col.header), ...pods.map((cells) => columns.map((col) => col.cell(cells)))];
};

/** The header row and one row of cells per pod row, at `now`. */
export const tableRowsAt = (rows: readonly PodTableRow[], opts: TableOptions, now: Date): string[][] =>
  tableRowsOf(rows.map((r) => ({ namespace: r.namespace, labels: r.labels, row: rowAt(r.facts, now), wide: r.wide })), opts);

/** The header row and one row of cells per pod. */
export const tableRows = (pods: readonly V1Pod[], opts: TableOptions, now: Date): string[][] => tableRowsAt(pods.map(podTableRow), opts, now);

/** What kubectl writes to stderr when no pod is listed: `-A` (or no namespace) names none. */
export const noResources = (opts: { readonly allNamespaces?: boolean; readonly namespace?: string }): string =>
  opts.allNamespaces === true || opts.namespace === undefined
    ? 'No resources found\n'
    : `No resources found in ${opts.namespace} namespace.\n`;
