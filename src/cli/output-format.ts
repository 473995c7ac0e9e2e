/**
 * `-o FORMAT` as kubectl spells it: a named format, `jsonpath=TEMPLATE`, `custom-columns=SPEC`, or either's template
 * from a file (`jsonpath-file=FILE`, `custom-columns-file=FILE`); also `-o=wide`.
 */
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { CustomColumn } from '../printers/custom-columns.js';
import type { OutputFormat } from '../printers/get-pods.js';
import { errorCode, systemWords } from '../text/system-errors.js';
import { BadInput } from './errors.js';

export type Output =
  | { readonly kind: 'named'; readonly format: OutputFormat }
  | { readonly kind: 'jsonpath'; readonly template: string }
  /** `fromFile`: customcolumn_flags.go's printer of a template file writes its headers whatever --no-headers says. */
  | { readonly kind: 'custom-columns'; readonly columns: readonly CustomColumn[]; readonly fromFile?: true };

const named: readonly OutputFormat[] = ['wide', 'json', 'yaml', 'name'];

const isNamed = (s: string): s is OutputFormat => (named as readonly string[]).includes(s);

/**
 * Whether the output is kubectl's table (plain or wide), the only one that says `No resources found` when nothing
 * is found; the others print what was found, an empty List in json and yaml (`get.go :: Run` sends them to
 * `printGeneric`), and `--sort-by` sorts them as a list, not as a table's rows.
 */
export const isTableOutput = (output: Output): boolean => output.kind === 'named' && (output.format === 'table' || output.format === 'wide');

/**
 * Whether `get` prints what it found (`get.go :: Run`, `printGeneric`): a table the rows it found, nothing when none;
 * any other output not when the one name asked for was not found (its NotFound is the whole answer: no empty List,
 * no custom-columns headers), nor when `--ignore-not-found` leaves nothing found.
 */
export const printsFound = (output: Output, q: { readonly names: number; readonly missing: number; readonly found: number; readonly ignoreNotFound: boolean }): boolean =>
  isTableOutput(output) ? q.found > 0 : !(q.names === 1 && q.missing === 1) && !(q.ignoreNotFound && q.found === 0);

/** Whether the output prints its headers: asked for, or a custom-columns template file's (NoHeaders: false). */
export const printsHeaders = (output: Output, asked: boolean): boolean => asked || (output.kind === 'custom-columns' && output.fromFile === true);

/** Go's `*fs.PathError` text for what reading `path` threw: `open PATH: no such file or directory`. */
const pathError = (path: string, e: unknown): string => `${errorCode(e) === 'EISDIR' ? 'read' : 'open'} ${path}: ${systemWords(e)}`;

/**
 * A template file's text, or kubectl's words when it cannot be read (`error reading WHAT FILE, …`). With
 * `folderReadsEmpty`, a folder reads as no text (customcolumn_flags.go :: ToPrinter: `os.Open` opens a folder, and
 * its scanner then reads no line).
 */
const templateFile = (path: string, what: string, folderReadsEmpty = false): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (folderReadsEmpty && errorCode(e) === 'EISDIR') return '';
    throw new BadInput(`error reading ${what} ${path}, ${pathError(path, e)}`);
  }
};

/** The format asked for; the JSONPath library loads only for the formats that need it. */
export const parseOutput = async (raw: string | undefined): Promise<Output> => {
  const spec = raw?.replace(/^=/, ''); // `-o=wide`: commander hands a short option's `=` over with the value
  // `-o ''` is the default printer (get.go :: Complete: an empty format is the human-readable one)
  if (spec === undefined || spec === '') return { kind: 'named', format: 'table' };
  if (isNamed(spec)) return { kind: 'named', format: spec };
  const eq = spec.indexOf('=');
  const name = eq < 0 ? spec : spec.slice(0, eq);
  const arg = eq < 0 ? '' : spec.slice(eq + 1);
  if (name === 'jsonpath' || name === 'jsonpath-file') {
    // jsonpath_flags.go :: ToPrinter: no template, then the file read, then the template parsed
    if (name === 'jsonpath-file' && arg === '') throw new BadInput('template format specified but no template given');
    const template = name === 'jsonpath-file' ? templateFile(arg, '--template') : arg;
    const { parseJsonPathTemplate } = await import('../printers/jsonpath.js');
    const parsed = parseJsonPathTemplate(template);
    if (E.isLeft(parsed)) throw new BadInput(parsed.left);
    if (template === '') throw new BadInput('template format specified but no template given');
    return { kind: 'jsonpath', template };
  }
  if (name === 'custom-columns') {
    const { parseCustomColumns } = await import('../printers/custom-columns.js');
    const columns = parseCustomColumns(arg);
    if (E.isLeft(columns)) throw new BadInput(columns.left);
    return { kind: 'custom-columns', columns: columns.right };
  }
  if (name === 'custom-columns-file') {
    // customcolumn_flags.go :: ToPrinter: os.Open, then NewCustomColumnsPrinterFromTemplate
    if (arg === '') throw new BadInput('custom-columns format specified but no custom columns given');
    const { customColumnsFromTemplate } = await import('../printers/custom-columns.js');
    const columns = customColumnsFromTemplate(templateFile(arg, 'template', true));
    if (E.isLeft(columns)) throw new BadInput(columns.left);
    return { kind: 'custom-columns', columns: columns.right, fromFile: true };
  }
  throw new BadInput(
    `unable to match a printer suitable for the output format "${spec}", allowed formats are: custom-columns,custom-columns-file,json,jsonpath,jsonpath-file,name,wide,yaml`,
  );
};
