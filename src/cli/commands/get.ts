/** `podj get pods`: kubectl's pod table (or json, yaml, name, jsonpath, custom-columns) at any instant of the journal. */
import type { Command } from 'commander';
import { fieldsMatch, podFields } from '../../selectors/index.js';
import { fieldRequirements, labelRequirements, type ListSelectors } from '../list-selectors.js';
import { NAMESPACE_FLAG_HELP, type Context } from '../context.js';
import { BadInput, Finding, WatchInterrupted } from '../errors.js';
import { CHUNK_SIZE_OPTION } from '../chunk-size.js';
import { addEventTtlOption, eventTtlOf } from '../event-ttl.js';
import { withJournal } from '../journal-access.js';
import { podNotFound, podRecordsNamed } from '../pod-records.js';
import { addReadOptions, namespacesAt, readPoint, rowsAt, stateAt, type ReadOptions } from '../read-options.js';
import { namesOf, refuseNamesAcrossNamespaces, resourceKind } from '../resources.js';
import { parseOutput, printsFound, printsHeaders } from '../output-format.js';
import { inScope, listRows, rowOutput, type Listing, type Scope } from '../pod-rows.js';
import type { V1Pod } from '../../k8s/pod.js';
import { inferredNotes } from '../../printers/inferred-notes.js';
import { podsElsewhere } from '../../printers/elsewhere.js';

export interface GetOptions extends ReadOptions {
  readonly output?: string;
  readonly selector?: string;
  readonly fieldSelector?: string;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly showLabels?: boolean;
  readonly showKind?: boolean;
  readonly labelColumns: string[];
  readonly watch?: boolean;
  readonly watchOnly?: boolean;
  readonly outputWatchEvents?: boolean;
  readonly speed?: string;
  readonly headers: boolean;
  readonly sortBy?: string;
  readonly types: string[];
  readonly eventTtl?: string;
  readonly ignoreNotFound?: boolean;
}

const speedOf = (raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const speed = Number(raw);
  if (!(speed > 0)) throw new BadInput(`--speed: "${raw}" is not a positive number`);
  return speed;
};


/**
 * The flag mixes kubectl refuses (`get.go :: Validate`) or warns about (`get.go :: Complete`): label columns
 * only on tables, watch events only with a watch, and a watch's changes are never sorted.
 */
const refuseFlagMixes = (opts: GetOptions, warn: (line: string) => void): void => {
  const format = opts.output?.replace(/^=/, '');
  if (opts.showLabels === true && format !== undefined && format !== '' && format !== 'wide') throw new BadInput(`--show-labels option cannot be used with ${format} printer`);
  if (opts.outputWatchEvents === true && opts.watch !== true && opts.watchOnly !== true) throw new BadInput('--output-watch-events option can only be used with --watch or --watch-only');
  // podj's own watch flag, refused as kubectl refuses --output-watch-events without a watch: it would change nothing
  if (opts.speed !== undefined && opts.watch !== true && opts.watchOnly !== true) throw new BadInput('--speed option can only be used with --watch or --watch-only');
  if (opts.sortBy !== undefined && opts.watch === true) warn('warning: --watch requested, --sort-by will be ignored for watch events received\n');
  else if (opts.sortBy !== undefined && opts.watchOnly === true) warn('warning: --watch-only requested, --sort-by will be ignored\n');
};

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').filter((v) => v !== '')];

export const registerGet = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('get')
    .description('list pods (or nodes, or events) like kubectl get')
    .argument('<resource>', 'pods, pod/NAME, nodes or events')
    .argument('[names...]', 'only these pods (NAME or pod/NAME)')
    .option('-o, --output <format>', 'wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=HEADER:PATH,…')
    .option('-l, --selector <selector>', 'label selector (=, ==, !=, in, notin, key, !key)')
    .option('--field-selector <selector>', 'field selector (pods: metadata.name, spec.nodeName, status.phase, …; events: involvedObject.name, type, reason, …; =, ==, !=)')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .option('-A, --all-namespaces', 'pods of every namespace')
    .option('--show-labels', 'a LABELS column')
    .option('--show-kind', "tables name each object with its kind, as pod/NAME (kubectl's decorateTable)")
    .option('-L, --label-columns <keys>', 'a column per label key (repeatable, comma-separated)', collect, [])
    .option('--no-headers', 'tables without their header line')
    .option('--types <types>', 'events: only these types (Normal, Warning; comma-separated)', collect, [])
    .option('--sort-by <path>', 'order by the value at this JSONPath (e.g. .metadata.creationTimestamp)')
    .option('-w, --watch', "after the table, a row each time a pod (or an Event) changes, in the journal's order, then the changes other processes append, until interrupted")
    .option('--watch-only', 'as -w, without the objects at the start (--at, else before the first event)')
    .option('--output-watch-events', 'with -w or --watch-only: each change as a watch event, {"type": "ADDED|MODIFIED|DELETED", "object": …} (an EVENT column in tables)')
    .option('--speed <x>', 'with -w: play back at x times real time (default: as fast as possible)')
    .option('--ignore-not-found', 'a name no object has is no error (exit 0), and finding nothing prints nothing, as kubectl get --ignore-not-found')
    .option(...CHUNK_SIZE_OPTION);
  addEventTtlOption(addReadOptions(cmd)).action(async (resource: string, args: string[], _: unknown, command: Command) => {
    const opts = command.optsWithGlobals<GetOptions>();
    if (!resource.includes(',')) return getOne(ctx, resource, args, opts);
    const { getSeveral } = await import('../get-several.js');
    return getSeveral(ctx, resource, args, opts, getOne);
  });
};

/** `get` of one resource type: its table (or other output), or its watch. */
const getOne = async (ctx: Context, resource: string, args: string[], opts: GetOptions): Promise<void> => {
  const output = await parseOutput(opts.output);
  refuseFlagMixes(opts, ctx.io.err);
  const watching = opts.watch === true || opts.watchOnly === true;
  const ignoreNotFound = opts.ignoreNotFound === true;
  const kind = resourceKind(resource);
  const list: ListSelectors = { resource: kind, labelSelector: opts.selector ?? '', fieldSelector: opts.fieldSelector ?? '' };
  const selector = labelRequirements(list);
  // Refused rather than ignored, as the flags below: only Events expire.
  if (kind !== 'events' && opts.eventTtl !== undefined) throw new BadInput(`--event-ttl: only events expire; ${kind} are listed as they were`);
  if (kind !== 'events' && opts.types.length > 0) throw new BadInput(`--types: only events have types (Normal, Warning); ${kind} have none`);
  refuseNamesAcrossNamespaces(kind, namesOf(kind, resource, args), opts.allNamespaces);
  if (kind !== 'pods') {
    // Refused rather than ignored: a flag that changes nothing would answer a question the user did not ask.
    if (watching && kind !== 'events') throw new BadInput(`-w: podj watches pods and events only; ${kind} answer at one instant (--at T)`);
    const namespace = ctx.namespaceOf(opts);
    const names = namesOf(kind, resource, args);
    const query = { output, headers: printsHeaders(output, opts.headers), showKind: opts.showKind === true, namespace, types: opts.types, names, list, selector, sortBy: opts.sortBy, labels: { labelColumns: opts.labelColumns, showLabels: opts.showLabels === true }, eventTtlMs: eventTtlOf(opts.eventTtl), ignoreNotFound };
    await withJournal(ctx, opts, 'read', async (journal) => {
      const point = await readPoint(journal, opts, ctx.io.err);
      if (watching) {
        const [{ watchEvents, eventsKind }, { eventInScope }, { appendsAfter }] = await Promise.all([import('../watch-events.js'), import('../get-others.js'), import('../follow.js')]);
        const table = { ...query.labels, withNamespace: namespace === undefined, wide: output.kind === 'named' && output.format === 'wide', withKind: query.showKind };
        const follow = (afterSeq: number) => appendsAfter(ctx.io, ctx.journalDir(opts), afterSeq);
        const watch = { output, headers: printsHeaders(output, opts.headers), watchEvents: opts.outputWatchEvents === true, watchOnly: opts.watchOnly === true, kind: eventsKind(table), names, ignoreNotFound };
        const end = await watchEvents(ctx.io, journal, { ...watch, from: point.at, inScope: eventInScope(query), eventTtlMs: query.eventTtlMs, sortBy: opts.sortBy, speed: speedOf(opts.speed), follow });
        if (end === 'interrupted') throw new WatchInterrupted();
        return;
      }
      // Loaded only for nodes and events: `get pods` does not pay for the Events printers.
      const { getEvents, getNodes } = await import('../get-others.js');
      await (kind === 'nodes' ? getNodes : getEvents)(ctx, journal, point, query);
    });
    return;
  }
  const names = namesOf('pods', resource, args);
  const fields = fieldRequirements(list, podFields);
  const namespace = ctx.namespaceOf(opts);
  const scope: Scope = { namespace, selector, names };
  const podInScope = (p: V1Pod): boolean =>
    inScope(scope, p.metadata.namespace, p.metadata.name ?? '', p.metadata.labels ?? {}) && fieldsMatch(fields, podFields, p);
  const flags = { allNamespaces: opts.allNamespaces, namespace, showLabels: opts.showLabels, showKind: opts.showKind, labelColumns: opts.labelColumns, headers: printsHeaders(output, opts.headers) };
  await withJournal(ctx, opts, 'read', async (journal) => {
    const point = await readPoint(journal, opts, ctx.io.err);
    if (watching) {
      // A watch starts at --at, or before the first event.
      const [{ watchPods }, { appendsAfter }, { emptyCluster }] = await Promise.all([import('../watch.js'), import('../follow.js'), import('../../reducers/index.js')]);
      const state = point.at === undefined ? emptyCluster : await stateAt(journal, point);
      // kubectl gets a named pod before it watches it: one the API server does not have is NotFound, exit 1
      // (get.go :: watch, get_test.go :: TestWatchNonExistObject). At --at, a pod the point holds; from the
      // start of the history, a pod that has held the name.
      const starting = [...state.pods.values()].map((s) => s.pod).filter(podInScope);
      const held = async (name: string): Promise<boolean> =>
        point.at === undefined ? namespace === undefined || (await podRecordsNamed(journal, { namespace, name })).length > 0 : starting.some((p) => p.metadata.name === name);
      const missing = [];
      for (const name of names) if (!(await held(name))) missing.push(name);
      // get.go :: watch: with --ignore-not-found, a name not found ends the watch before it starts, exit 0
      if (missing.length > 0 && ignoreNotFound) return;
      if (missing.length > 0) throw new Finding(missing.map((n) => podNotFound(n).message).join('\n'));
      const follow = (afterSeq: number) => appendsAfter(ctx.io, ctx.journalDir(opts), afterSeq);
      const table = { wide: output.kind === 'named' && output.format === 'wide', withNamespace: opts.allNamespaces === true, showLabels: opts.showLabels === true, labelColumns: opts.labelColumns, withKind: opts.showKind === true };
      const watch = { output, table, headers: printsHeaders(output, opts.headers), watchEvents: opts.outputWatchEvents === true, watchOnly: opts.watchOnly === true };
      const end = await watchPods(ctx.io, journal, state, { ...watch, from: point.at, inScope: podInScope, sortBy: opts.sortBy, speed: speedOf(opts.speed), follow });
      if (end === 'interrupted') throw new WatchInterrupted();
      return;
    }
    // A table answers at --at, or at the end: there from the head table's rows when they can answer.
    const asRows = opts.sortBy === undefined && fields.length === 0 ? rowOutput(output) : undefined;
    const rows = asRows === undefined ? undefined : await rowsAt(journal, point, namespace);
    const listing: Listing =
      asRows !== undefined && rows !== undefined
        ? listRows(rows, scope, asRows, flags, point.now)
        : await (await import('../pod-listing.js')).listPods(journal, point, { namespace, output, inScope: podInScope, sortBy: opts.sortBy, singleItem: names.length === 1, flags });
    const { printed, inferred, sinceCapture, listed, count } = listing;
    const missing = names.filter((n) => !listed(n));
    if (printsFound(output, { names: names.length, missing: missing.length, found: count, ignoreNotFound })) ctx.io.out(printed.stdout);
    // Rows of pods whose object was never captured are what their Events say, not a status anyone wrote, and rows
    // the source showed only at other instants (runs a restart count implies, their back-offs): say so.
    const notes = inferredNotes(inferred, sinceCapture);
    if (notes !== '') ctx.io.err(notes);
    if (missing.length > 0 && !ignoreNotFound) throw new Finding(missing.map((n) => podNotFound(n).message).join('\n'));
    // get.go :: Run: "No resources found" only when NotFound is not ignored
    if (names.length > 0 || ignoreNotFound) return;
    ctx.io.err(printed.stderr);
    if (printed.stderr !== '' && namespace !== undefined) ctx.io.err(podsElsewhere(await namespacesAt(journal, point), namespace));
  });
};
