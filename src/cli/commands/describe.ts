/** `podj describe pod NAME`: kubectl's describe of the pod as it was at any instant, with its Events table. */
import type { Command } from 'commander';
import { describePod, eventsOfPod, kubeEventsFor } from '../../printers/index.js';
import { podAt } from '../../timetravel/pod-at.js';
import type { Context } from '../context.js';
import { withJournal } from '../journal-access.js';
import { podNotFound, requirePodRecords } from '../pod-records.js';
import { addReadOptions, readPoint, type ReadOptions } from '../read-options.js';
import { podResource } from '../resources.js';

interface DescribeOptions extends ReadOptions {
  readonly namespace: string;
}

export const registerDescribe = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('describe')
    .description('describe a pod like kubectl describe pod, at any instant')
    .argument('<resource>', 'pod')
    .argument('<name>', 'the pod')
    .option('-n, --namespace <ns>', 'namespace', 'default');
  addReadOptions(cmd).action(async (resource: string, name: string, _: unknown, command: Command) => {
    podResource(resource);
    const opts = command.optsWithGlobals<DescribeOptions>();
    await withJournal(ctx, opts, 'read', async (journal) => {
      const point = await readPoint(journal, opts, ctx.io.err);
      const records = await requirePodRecords(journal, { namespace: opts.namespace, name, asOf: point.asOf });
      const upTo = records.filter((r) => point.at === undefined || r.event.at <= point.at);
      const state = podAt(upTo, point.at);
      // Not yet created, or already removed, at that instant: the API server would not have it.
      if (state === undefined) throw podNotFound(name);
      const rows = eventsOfPod(kubeEventsFor(upTo.map((r) => r.event)), state.pod);
      ctx.io.out(describePod(state.pod, rows, point.now));
    });
  });
};
