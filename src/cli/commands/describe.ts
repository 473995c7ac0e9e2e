/** `podj describe pod [NAME|PREFIX]`: kubectl's describe of pods as they were at any instant, with their Events tables. */
import type { Command } from 'commander';
import { describePod, eventsOfPod, kubeEventsFor } from '../../printers/index.js';
import { podAt } from '../../timetravel/pod-at.js';
import { NAMESPACE_FLAG_HELP, type Context } from '../context.js';
import { withJournal } from '../journal-access.js';
import { podNotFound, podRecordsNamed, requirePodRecords } from '../pod-records.js';
import { addReadOptions, podNamesAt, readPoint, type ReadOptions } from '../read-options.js';
import { podResource } from '../resources.js';

interface DescribeOptions extends ReadOptions {
  readonly namespace?: string;
}

export const registerDescribe = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('describe')
    .description('describe a pod like kubectl describe pod, at any instant')
    .argument('<resource>', 'pod')
    .argument('[name]', 'the pod, or a prefix of the names to describe (all pods without it)')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP);
  addReadOptions(cmd).action(async (resource: string, name: string | undefined, _: unknown, command: Command) => {
    podResource(resource);
    const opts = command.optsWithGlobals<DescribeOptions>();
    const namespace = ctx.namespaceNamed(opts);
    await withJournal(ctx, opts, 'read', async (journal) => {
      const point = await readPoint(journal, opts, ctx.io.err);
      // kubectl (describe.go): no name describes every pod; a name no pod has is a prefix of the names to describe.
      const exact = name === undefined ? [] : await podRecordsNamed(journal, { namespace, name, asOf: point.asOf });
      const names =
        name !== undefined && exact.length > 0
          ? [name]
          : (await podNamesAt(journal, point, namespace)).filter((n) => name === undefined || n.startsWith(name));
      if (names.length === 0 && name === undefined) {
        ctx.io.err(`No resources found in ${namespace} namespace.\n`);
        return;
      }
      if (names.length === 0 && name !== undefined) await requirePodRecords(journal, { namespace, name, asOf: point.asOf });
      const described: string[] = [];
      for (const each of names) {
        const records = each === name ? exact : await podRecordsNamed(journal, { namespace, name: each, asOf: point.asOf });
        const upTo = records.filter((r) => point.at === undefined || r.event.at <= point.at);
        const state = podAt(upTo, point.at);
        // Not yet created, or already removed, at that instant: the API server would not have it.
        if (state === undefined) throw podNotFound(each);
        const rows = eventsOfPod(kubeEventsFor(upTo.map((r) => r.event)), state.pod);
        described.push(describePod(state.pod, rows, point.now));
      }
      ctx.io.out(described.join('\n\n'));
    });
  });
};
