/**
 * `get pods,events` (several resource types in one argument) as kubectl v1.36 prints them (kubectl/pkg/cmd/get/
 * get.go :: Run): with a table, each type's own table (its widths its own: the tabwriter's remembered widths are
 * reset per mapping), each name as `kind/name` (`printWithKind`, several kinds requested), a blank line before a
 * type's table when one was written before it and headers are on (`separatorWriterWrapper`), and "No resources
 * found" only when nothing was written at all; `-o name` the names in turn; json, yaml, jsonpath and
 * custom-columns one `List` of every type's items (`printGeneric`), sorted together by `--sort-by`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { sortByPath } from '../printers/sort-by.js';
import type { Context } from './context.js';
import { BadInput } from './errors.js';
import type { CliIO } from './io.js';
import { parseOutput, printsHeaders } from './output-format.js';
import { resourceKind, type ResourceKind } from './resources.js';
import { printServed } from './served-output.js';
import type { GetOptions } from './commands/get.js';

type GetOne = (ctx: Context, resource: string, args: string[], opts: GetOptions) => Promise<void>;

/** What one type's `get` wrote: stdout, and its stderr lines but its own "No resources found" (the whole answer's to say). */
interface Captured {
  readonly out: string;
  readonly err: readonly string[];
}

/** `ctx` whose stdout and stderr are kept. */
const capturing = (ctx: Context): { readonly ctx: Context; readonly captured: () => Captured } => {
  let out = '';
  const err: string[] = [];
  const io: CliIO = {
    ...ctx.io,
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err.push(...text.split(/(?<=\n)/).filter((line) => line !== '' && !line.startsWith('No resources found')));
    },
  };
  return { ctx: { ...ctx, io }, captured: () => ({ out, err }) };
};

/** The types of `pods,events`, each once, in the order given (the builder visits them so). */
const kindsOf = (resource: string): ResourceKind[] => {
  const kinds = resource.split(',').map((r) => {
    // `pods,events/NAME`: the builder reads `pods,events` as one type (builder.go :: splitResourceTypeName)
    if (r.includes('/')) throw new BadInput(`the server doesn't have a resource type "${resource.slice(0, resource.indexOf('/'))}"`);
    return resourceKind(r);
  });
  return [...new Set(kinds)];
};

export const getSeveral = async (ctx: Context, resource: string, args: string[], opts: GetOptions, getOne: GetOne): Promise<void> => {
  const kinds = kindsOf(resource);
  // builder.go :: SingleResourceType, which get.go :: watch asks for
  if (opts.watch === true || opts.watchOnly === true) throw new BadInput('you must specify only one resource');
  if (args.length > 0) throw new BadInput(`${args.join(' ')}: podj gets several resource types by type only (get ${resource}), names one type at a time`);
  const output = await parseOutput(opts.output);
  const tableOrName = output.kind === 'named' && (output.format === 'table' || output.format === 'wide' || output.format === 'name');
  const written: string[] = [];
  // each type's warnings and notes, once each, after the answer
  const notes = new Set<string>();
  const items: Array<{ readonly kind: string; readonly metadata: { readonly name: string } }> = [];
  for (const kind of kinds) {
    const { ctx: one, captured } = capturing(ctx);
    // one List of every type's items: each type's json, read back as served
    // --event-ttl and --types are the Events' (refused, by the first type, when none is asked for)
    const ofEvents = kind === 'events' || !kinds.includes('events');
    const typed = { ...opts, eventTtl: ofEvents ? opts.eventTtl : undefined, types: ofEvents ? opts.types : [] };
    await getOne(one, kind, [], tableOrName ? { ...typed, showKind: true } : { ...typed, output: 'json', sortBy: undefined });
    const { out, err } = captured();
    for (const line of err) notes.add(line);
    if (tableOrName) written.push(out);
    else items.push(...(JSON.parse(out) as { items: typeof items }).items);
  }
  if (!tableOrName) {
    const sorted = opts.sortBy === undefined ? E.right(items) : sortByPath(items, opts.sortBy, (i) => i, { table: false });
    if (E.isLeft(sorted)) throw new BadInput(sorted.left);
    ctx.io.out(await printServed(output, sorted.right, { headers: printsHeaders(output, opts.headers), singleItem: false }, () => ''));
  } else {
    printTables(ctx, kinds, written, opts, output.kind === 'named' && output.format === 'name');
  }
  ctx.io.err([...notes].join(''));
};

/** Each type's table (or names), a blank line between tables; "No resources found" when none wrote anything. */
const printTables = (ctx: Context, kinds: readonly ResourceKind[], written: readonly string[], opts: GetOptions, names: boolean): void => {
  const shown = written.filter((text) => text !== '');
  const separator = opts.headers && !names ? '\n' : '';
  if (shown.length > 0) ctx.io.out(shown.join(separator));
  else if (!opts.ignoreNotFound) {
    const namespaced = opts.allNamespaces !== true && !kinds.includes('nodes');
    ctx.io.err(namespaced ? `No resources found in ${ctx.namespaceNamed(opts)} namespace.\n` : 'No resources found\n');
  }
};
