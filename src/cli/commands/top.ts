/**
 * `podj top pods`: each pod's memory at an instant from the journal's usage samples (`ContainerUsageSampled`,
 * the newest per container at or before T), as `kubectl top pod` prints it (`kubectl/pkg/cmd/top/top_pod.go`):
 * one pod by NAME or the pods the label and field selectors keep, `--containers`, `--sum`, `--sort-by cpu|memory`.
 * A journal samples no CPU: that cell is `<unknown>`. A pod without samples is one metrics-server has no metrics
 * of: kubectl's answers for it follow (`empty-metrics.ts`).
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { valueOf } from '../../k8s/quantity.js';
import { topPodsTable, type PodUsage, type TopSortBy } from '../../printers/top-pods.js';
import type { V1Pod } from '../../k8s/pod.js';
import { fieldsMatch, objectMetaFields, parseFieldSelector, parseFieldTerms, parseSelector, podFields, selectorMatches, type Requirement } from '../../selectors/index.js';
import { NAMESPACE_FLAG_HELP, type Context } from '../context.js';
import { emptyMetrics } from '../empty-metrics.js';
import { BadInput, BadRequest, Finding } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { addReadOptions, readPoint, stateAt, type ReadOptions } from '../read-options.js';
import { podResource, resourceKind } from '../resources.js';

interface TopOptions extends ReadOptions {
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly headers: boolean;
  readonly selector?: string;
  readonly fieldSelector?: string;
  readonly sortBy?: string;
  readonly containers?: boolean;
  readonly sum?: boolean;
}

/** `TopPodOptions.Validate`, `TopNodeOptions.Validate`. */
const sortByOf = (sortBy: string | undefined): TopSortBy | undefined => {
  if (sortBy === undefined || sortBy === '') return undefined;
  if (sortBy === 'cpu' || sortBy === 'memory') return sortBy;
  throw new BadInput('--sort-by accepts only cpu or memory');
};

export const registerTop = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('top')
    .description("pods' memory at an instant, from the journal's usage samples (like kubectl top pods); nodes have none")
    .argument('<resource>', 'pods (or nodes)')
    .argument('[name]', 'one pod (or node)')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .option('-A, --all-namespaces', 'pods of every namespace')
    .option('-l, --selector <selector>', 'label selector (=, ==, !=, in, notin, key, !key)')
    .option('--field-selector <selector>', 'pods: field selector (=, ==, !=); metrics-server matches metadata.name and metadata.namespace, any other field reads as empty')
    .option('--sort-by <field>', 'cpu or memory, the largest first')
    .option('--containers', "each container's usage")
    .option('--sum', 'a line with the totals')
    .option('--no-headers', 'without the header line');
  addReadOptions(cmd).action(async (resource: string, name: string | undefined, _: unknown, command: Command) => {
    const opts = command.optsWithGlobals<TopOptions>();
    if (resourceKind(resource) === 'nodes') {
      await topNodes(ctx, opts, name);
      return;
    }
    podResource(resource);
    const sortBy = sortByOf(opts.sortBy);
    // TopPodOptions.Validate: a selector given empty is none
    const fieldSelector = opts.fieldSelector ?? '';
    if (name !== undefined && ((opts.selector ?? '') !== '' || fieldSelector !== '')) throw new BadInput('only one of NAME or selector can be provided');
    const selector = labelsOf(opts.selector);
    // RunTopPod parses the field selector itself (fields.ParseSelector): its syntax, not which fields a pod has
    const fieldTerms = parseFieldTerms(fieldSelector);
    if (E.isLeft(fieldTerms)) throw new BadInput(fieldTerms.left.message);
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
      const listed = (ns: string | undefined, fields: (pod: V1Pod) => boolean): V1Pod[] =>
        [...state.pods.values()]
          .map((p) => p.pod)
          .filter((pod) => (ns === undefined || (pod.metadata.namespace ?? 'default') === ns) && (name === undefined || pod.metadata.name === name) && selectorMatches(selector, pod.metadata.labels ?? {}) && fields(pod));
      // metrics-server's list: the field selector over the pods' metadata alone (a spec or status field reads as
      // empty: `spec.nodeName=N` keeps none, `status.phase!=Failed` every pod)
      const pods = listed(namespace, (pod) => fieldsMatch(fieldTerms.right, objectMetaFields, pod));
      // metrics-server's answer for a pod it does not list (its pod lister's NotFound)
      if (name !== undefined && pods.length === 0) throw new Finding(`Error from server (NotFound): pods "${name}" not found`);
      const usage = pods.flatMap((pod): PodUsage[] => {
        const samples = latest.get(pod.metadata.uid ?? '');
        if (samples === undefined) return [];
        return [{ namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', containers: [...samples].map(([container, memoryBytes]) => ({ name: container, memoryBytes })) }];
      });
      // The metrics API's answer for a pod it has no metrics of (`metrics-server`: NotFound).
      if (name !== undefined && usage.length === 0) throw new Finding(`Error from server (NotFound): podmetrics.metrics.k8s.io "${namespace ?? 'default'}/${name}" not found`);
      if (usage.length === 0) {
        // verifyEmptyMetrics lists the pods of o.Namespace, the context's namespace, with -A too, from the API
        // server, which refuses a field a pod cannot be selected by (its 400, as the typed client returns it)
        const podSelector = parseFieldSelector(fieldSelector, podFields);
        if (E.isLeft(podSelector)) throw new BadRequest(podSelector.left.message);
        const empty = emptyMetrics(listed(ctx.namespaceNamed(opts), (pod) => fieldsMatch(podSelector.right, podFields, pod)), namespace, point.now);
        if (empty.kind === 'error') throw new Finding(`error: ${empty.message}`);
        ctx.io.err(empty.stderr);
        return;
      }
      ctx.io.out(topPodsTable(usage, { withNamespace: namespace === undefined, containers: opts.containers === true, headers: opts.headers, sortBy, sum: opts.sum === true }));
    });
  });
};

/** `labels.Parse(o.LabelSelector)`: kubectl parses `-l` itself and stops at its error (kubectl's words, exit 2 here). */
const labelsOf = (selector: string | undefined): Requirement[] => {
  const parsed = parseSelector(selector ?? '');
  if (E.isLeft(parsed)) throw new BadInput(parsed.left);
  return [...parsed.right];
};

/**
 * `top_node.go :: RunTopNode`: a journal holds no node usage, so the metrics API it stands for lists none. A node
 * by name is metrics-server's NotFound (`pkg/api/node.go :: Get`: the node lister's for a node it does not know,
 * else `nodemetrics`'); the list is empty, which kubectl answers with "metrics not available yet" (exit 1).
 */
const topNodes = async (ctx: Context, opts: TopOptions, name: string | undefined): Promise<void> => {
  // top_node.go :: NewCmdTopNode has no --field-selector (cobra's unknown flag)
  if (opts.fieldSelector !== undefined) throw new BadInput('unknown flag: --field-selector');
  sortByOf(opts.sortBy);
  if (name !== undefined && (opts.selector ?? '') !== '') throw new BadInput('only one of NAME or --selector can be provided');
  labelsOf(opts.selector);
  if (name === undefined) throw new Finding('error: metrics not available yet');
  await withJournal(ctx, opts, 'read', async (journal) => {
    const state = await stateAt(journal, await readPoint(journal, opts, ctx.io.err));
    throw new Finding(state.nodes.has(name) ? `Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found` : `Error from server (NotFound): node "${name}" not found`);
  });
};
