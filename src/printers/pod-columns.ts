/**
 * The columns of `kubectl get pods` as data (`printers.go :: AddHandlers`, pod column definitions):
 * priority 1 columns show only with `-o wide`. Namespace, `-L` and `--show-labels` columns are added
 * around them the way kubectl's table printer does. Cells are read from rows as lines (`row-line.ts`).
 */
import type { V1Pod } from '../k8s/pod.js';
import { ageOf } from './duration.js';
import { formatLabels, labelColumnHeader } from './label-columns.js';
import { restartsAt } from './pod-row.js';
import { podTableRow } from './pod-table-row.js';
import { CELL, cellText, labelsReader, optionalCellText, rowLine, type RowLine } from './row-line.js';
import { runes, type RowSource } from './tabwriter.js';

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
  /**
   * The line's cells the cell is made of, first to last: two rows equal there have equal cells, so a table
   * computes the cell once per distinct span.
   */
  readonly span: readonly [first: number, last: number];
  /** Whether the cell is its one stored cell's text (`cellText`), which a table measures in the line itself. */
  readonly stored: boolean;
}

const stored = (i: number): Pick<Column, 'cell' | 'reads' | 'span' | 'stored'> => ({ cell: (cells) => cellText(cells[i]), reads: i + 1, span: [i, i], stored: true });

/** A cell computed from the line's cells `first` to `last`. */
const computed = (first: number, last: number, cell: Column['cell']): Pick<Column, 'cell' | 'reads' | 'span' | 'stored'> => ({ cell, reads: last + 1, span: [first, last], stored: false });

export const podColumns: readonly Column[] = [
  { header: 'NAME', priority: 0, ...stored(CELL.name) },
  { header: 'READY', priority: 0, ...stored(CELL.ready) },
  { header: 'STATUS', priority: 0, ...stored(CELL.status) },
  {
    header: 'RESTARTS',
    priority: 0,
    ...computed(CELL.restarts, CELL.lastRestartDate, (c, at) => restartsAt(Number(c[CELL.restarts]), optionalCellText(c[CELL.lastRestartDate]), at.now, at.age)),
  },
  { header: 'AGE', priority: 0, ...computed(CELL.creationTimestamp, CELL.creationTimestamp, (c, at) => at.age(optionalCellText(c[CELL.creationTimestamp]))) },
  { header: 'IP', priority: 1, ...stored(CELL.ip) },
  { header: 'NODE', priority: 1, ...stored(CELL.node) },
  { header: 'NOMINATED NODE', priority: 1, ...stored(CELL.nominatedNode) },
  { header: 'READINESS GATES', priority: 1, ...stored(CELL.readinessGates) },
];

export interface TableOptions {
  readonly wide: boolean;
  /** `-A`: a NAMESPACE column first. */
  readonly withNamespace: boolean;
  /** `--show-labels`: a LABELS column last. */
  readonly showLabels: boolean;
  /** `-L KEY`: one column per key, headed by the key's last `/` segment upper-cased, empty when unset. */
  readonly labelColumns: readonly string[];
  /** `--show-kind`: NAME as `pod/NAME` (cli-runtime tableprinter.go :: decorateTable, the kind lower-cased). */
  readonly withKind?: boolean;
}

/** The NAME column with `--show-kind`. */
const kindedName: Column = { header: 'NAME', priority: 0, ...computed(CELL.name, CELL.name, (c) => `pod/${cellText(c[CELL.name])}`) };

/** The columns a table shows, in kubectl's order. */
export const columnsFor = (opts: TableOptions): Column[] => [
  ...(opts.withNamespace ? [{ header: 'NAMESPACE', priority: 0 as const, ...stored(CELL.namespace) }] : []),
  ...podColumns.filter((col) => col.priority === 0 || opts.wide).map((col) => (opts.withKind === true && col.header === 'NAME' ? kindedName : col)),
  ...opts.labelColumns.map((key) => ({
    header: labelColumnHeader(key),
    priority: 0 as const,
    ...computed(CELL.labels, CELL.labels, (c, at) => at.labels(c[CELL.labels])[key] ?? ''),
  })),
  ...(opts.showLabels ? [{ header: 'LABELS', priority: 0 as const, ...computed(CELL.labels, CELL.labels, (c, at) => formatLabels(at.labels(c[CELL.labels]))) }] : []),
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

/** Runes of `line` from `start` to `end`, as `runes` counts them; -1 when a backslash (an escape) is among them. */
const plainRunes = (line: string, start: number, end: number): number => {
  let pairs = 0;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c) return -1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return end - start - pairs;
};

/**
 * The table of row lines at `now` (its header first, unless `headers` is false) as a `RowSource`: a line is cut at its tabs once per
 * pass, a stored cell is measured in the line itself, and a computed cell (RESTARTS, AGE, labels) is computed
 * once per distinct span of the cells it is made of. At tier L (87,000 rows) splitting every line for each
 * pass, and computing its cells each time, were most of the printing.
 */
export const linesSource = (lines: readonly RowLine[], opts: TableOptions, now: Date, headers = true): RowSource => {
  const columns = columnsFor(opts);
  // the row of the source that is line 0: 1 under the header
  const first = headers ? 1 : 0;
  const header = columns.map((col) => col.header);
  const at = cellContext(now);
  const reads = Math.max(...columns.map((col) => col.reads));
  // starts[k]: where cell k of the line last cut starts; it ends one before starts[k + 1]
  const starts = new Int32Array(reads + 1);
  let cutRow = -1;
  const cut = (i: number): string => {
    const line = lines[i - first] ?? '';
    if (cutRow === i) return line;
    let start = 0;
    for (let k = 0; k < reads; k++) {
      starts[k] = start;
      const tab = line.indexOf('\t', start);
      start = tab < 0 ? line.length + 1 : tab + 1;
    }
    starts[reads] = start;
    cutRow = i;
    return line;
  };
  const known = columns.map(() => new Map<string, string>());
  const cellAt = (line: string, j: number): string => {
    const col = columns[j] as Column;
    const span = line.slice(starts[col.span[0]] ?? 0, (starts[col.span[1] + 1] ?? 0) - 1);
    if (col.stored) return cellText(span);
    const cells = known[j] as Map<string, string>;
    let cell = cells.get(span);
    if (cell === undefined) {
      cell = col.cell(line.split('\t', reads), at);
      cells.set(span, cell);
    }
    return cell;
  };
  return {
    count: lines.length + first,
    columns: columns.length,
    width: (i, j) => {
      if (i < first) return runes(header[j] ?? '');
      const line = cut(i);
      const col = columns[j] as Column;
      const width = col.stored ? plainRunes(line, starts[col.span[0]] ?? 0, (starts[col.span[0] + 1] ?? 0) - 1) : -1;
      return width >= 0 ? width : runes(cellAt(line, j));
    },
    cell: (i, j) => (i < first ? (header[j] ?? '') : cellAt(cut(i), j)),
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
