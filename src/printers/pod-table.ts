/**
 * `kubectl get pods` as a table (plain or wide) or as names, from clock-free rows (as lines, `row-line.ts`):
 * all that `get pods` at the journal's end prints without whole pods. `get-pods.ts` prints whole pods through it.
 */
import { linesSource, noResources } from './pod-columns.js';
import { compareStorageKeys, namespaceOrderIsKeyOrder } from './go-sort.js';
import { rowKey, type RowLine } from './row-line.js';
import { renderSource } from './tabwriter.js';

export interface Printed {
  readonly stdout: string;
  readonly stderr: string;
}

export interface RowsOptions {
  readonly output: 'table' | 'wide' | 'name';
  /** `-A`: pods of every namespace, with a NAMESPACE column. */
  readonly allNamespaces?: boolean;
  /** The namespace asked for (`-n`), named in "No resources found in NS namespace." */
  readonly namespace?: string;
  readonly showLabels?: boolean;
  readonly labelColumns?: readonly string[];
  /** `--show-kind`: NAME as `pod/NAME`. */
  readonly showKind?: boolean;
  /**
   * false for `--no-headers`: no header in the tabwriter, so the widths are the rows' own (cli-runtime
   * tableprinter.go :: printTable at v0.36, tableprinter_test.go :: TestPrintTable's NoHeaders cases).
   */
  readonly headers?: boolean;
}

/** Whether a line's namespace and name hold only characters after the tab that ends each, and no escape. */
const plainKey = (line: RowLine): boolean => {
  for (let i = 0, tabs = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 9 && ++tabs === 2) return true;
    if ((c < 0x20 && c !== 9) || c === 0x5c) return false;
  }
  return false;
};

/** The namespaces of the lines (each line starts with its namespace, ended by a tab). */
const namespacesOf = (rows: readonly RowLine[]): Set<string> => {
  const namespaces = new Set<string>();
  for (const line of rows) namespaces.add(line.slice(0, line.indexOf('\t')));
  return namespaces;
};

/**
 * kubectl lists in the API server's storage order (`compareStorageKeys`). A line starts with the namespace and
 * name, each ended by a tab, which sorts before every character they hold: so sorting the lines themselves
 * (natively, 87,000 at tier L) gives namespace-then-name order, the storage order unless a namespace extends
 * another with `-`. Otherwise, or with control characters or escapes in a key, keys are compared one by one.
 */
export const sortRows = (rows: readonly RowLine[]): RowLine[] => {
  if (rows.every(plainKey) && namespaceOrderIsKeyOrder(namespacesOf(rows))) return [...rows].sort();
  const keyed = rows.map((line) => ({ line, ...rowKey(line) }));
  keyed.sort((a, b) => compareStorageKeys(a.namespace, a.name, b.namespace, b.name));
  return keyed.map((k) => k.line);
};

/** What kubectl prints for these rows, in the order given, at `now`. */
export const printRows = (rows: readonly RowLine[], opts: RowsOptions, now: Date): Printed => {
  if (opts.output === 'name') return { stdout: rows.map((r) => `pod/${rowKey(r).name}\n`).join(''), stderr: '' };
  if (rows.length === 0) return { stdout: '', stderr: noResources(opts) };
  const table = { wide: opts.output === 'wide', withNamespace: opts.allNamespaces === true, showLabels: opts.showLabels === true, labelColumns: opts.labelColumns ?? [], withKind: opts.showKind === true };
  // No row's cells are kept: a row is measured in its line, and its cells are built when it is written.
  return { stdout: renderSource(linesSource(rows, table, now, opts.headers ?? true)), stderr: '' };
};
