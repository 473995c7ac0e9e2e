/**
 * `podj top pods`: each pod's memory at an instant from the journal's usage samples (`ContainerUsageSampled`,
 * the newest per container at or before T, summed per pod), in `kubectl top pod`'s columns
 * (`kubectl/pkg/cmd/top/top_pod.go`, `metricsutil.PrintPodMetrics`): NAME, CPU(cores), MEMORY(bytes) as `NMi`.
 * A journal samples no CPU: that cell is `<unknown>`.
 */
import type { Command } from 'commander';
import { valueOf } from '../../k8s/quantity.js';
import { renderTable } from '../../printers/index.js';
import { NAMESPACE_FLAG_HELP, type Context } from '../context.js';
import { BadInput } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { addReadOptions, readPoint, stateAt, type ReadOptions } from '../read-options.js';
import { podResource } from '../resources.js';

interface TopOptions extends ReadOptions {
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly headers: boolean;
}

export const registerTop = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('top')
    .description("pods' memory at an instant, from the journal's usage samples (like kubectl top pods)")
    .argument('<resource>', 'pods')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .option('-A, --all-namespaces', 'pods of every namespace')
    .option('--no-headers', 'without the header line');
  addReadOptions(cmd).action(async (resource: string, _: unknown, command: Command) => {
    if (resource === 'node' || resource === 'nodes') throw new BadInput('top nodes: a journal samples pods\' containers, not nodes');
    podResource(resource);
    const opts = command.optsWithGlobals<TopOptions>();
    const namespace = ctx.namespaceOf(opts);
    await withJournal(ctx, opts, 'read', async (journal) => {
      const point = await readPoint(journal, opts, ctx.io.err);
      const state = await stateAt(journal, point);
      // The newest sample per container of each pod, up to T.
      const latest = new Map<string, Map<string, bigint>>();
      for await (const page of journal.recordsInTimeOrder({ untilAt: point.at, asOfRecordedAt: point.asOf }).batches()) {
        for (const { event } of page) {
          if (event.type !== 'ContainerUsageSampled') continue;
          const containers = latest.get(event.pod.uid) ?? new Map<string, bigint>();
          containers.set(event.container, valueOf(event.memory));
          latest.set(event.pod.uid, containers);
        }
      }
      const rows = [...state.pods.values()]
        .map((p) => p.pod)
        .filter((pod) => namespace === undefined || (pod.metadata.namespace ?? 'default') === namespace)
        .flatMap((pod) => {
          const samples = latest.get(pod.metadata.uid ?? '');
          if (samples === undefined) return [];
          const bytes = [...samples.values()].reduce((a, b) => a + b, 0n);
          return [[...(namespace === undefined ? [pod.metadata.namespace ?? 'default'] : []), pod.metadata.name ?? '', '<unknown>', `${bytes / (1024n * 1024n)}Mi`]];
        })
        .sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
      if (rows.length === 0) throw new BadInput(`Metrics not available for pods in ${namespace === undefined ? 'any namespace' : `namespace ${namespace}`}: the journal holds no usage samples for them`);
      const header = [...(namespace === undefined ? ['NAMESPACE'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'];
      ctx.io.out(renderTable(opts.headers ? [header, ...rows] : rows));
    });
  });
};
