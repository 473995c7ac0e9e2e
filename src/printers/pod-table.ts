/**
 * `kubectl get pods` as a table (plain or wide) or as names, from clock-free rows: all that `get pods` at the
 * journal's end prints without whole pods. `get-pods.ts` prints whole pods through it.
 */
import { noResources, tableRowsAt } from './pod-columns.js';
import type { PodTableRow } from './pod-table-row.js';
import { renderTable } from './tabwriter.js';

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
}

/** What kubectl prints for these rows, in the order given, at `now`. */
export const printRows = (rows: readonly PodTableRow[], opts: RowsOptions, now: Date): Printed => {
  if (opts.output === 'name') return { stdout: rows.map((r) => `pod/${r.facts.name}\n`).join(''), stderr: '' };
  if (rows.length === 0) return { stdout: '', stderr: noResources(opts) };
  const table = { wide: opts.output === 'wide', withNamespace: opts.allNamespaces === true, showLabels: opts.showLabels === true, labelColumns: opts.labelColumns ?? [] };
  return { stdout: renderTable(tableRowsAt(rows, table, now)), stderr: '' };
};
