/**
 * A `get pods` row (`PodTableRow`) as one line of tab-separated cells: what the snapshots' rows and the head
 * table store, and what the table printer reads. A whole cluster at tier L is 87,000 rows: as JSON objects,
 * reading them built about 350,000 objects to print a table; as lines, a row is split into its cells when it
 * is printed, and its labels (JSON, the last cell) are parsed only when a selector or a label column asks.
 *
 * Cells: namespace, name, ready, status, restarts, last restart, creation, ip, node, nominated node,
 * readiness gates, inferred (`1`: known only from Events, `2`: resting on facts inferred since the last capture,
 * `0`: neither), labels. A tab, newline or backslash in a cell is escaped (`\t`, `\n`,
 * `\\`); an unset instant is `\-`, which no escaped text can be. The labels' JSON holds no raw tab or newline.
 */
import type { PodTableRow } from './pod-table-row.js';

declare const rowLineBrand: unique symbol;
/** A line `rowLine` wrote, or one read back from text it wrote and checked with `isRowLine`. */
export type RowLine = string & { readonly [rowLineBrand]: true };

/** Where each cell is in a line's `split('\t')`. */
export const CELL = { namespace: 0, name: 1, ready: 2, status: 3, restarts: 4, lastRestartDate: 5, creationTimestamp: 6, ip: 7, node: 8, nominatedNode: 9, readinessGates: 10, inferred: 11, labels: 12 } as const;
const CELLS = 13;

const UNSET = '\\-';
const NEEDS_ESCAPE = /[\\\t\n]/;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n' };
const UNESCAPES: Readonly<Record<string, string>> = { '\\': '\\', t: '\t', n: '\n' };

/** A text as a stored cell (escaped); `cellText` undoes it. */
export const storedCell = (text: string): string => (NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n]/g, (c) => ESCAPES[c] ?? c) : text);

/** A stored cell's text (escapes undone). */
export const cellText = (cell: string | undefined): string =>
  cell === undefined ? '' : cell.includes('\\') ? cell.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c) : cell;

/** A stored optional cell's text; undefined when it was unset. */
export const optionalCellText = (cell: string | undefined): string | undefined => (cell === UNSET || cell === undefined ? undefined : cellText(cell));

export const rowLine = (r: PodTableRow): RowLine => {
  const { facts, wide } = r;
  const optional = (text: string | undefined): string => (text === undefined ? UNSET : storedCell(text));
  const cells = [
    storedCell(r.namespace),
    storedCell(facts.name),
    storedCell(facts.ready),
    storedCell(facts.status),
    String(facts.restarts),
    optional(facts.lastRestartDate),
    optional(facts.creationTimestamp),
    storedCell(wide.ip),
    storedCell(wide.node),
    storedCell(wide.nominatedNode),
    storedCell(wide.readinessGates),
    r.inferred ? '1' : r.sinceCapture ? '2' : '0',
    JSON.stringify(r.labels),
  ];
  return cells.join('\t') as RowLine;
};

/** Whether `text` has a row line's cells (text this code wrote and a SHA-256 guards; not a full decode). */
export const isRowLine = (text: string): text is RowLine => {
  let tabs = 0;
  for (let i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', i + 1)) tabs++;
  return tabs === CELLS - 1 && text.endsWith('}');
};

/** Labels JSON → labels, each distinct text parsed once (pods of one workload share theirs). */
export const labelsReader = (): ((json: string | undefined) => Readonly<Record<string, string>>) => {
  const parsed = new Map<string, Readonly<Record<string, string>>>();
  return (json = '{}') => {
    let labels = parsed.get(json);
    if (labels === undefined) {
      labels = JSON.parse(json) as Readonly<Record<string, string>>;
      parsed.set(json, labels);
    }
    return labels;
  };
};

/** A row's namespace and name as its line starts with them: equal for two rows exactly when both are. */
export const keyText = (namespace: string, name: string): string => `${storedCell(namespace)}\t${storedCell(name)}`;

/** `keyText` of a line's row, read off its start. */
export const lineKeyText = (line: RowLine): string => line.slice(0, line.indexOf('\t', line.indexOf('\t') + 1));

/** The namespace and name of a row, without splitting the rest. */
export const rowKey = (line: RowLine): { readonly namespace: string; readonly name: string } => {
  const first = line.indexOf('\t');
  const second = line.indexOf('\t', first + 1);
  return { namespace: cellText(line.slice(0, first)), name: cellText(line.slice(first + 1, second)) };
};

/** Whether the row is what its pod's Events say (its `inferred` cell, the one before the labels). */
export const isInferredRow = (line: RowLine): boolean => line.charAt(line.lastIndexOf('\t') - 1) === '1';

/** Whether the row rests on facts an import inferred since its pod's last capture (`inferred` cell `2`). */
export const isInferredSinceCaptureRow = (line: RowLine): boolean => line.charAt(line.lastIndexOf('\t') - 1) === '2';

/** The labels of a row, parsed by `labelsOf` (a `labelsReader`). */
export const rowLabels = (line: RowLine, labelsOf: ReturnType<typeof labelsReader>): Readonly<Record<string, string>> => labelsOf(line.slice(line.lastIndexOf('\t') + 1));

/** The row a line holds. */
export const rowOfLine = (line: RowLine, labelsOf = labelsReader()): PodTableRow => {
  const c = line.split('\t');
  const lastRestartDate = optionalCellText(c[CELL.lastRestartDate]);
  const creationTimestamp = optionalCellText(c[CELL.creationTimestamp]);
  return {
    namespace: cellText(c[CELL.namespace]),
    labels: labelsOf(c[CELL.labels]),
    facts: {
      name: cellText(c[CELL.name]),
      ready: cellText(c[CELL.ready]),
      status: cellText(c[CELL.status]),
      restarts: Number(c[CELL.restarts]),
      ...(lastRestartDate === undefined ? {} : { lastRestartDate }),
      ...(creationTimestamp === undefined ? {} : { creationTimestamp }),
    },
    wide: { ip: cellText(c[CELL.ip]), node: cellText(c[CELL.node]), nominatedNode: cellText(c[CELL.nominatedNode]), readinessGates: cellText(c[CELL.readinessGates]) },
    inferred: c[CELL.inferred] === '1',
    sinceCapture: c[CELL.inferred] === '2',
  };
};
