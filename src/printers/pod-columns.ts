/**
 * The columns of `kubectl get pods` as data (`printers.go :: AddHandlers`, pod column definitions):
 * priority 1 columns show only with `-o wide`. Namespace, `-L` and `--show-labels` columns are added
 * around them the way kubectl's table printer does. Cells are read from rows as lines (`row-line.ts`).
 */
import type { V1Pod } from '../k8s/pod.js';
import { ageOf } from './duration.js';
import { restartsAt } from './pod-row.js';
import { podTableRow } from './pod-table-row.js';
import { CELL, cellText, labelsReader, optionalCellText, rowLine, type RowLine } from './row-line.js';

/** What every row of one table shares: the clock, and what was computed for rows before (ages, labels). */
export interface CellContext {
  readonly now: Date;
  /** `ageOf` at `now`, each instant once: pods created in the same second share their AGE. */
  readonly age: (timestamp: string | undefined) => string;
  readonly labels: (json: string | undefined) => Readonly<Record<string, string>>;
}

export const cellContext = (now: Date): CellContext => {
  const ages = new Map<string | undefined, string>();
  return {
    now,
    age: (timestamp) => {
      let age = ages.get(timestamp);
      if (age === undefined) {
        age = ageOf(timestamp, now);
        ages.set(timestamp, age);
      }
      return age;
    },
    labels: labelsReader(),
  };
};

export interface Column {
  readonly header: string;
  /** 0: always shown; 1: only with `-o wide`. */
  readonly priority: 0 | 1;
  /** The cell of a row, from its line's first `reads` cells (`line.split('\t', reads)`). */
  readonly cell: (cells: readonly string[], at: CellContext) => string;
  readonly reads: number;
}

const stored = (i: number): Pick<Column, 'cell' | 'reads'> => ({ cell: (cells) => cellText(cells[i]), reads: i + 1 });

export const podColumns: readonly Column[] = [
  { header: 'NAME', priority: 0, ...stored(CELL.name) },
  { header: 'READY', priority: 0, ...stored(CELL.ready) },
  { header: 'STATUS', priority: 0, ...stored(CELL.status) },
  {
    header: 'RESTARTS',
    priority: 0,
    cell: (c, at) => restartsAt(Number(c[CELL.restarts]), optionalCellText(c[CELL.lastRestartDate]), at.now, at.age),
    reads: CELL.lastRestartDate + 1,
  },
  { header: 'AGE', priority: 0, cell: (c, at) => at.age(optionalCellText(c[CELL.creationTimestamp])), reads: CELL.creationTimestamp + 1 },
  { header: 'IP', priority: 1, ...stored(CELL.ip) },
  { header: 'NODE', priority: 1, ...stored(CELL.node) },
  { header: 'NOMINATED NODE', priority: 1, ...stored(CELL.nominatedNode) },
  { header: 'READINESS GATES', priority: 1, ...stored(CELL.readinessGates) },
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
  ...(opts.withNamespace ? [{ header: 'NAMESPACE', priority: 0 as const, ...stored(CELL.namespace) }] : []),
  ...podColumns.filter((col) => col.priority === 0 || opts.wide),
  ...opts.labelColumns.map((key) => ({
    header: (key.split('/').pop() ?? key).toUpperCase(),
    priority: 0 as const,
    cell: (c: readonly string[], at: CellContext) => at.labels(c[CELL.labels])[key] ?? '',
    reads: CELL.labels + 1,
  })),
  ...(opts.showLabels ? [{ header: 'LABELS', priority: 0 as const, cell: (c: readonly string[], at: CellContext) => formatLabels(at.labels(c[CELL.labels])), reads: CELL.labels + 1 }] : []),
];

/** The header and a function giving a row line's cells at `now`: only the cells the columns read are cut out (7 of 13 for the plain table). */
export const cellsOfLines = (opts: TableOptions, now: Date): { readonly header: string[]; readonly cellsOf: (line: RowLine) => string[] } => {
  const columns = columnsFor(opts);
  const at = cellContext(now);
  const reads = Math.max(...columns.map((col) => col.reads));
  return {
    header: columns.map((col) => col.header),
    cellsOf: (line) => {
      const cells = line.split('\t', reads);
      return columns.map((col) => col.cell(cells, at));
    },
  };
};

/** The header row and one row of cells per row line, at `now`. */
export const tableRowsOfLines = (lines: readonly RowLine[], opts: TableOptions, now: Date): string[][] => {
  const { header, cellsOf } = cellsOfLines(opts, now);
  return [header, ...lines.map(cellsOf)];
};

/** The header row and one row of cells per pod. */
export const tableRows = (pods: readonly V1Pod[], opts: TableOptions, now: Date): string[][] =>
  tableRowsOfLines(
    pods.map((p) => rowLine(podTableRow(p))),
    opts,
    now,
  );

/** What kubectl writes to stderr when no pod is listed: `-A` (or no namespace) names none. */
export const noResources = (opts: { readonly allNamespaces?: boolean; readonly namespace?: string }): string =>
  opts.allNamespaces === true || opts.namespace === undefined
    ? 'No resources found\n'
    : `No resources found in ${opts.namespace} namespace.\n`;
