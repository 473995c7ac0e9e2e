/** `podj get pods`: kubectl's pod table (or json, yaml, name, jsonpath, custom-columns) at any instant of the journal. */
import { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { isKnownOnlyFromEvents } from '../../importers/inferred-annotation.js';
import { getPods, podList, servedPod, sortPods, type Printed } from '../../printers/get-pods.js';
import { printCustomColumns } from '../../printers/custom-columns.js';
import { printJsonPath } from '../../printers/jsonpath.js';
import { sortByPath } from '../../printers/sort-by.js';
import { emptyCluster } from '../../reducers/index.js';
import { fieldsMatch, parseFieldSelector, parseSelector, selectPods } from '../../selectors/index.js';
import { NAMESPACE_FLAG_HELP, type Context } from '../context.js';
import { BadInput, Finding } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { podNotFound } from '../pod-records.js';
import { addReadOptions, namespacesAt, podsAt, readPoint, stateAt, type ReadOptions } from '../read-options.js';
import { podNamesOf, resourceKind } from '../resources.js';
import { watchPods } from '../watch.js';
import { appendsAfter } from '../follow.js';
import { parseOutput, type Output } from '../output-format.js';
import type { V1Pod } from '../../k8s/pod.js';

interface GetOptions extends ReadOptions {
  readonly output?: string;
  readonly selector?: string;
  readonly fieldSelector?: string;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly showLabels?: boolean;
  readonly labelColumns: string[];
  readonly watch?: boolean;
  readonly speed?: string;
  readonly headers: boolean;
  readonly sortBy?: string;
  readonly types: string[];
}

const speedOf = (raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const speed = Number(raw);
  if (!(speed > 0)) throw new BadInput(`--speed: "${raw}" is not a positive number`);
  return speed;
};

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').filter((v) => v !== '')];

/** `kubectl get` prints a table's header unless `--no-headers`. */
const withoutHeader = (text: string): string => text.slice(text.indexOf('\n') + 1);

/** What the chosen output prints for these pods (already filtered and in the order to print). */
const print = async (output: Output, pods: readonly V1Pod[], singleItem: boolean, opts: GetOptions, namespace: string | undefined, now: Date): Promise<Printed> => {
  const only = singleItem && pods.length === 1 ? pods[0] : undefined;
  const document = only === undefined ? podList(pods) : servedPod(only);
  switch (output.kind) {
    case 'jsonpath': {
      const text = printJsonPath(output.template, document);
      if (E.isLeft(text)) throw new BadInput(`-o jsonpath: ${text.left}`);
      return { stdout: text.right, stderr: '' };
    }
    case 'custom-columns':
      return { stdout: printCustomColumns(output.columns, pods.map(servedPod), opts.headers), stderr: '' };
    case 'named': {
      // Only `-o yaml` loads the YAML library.
      if (output.format === 'yaml') return (await import('../../printers/get-pods-yaml.js')).getPodsYaml(pods, { singleItem });
      const printed = getPods(
        pods,
        {
          output: output.format,
          allNamespaces: opts.allNamespaces,
          namespace,
          showLabels: opts.showLabels,
          labelColumns: opts.labelColumns,
          // `kubectl get pod NAME -o json` prints the Pod itself, not a List of one.
          singleItem,
          keepOrder: true,
        },
        now,
      );
      const table = output.format === 'table' || output.format === 'wide';
      return table && !opts.headers && printed.stdout !== '' ? { ...printed, stdout: withoutHeader(printed.stdout) } : printed;
    }
    default: {
      const unreachable: never = output;
      return unreachable;
    }
  }
};

/** "No resources found in NS namespace.", and where the journal's pods are when they are elsewhere. */
const elsewhere = (namespaces: readonly string[], namespace: string): string => {
  const others = namespaces.filter((ns) => ns !== namespace).sort();
  return others.length === 0 ? '' : `The journal holds pods in namespace${others.length === 1 ? '' : 's'} ${others.join(', ')} (use -n NAMESPACE or -A).\n`;
};

export const registerGet = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('get')
    .description('list pods (or nodes, or events) like kubectl get')
    .argument('<resource>', 'pods, pod/NAME, nodes or events')
    .argument('[names...]', 'only these pods (NAME or pod/NAME)')
    .option('-o, --output <format>', 'wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=HEADER:PATH,…')
    .option('-l, --selector <selector>', 'label selector (=, ==, !=, in, notin, key, !key)')
    .option('--field-selector <selector>', 'field selector (metadata.name, metadata.namespace, spec.nodeName, status.phase, …; =, ==, !=)')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .option('-A, --all-namespaces', 'pods of every namespace')
    .option('--show-labels', 'a LABELS column')
    .option('-L, --label-columns <keys>', 'a column per label key (repeatable, comma-separated)', collect, [])
    .option('--no-headers', 'tables without their header line')
    .option('--types <types>', 'events: only these types (Normal, Warning; comma-separated)', collect, [])
    .option('--sort-by <path>', 'order by the value at this JSONPath (e.g. .metadata.creationTimestamp)')
    .option('-w, --watch', "after the table, a row each time a pod changes, in the journal's order, then the changes other processes append, until interrupted")
    .option('--speed <x>', 'with -w: play back at x times real time (default: as fast as possible)');
  addReadOptions(cmd).action(async (resource: string, args: string[], _: unknown, command: Command) => {
    const opts = command.optsWithGlobals<GetOptions>();
    const output = parseOutput(opts.output);
    const kind = resourceKind(resource);
    if (kind !== 'pods') {
      const namespace = ctx.namespaceOf(opts);
      const query = { output, headers: opts.headers, namespace, types: opts.types };
      await withJournal(ctx, opts, 'read', async (journal) => {
        const point = await readPoint(journal, opts, ctx.io.err);
        // Loaded only for nodes and events: `get pods` does not pay for the Events printers.
        const { getEvents, getNodes } = await import('../get-others.js');
        await (kind === 'nodes' ? getNodes : getEvents)(ctx, journal, point, query);
      });
      return;
    }
    const names = podNamesOf(resource, args);
    const selector = parseSelector(opts.selector ?? '');
    if (E.isLeft(selector)) throw new BadInput(`--selector: ${selector.left}`);
    const fields = parseFieldSelector(opts.fieldSelector ?? '');
    if (E.isLeft(fields)) throw new BadInput(`--field-selector: ${fields.left}`);
    const namespace = ctx.namespaceOf(opts);
    await withJournal(ctx, opts, 'read', async (journal) => {
      const point = await readPoint(journal, opts, ctx.io.err);
      // A watch starts at --at, or before the first event; a table answers at --at, or at the end.
      const inScope = (p: V1Pod): boolean =>
        selectPods([p], { namespace, selector: selector.right }).length === 1 &&
        fieldsMatch(fields.right, p) &&
        (names.length === 0 || names.includes(p.metadata.name ?? ''));
      const table = { wide: output.kind === 'named' && output.format === 'wide', withNamespace: opts.allNamespaces === true, showLabels: opts.showLabels === true, labelColumns: opts.labelColumns };
      if (opts.watch === true) {
        // A watch starts at --at, or before the first event.
        const state = point.at === undefined ? emptyCluster : await stateAt(journal, point);
        const follow = (afterSeq: number) => appendsAfter(ctx.io, ctx.journalDir(opts), afterSeq);
        const json = output.kind === 'named' && output.format === 'json';
        await watchPods(ctx.io, journal, state, { from: point.at, inScope, table, speed: speedOf(opts.speed), json, follow });
        return;
      }
      // A table answers at --at, or at the end.
      const stored = sortPods((await podsAt(journal, point, namespace)).filter(inScope));
      const pods = opts.sortBy === undefined ? stored : sortByPath(stored, opts.sortBy, servedPod);
      const missing = names.filter((n) => !pods.some((p) => p.metadata.name === n));
      const printed = await print(output, pods, names.length === 1, opts, namespace, point.now);
      ctx.io.out(printed.stdout);
      // Rows of pods whose object was never captured are what their Events say, not a status anyone wrote: say so.
      const inferred = pods.filter(isKnownOnlyFromEvents).map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`);
      if (inferred.length > 0) ctx.io.err(`note: known only from their Events (pod objects never captured, rows inferred): ${inferred.join(', ')}\n`);
      if (missing.length > 0) throw new Finding(missing.map((n) => podNotFound(n).message).join('\n'));
      if (names.length > 0) return;
      ctx.io.err(printed.stderr);
      if (printed.stderr !== '' && namespace !== undefined) ctx.io.err(elsewhere(await namespacesAt(journal, point), namespace));
    });
  });
};
