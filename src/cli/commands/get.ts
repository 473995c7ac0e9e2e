/** `podj get pods`: kubectl's pod table (or json, yaml, name) at any instant of the journal. */
import { Command, Option } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { isKnownOnlyFromEvents } from '../../importers/inferred-annotation.js';
import { getPods, type OutputFormat } from '../../printers/get-pods.js';
import { emptyCluster } from '../../reducers/index.js';
import { parseSelector, selectPods } from '../../selectors/index.js';
import type { Context } from '../context.js';
import { BadInput, Finding } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { podNotFound } from '../pod-records.js';
import { addReadOptions, podsAt, readPoint, stateAt, type ReadOptions } from '../read-options.js';
import { podResource } from '../resources.js';
import { watchPods } from '../watch.js';
import { appendsAfter } from '../follow.js';
import type { V1Pod } from '../../k8s/pod.js';

interface GetOptions extends ReadOptions {
  readonly output?: OutputFormat;
  readonly selector?: string;
  readonly namespace: string;
  readonly allNamespaces?: boolean;
  readonly showLabels?: boolean;
  readonly labelColumns: string[];
  readonly watch?: boolean;
  readonly speed?: string;
}

const speedOf = (raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const speed = Number(raw);
  if (!(speed > 0)) throw new BadInput(`--speed: "${raw}" is not a positive number`);
  return speed;
};

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').filter((v) => v !== '')];

export const registerGet = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('get')
    .description('list pods like kubectl get pods')
    .argument('<resource>', 'pods')
    .argument('[names...]', 'only these pods')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['wide', 'json', 'yaml', 'name']))
    .option('-l, --selector <selector>', 'label selector (=, ==, !=, in, notin, key, !key)')
    .option('-n, --namespace <ns>', 'namespace', 'default')
    .option('-A, --all-namespaces', 'pods of every namespace')
    .option('--show-labels', 'a LABELS column')
    .option('-L, --label-columns <keys>', 'a column per label key (repeatable, comma-separated)', collect, [])
    .option('-w, --watch', "after the table, a row each time a pod changes, in the journal's order, then the changes other processes append, until interrupted")
    .option('--speed <x>', 'with -w: play back at x times real time (default: as fast as possible)');
  addReadOptions(cmd).action(async (resource: string, names: string[], _: unknown, command: Command) => {
    podResource(resource);
    const opts = command.optsWithGlobals<GetOptions>();
    const selector = parseSelector(opts.selector ?? '');
    if (E.isLeft(selector)) throw new BadInput(`--selector: ${selector.left}`);
    await withJournal(ctx, opts, 'read', async (journal) => {
      const point = readPoint(journal, opts);
      const namespace = opts.allNamespaces === true ? undefined : opts.namespace;
      const inScope = (p: V1Pod): boolean =>
        selectPods([p], { namespace, selector: selector.right }).length === 1 && (names.length === 0 || names.includes(p.metadata.name ?? ''));
      const table = { wide: opts.output === 'wide', withNamespace: opts.allNamespaces === true, showLabels: opts.showLabels === true, labelColumns: opts.labelColumns };
      if (opts.watch === true) {
        // A watch starts at --at, or before the first event.
        const state = point.at === undefined ? emptyCluster : await stateAt(journal, point);
        const follow = (afterSeq: number) => appendsAfter(ctx.io, ctx.journalDir(opts), afterSeq);
        const json = opts.output === 'json';
        await watchPods(ctx.io, journal, state, { from: point.at, inScope, table, speed: speedOf(opts.speed), json, follow });
        return;
      }
      // A table answers at --at, or at the end.
      const pods = (await podsAt(journal, point, namespace)).filter(inScope);
      const missing = names.filter((n) => !pods.some((p) => p.metadata.name === n));
      // `kubectl get pod NAME -o json` prints the Pod itself, not a List of one.
      const singleItem = names.length === 1;
      const printed =
        opts.output === 'yaml'
          ? (await import('../../printers/get-pods-yaml.js')).getPodsYaml(pods, { singleItem })
          : getPods(
              pods,
              { output: opts.output ?? 'table', allNamespaces: opts.allNamespaces, namespace, showLabels: opts.showLabels, labelColumns: opts.labelColumns, singleItem },
              point.now,
            );
      ctx.io.out(printed.stdout);
      // Rows of pods whose object was never captured are what their Events say, not a status anyone wrote: say so.
      const inferred = pods.filter(isKnownOnlyFromEvents).map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`);
      if (inferred.length > 0) ctx.io.err(`note: known only from their Events (pod objects never captured, rows inferred): ${inferred.join(', ')}\n`);
      if (missing.length > 0) throw new Finding(missing.map((n) => podNotFound(n).message).join('\n'));
      if (names.length === 0) ctx.io.err(printed.stderr);
    });
  });
};
