/**
 * `get pods` at the journal's end from the head table's rows: the table, `-o wide` and `-o name`, with `-n`,
 * `-A`, label selectors, names and the label columns; what the rows cannot answer goes to `pod-listing.ts`.
 */
import { printRows, sortRows, type Printed } from '../printers/pod-table.js';
import { isInferredRow, isInferredSinceCaptureRow, labelsReader, rowKey, rowLabels, type RowLine } from '../printers/row-line.js';
import { selectorMatches, type Requirement } from '../selectors/index.js';
import type { Output } from './output-format.js';
import { namespaceOrDefault } from '../k8s/namespace.js';

/** The table flags of `get`. */
export interface TableFlags {
  readonly allNamespaces?: boolean;
  readonly namespace?: string;
  readonly showLabels?: boolean;
  readonly showKind?: boolean;
  readonly labelColumns: readonly string[];
  readonly headers: boolean;
}

/** Which pods a `get pods` lists: a namespace (every one without it), a label selector, names (all without). */
export interface Scope {
  readonly namespace?: string;
  readonly selector: readonly Requirement[];
  readonly names: readonly string[];
}

/** Whether a pod of this namespace (as the pod names it), name and labels is in scope. */
export const inScope = (scope: Scope, namespace: string | undefined, name: string, labels: Readonly<Record<string, string>>): boolean =>
  (scope.namespace === undefined || namespaceOrDefault(namespace) === scope.namespace) &&
  selectorMatches(scope.selector, labels) &&
  (scope.names.length === 0 || scope.names.includes(name));

/** What a listing printed, and of the pods it listed what the notes and the names not found need. */
export interface Listing {
  readonly printed: Printed;
  /** `namespace/name` of the listed pods known only from their Events. */
  readonly inferred: readonly string[];
  /** `namespace/name` of the listed pods whose state rests on facts an import inferred since their last capture. */
  readonly sinceCapture: readonly string[];
  /** Whether a pod of this name was listed. */
  readonly listed: (name: string) => boolean;
  /** How many pods were listed. */
  readonly count: number;
}

/** The outputs rows can print. */
export const rowOutput = (output: Output): 'table' | 'wide' | 'name' | undefined =>
  output.kind === 'named' && (output.format === 'table' || output.format === 'wide' || output.format === 'name') ? output.format : undefined;

/** The rows in scope (all of them when the scope names no namespace, selector or name). */
const rowsInScope = (rows: readonly RowLine[], scope: Scope): readonly RowLine[] => {
  if (scope.namespace === undefined && scope.selector.length === 0 && scope.names.length === 0) return rows;
  const labelsOf = labelsReader();
  return rows.filter((line) => {
    const { namespace, name } = rowKey(line);
    return inScope(scope, namespace, name, scope.selector.length === 0 ? {} : rowLabels(line, labelsOf));
  });
};

/** A row's pod as the notes name it: `namespace/name`. */
const noteKey = (line: RowLine): string => {
  const { namespace, name } = rowKey(line);
  return `${namespaceOrDefault(namespace)}/${name}`;
};

/** The rows in scope, in kubectl's order, printed as `output` at `now`. */
export const listRows = (rows: readonly RowLine[], scope: Scope, output: 'table' | 'wide' | 'name', flags: TableFlags, now: Date): Listing => {
  const shown = sortRows(rowsInScope(rows, scope));
  const printed = printRows(shown, { ...flags, output }, now);
  return {
    printed,
    // Only the rows that need a note are read again (a whole cluster is 87,000 rows at tier L).
    inferred: shown.filter(isInferredRow).map(noteKey),
    sinceCapture: shown.filter(isInferredSinceCaptureRow).map(noteKey),
    listed: (name) => shown.some((line) => rowKey(line).name === name),
    count: shown.length,
  };
};
