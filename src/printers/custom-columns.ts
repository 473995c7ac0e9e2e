/**
 * `-o custom-columns=HEADER:PATH,…` (`k8s.io/cli-runtime/pkg/printers/customcolumn.go`): one column per spec,
 * each PATH a relaxed JSONPath (`.metadata.name`, `metadata.name` or `{.metadata.name}`); several values in a
 * cell are joined by commas, none prints `<none>`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { goValue } from './go-fmt.js';
import { relaxedPath, valueFinder, type ValueFinder } from './jsonpath.js';
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

/** bufio.ScanWords: the words between runs of white space. */
const words = (line: string): string[] => line.split(/\s+/u).filter((w) => w !== '');

/**
 * customcolumn.go :: NewCustomColumnsPrinterFromTemplate (`-o custom-columns-file=FILE`): the template's first
 * line the headers, its second the paths, each split at white space (bufio.ScanLines drops a line's `\r`); a
 * line past them is not read.
 */
export const customColumnsFromTemplate = (template: string): E.Either<string, CustomColumn[]> => {
  const lines = template.split('\n').map((line) => line.replace(/\r$/, ''));
  if (template === '') return E.left('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '')) {
    return E.left('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
  }
  const [headers, specs] = [words(lines[0] ?? ''), words(lines[1] ?? '')];
  if (headers.length !== specs.length) return E.left(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  const columns: CustomColumn[] = [];
  for (const [i, header] of headers.entries()) {
    const path = relaxedPath(specs[i] ?? '');
    if (E.isLeft(path)) return path;
    columns.push({ header, path: path.right });
  }
  return E.right(columns);
};

/**
 * `printOneObject`: each value as Go's `%v`, escaped for the terminal (cli-runtime `printers.EscapeTerminal`:
 * ESC as `^[`, CR as `\r`), joined by commas; none is `<none>`.
 */
const cellText = (values: readonly unknown[]): string => (values.length === 0 ? '<none>' : values.map((v) => escapeTerminal(goValue(v))).join(','));

/** The rows a custom-columns printer wrote, and the error that stopped it, if one did. */
export interface CustomColumnRows {
  readonly rows: readonly string[][];
  readonly error?: string;
}

/**
 * customcolumn.go :: PrintObj: the headers (when asked for), then each column's template parsed (a template the
 * parser refuses stops it there, after the headers, even over no object), then each object's cells up to the first
 * a template cannot execute on.
 */
export const customColumnRows = (columns: readonly CustomColumn[], objects: readonly unknown[], headers: boolean): CustomColumnRows => {
  const rows = headers ? [columns.map((c) => c.header)] : [];
  const finders = E.traverseArray((c: CustomColumn) => valueFinder(c.path))(columns);
  if (E.isLeft(finders)) return { rows, error: finders.left };
  for (const object of objects) {
    const cells = E.traverseArray((find: ValueFinder) => E.map(cellText)(find(object)))(finders.right);
    if (E.isLeft(cells)) return { rows, error: cells.left };
    rows.push([...cells.right]);
  }
  return { rows };
};

/** What a custom-columns printer wrote (its tabwriter is flushed however PrintObj returns: `defer w.Flush()`), and the error that stopped it. */
export interface CustomColumnsPrinted {
  readonly text: string;
  readonly error?: string;
}

export const printCustomColumns = (columns: readonly CustomColumn[], objects: readonly unknown[], headers: boolean): CustomColumnsPrinted => {
  const { rows, error } = customColumnRows(columns, objects, headers);
  return { text: renderTable(rows), ...(error !== undefined && { error }) };
};
