/**
 * `-o custom-columns=HEADER:PATH,…` (`k8s.io/cli-runtime/pkg/printers/customcolumn.go`): one column per spec,
 * each PATH a relaxed JSONPath (`.metadata.name`, `metadata.name` or `{.metadata.name}`); several values in a
 * cell are joined by commas, none prints `<none>`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { findValues, relaxedPath } from './jsonpath.js';
import { escapeTerminal } from './prefix-writer.js';
import { renderTable } from './tabwriter.js';

export interface CustomColumn {
  readonly header: string;
  readonly path: string;
}


export const parseCustomColumns = (spec: string): E.Either<string, CustomColumn[]> => {
  if (spec.trim() === '') return E.left('custom-columns format specified but no custom columns given');
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon <= 0) return E.left(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const path = relaxedPath(part.slice(colon + 1));
    if (E.isLeft(path)) return path;
    columns.push({ header: part.slice(0, colon), path: path.right });
  }
  return E.right(columns);
};

/** Go's `%v` of a decoded JSON value: maps as `map[k:v]` (keys sorted), slices as `[a b]`. */
const goValue = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, x]) => `${k}:${goValue(x)}`).join(' ')}]`;
  }
  return v === null ? '<nil>' : String(v);
};

/**
 * `printOneObject`: each value as Go's `%v`, escaped for the terminal (cli-runtime `printers.EscapeTerminal`:
 * ESC as `^[`, CR as `\r`), joined by commas.
 */
export const customColumnCell = (column: CustomColumn, object: unknown): string => {
  const values = findValues(column.path, object);
  return values.length === 0 ? '<none>' : values.map((v) => escapeTerminal(goValue(v))).join(',');
};

/** The table's rows: the headers (when asked for), then each object's cells. */
export const customColumnRows = (columns: readonly CustomColumn[], objects: readonly unknown[], headers: boolean): string[][] => [
  ...(headers ? [columns.map((c) => c.header)] : []),
  ...objects.map((o) => columns.map((c) => customColumnCell(c, o))),
];

export const printCustomColumns = (columns: readonly CustomColumn[], objects: readonly unknown[], headers: boolean): string =>
  renderTable(customColumnRows(columns, objects, headers));
