/** `-o FORMAT` as kubectl spells it: a named format, `jsonpath=TEMPLATE` or `custom-columns=SPEC` (also `-o=wide`). */
import * as E from 'fp-ts/lib/Either.js';
import type { CustomColumn } from '../printers/custom-columns.js';
import type { OutputFormat } from '../printers/get-pods.js';
import { BadInput } from './errors.js';

export type Output =
  | { readonly kind: 'named'; readonly format: OutputFormat }
  | { readonly kind: 'jsonpath'; readonly template: string }
  | { readonly kind: 'custom-columns'; readonly columns: readonly CustomColumn[] };

const named: readonly OutputFormat[] = ['wide', 'json', 'yaml', 'name'];

const isNamed = (s: string): s is OutputFormat => (named as readonly string[]).includes(s);

/**
 * Whether the output is kubectl's table (plain or wide), the only one that says `No resources found` when nothing
 * is found; the others print what was found, an empty List in json and yaml (`get.go :: Run` sends them to
 * `printGeneric`), and `--sort-by` sorts them as a list, not as a table's rows.
 */
export const isTableOutput = (output: Output): boolean => output.kind === 'named' && (output.format === 'table' || output.format === 'wide');

/** The format asked for; the JSONPath library loads only for the formats that need it. */
export const parseOutput = async (raw: string | undefined): Promise<Output> => {
  if (raw === undefined) return { kind: 'named', format: 'table' };
  const spec = raw.replace(/^=/, ''); // `-o=wide`: commander hands a short option's `=` over with the value
  if (isNamed(spec)) return { kind: 'named', format: spec };
  const eq = spec.indexOf('=');
  const name = eq < 0 ? spec : spec.slice(0, eq);
  const arg = eq < 0 ? '' : spec.slice(eq + 1);
  if (name === 'jsonpath') {
    const { parseJsonPathTemplate } = await import('../printers/jsonpath.js');
    const parsed = parseJsonPathTemplate(arg);
    if (E.isLeft(parsed)) throw new BadInput(parsed.left);
    if (arg === '') throw new BadInput('template format specified but no template given');
    return { kind: 'jsonpath', template: arg };
  }
  if (name === 'custom-columns') {
    const { parseCustomColumns } = await import('../printers/custom-columns.js');
    const columns = parseCustomColumns(arg);
    if (E.isLeft(columns)) throw new BadInput(columns.left);
    return { kind: 'custom-columns', columns: columns.right };
  }
  throw new BadInput(
    `unable to match a printer suitable for the output format "${spec}", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml`,
  );
};
