/**
 * `-o custom-columns=HEADER:PATH,…` (`k8s.io/cli-runtime/pkg/printers/customcolumn.go`): one column per spec,
 * each PATH a relaxed JSONPath (`.metadata.name`, `metadata.name` or `{.metadata.name}`); several values in a
 * cell are joined by commas, none prints `<none>`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { goValue } from './go-fmt.js';
import { findValues, relaxedPath } from './jsonpath.js';
import { escapeTerminal } from './prefix-writer.js';
import { renderTable } from './tabwriter.js';

export interface CustomColumn {
  readonly header: string;
  readonly path: string;
}

/**
 * customcolumn.go :: NewCustomColumnsPrinterFromSpec: comma-separated `HEADER:PATH` pairs split at the first
 * colon, the header possibly empty; only the empty spec is "no custom columns".
 */
export const parseCustomColumns = (spec: string): E.Either<string, CustomColumn[]> => {
  if (spec === '') return E.left('custom-columns format specified but no custom columns given');
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return E.left(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const path = relaxedPath(part.slice(colon + 1));
    if (E.isLeft(path)) return path;
    columns.push({ header: part.slice(0, colon), path: path.right });
  }
  return E.right(columns);
};

/**
 * `printOneObject`: each value as Go's `%v`, escaped for the terminal (cli-runtime `printers.EscapeTerminal`:
 * ESC as `^[`, CR as `\r`), joined by commas; a path client-go cannot execute stops the printing with its error.
 */
export const customColumnCell = (column: CustomColumn, object: unknown): E.Either<string, string> =>
  E.map((values: unknown[]) => (values.length === 0 ? '<none>' : values.map((v) => escapeTerminal(goValue(v))).join(',')))(findValues(column.path, object));

/** The table's rows: the headers (when asked for), then each object's cells. */
export const customColumnRows = (columns: readonly CustomColumn[], objects: readonly unknown[], headers: boolean): E.Either<string, string[][]> =>
  E.map((rows: ReadonlyArray<readonly string[]>) => [...(headers ? [columns.map((c) => c.header)] : []), ...rows.map((row) => [...row])])(
    E.traverseArray((o: unknown) => E.traverseArray((c: CustomColumn) => customColumnCell(c, o))(columns))(objects),
  );

export const printCustomColumns = (columns: readonly CustomColumn[], objects: readonly unknown[], headers: boolean): E.Either<string, string> =>
  E.map(renderTable)(customColumnRows(columns, objects, headers));
