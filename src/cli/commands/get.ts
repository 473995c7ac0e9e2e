/** `podj get pods`: kubectl's pod table (or json, yaml, name) at any instant of the journal. */
import { Command, Option } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { getPods, type OutputFormat } from '../../printers/index.js';
import { podsOf } from '../../reducers/index.js';
import { parseSelector, selectPods } from '../../selectors/index.js';
import type { Context } from '../context.js';
import { BadInput } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { addReadOptions, readPoint, stateAt, type ReadOptions } from '../read-options.js';
import { podResource } from '../resources.js';

interface GetOptions extends ReadOptions {
  readonly output?: OutputFormat;
  readonly selector?: string;
  readonly namespace: string;
  readonly allNamespaces?: boolean;
  readonly showLabels?: boolean;
  readonly labelColumns: string[];
}

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
    .option('-L, --label-columns <keys>', 'a column per label key (repeatable, comma-separated)', collect, []);
  addReadOptions(cmd).action(async (resource: string, names: string[], _: unknown, command: Command) => {
    podResource(resource);
    const opts = command.optsWithGlobals<GetOptions>();
    const selector = parseSelector(opts.selector ?? '');
    if (E.isLeft(selector)) throw new BadInput(`--selector: ${selector.left}`);
    await withJournal(ctx, opts, 'read', async (journal) => {
      const point = readPoint(journal, opts);
      const state = await stateAt(journal, point);
      const namespace = opts.allNamespaces === true ? undefined : opts.namespace;
      const pods = selectPods(podsOf(state), { namespace, selector: selector.right }).filter(
        (p) => names.length === 0 || names.includes(p.metadata.name ?? ''),
      );
      const missing = names.filter((n) => !pods.some((p) => p.metadata.name === n));
      const printed = getPods(
        pods,
        { output: opts.output ?? 'table', allNamespaces: opts.allNamespaces, namespace, showLabels: opts.showLabels, labelColumns: opts.labelColumns },
        point.now,
      );
      ctx.io.out(printed.stdout);
      if (missing.length > 0) {
        throw new BadInput(missing.map((n) => `pods "${n}" not found`).join('; '));
      }
      if (names.length === 0) ctx.io.err(printed.stderr);
    });
  });
};
