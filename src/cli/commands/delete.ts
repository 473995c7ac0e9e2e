/** `podj delete pod NAME`: records a deletion request as the API server would take it (§i of the semantics). */
import type { Command } from 'commander';
import type { Event, PodRef } from '../../events/index.js';
import type { Instant } from '../../k8s/codecs.js';
import type { V1Pod } from '../../k8s/pod.js';
import { findPod, gracefulDeleteGrace } from '../../reducers/index.js';
import { writeInstant } from '../clock.js';
import { NAMESPACE_FLAG_HELP, type Context, type GlobalOptions } from '../context.js';
import { BadInput } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { stateAt } from '../read-options.js';
import { podResource } from '../resources.js';

interface DeleteOptions extends GlobalOptions {
  readonly namespace?: string;
  readonly gracePeriod?: string;
  readonly force?: boolean;
  readonly now?: boolean;
  readonly at?: string;
}

/** The request's grace, else the pod's, as the API server takes it; with 0 the object leaves storage at once. */
const effectiveGrace = (pod: V1Pod, requested: number | undefined): number =>
  gracefulDeleteGrace(pod, requested ?? pod.spec.terminationGracePeriodSeconds ?? 30);

const deletionEvents = (ref: PodRef, grace: number, at: Instant): Event[] => [
  { v: 1, type: 'PodDeletionRequested', at, source: 'api', pod: ref, gracePeriodSeconds: grace },
  ...(grace === 0 ? [{ v: 1 as const, type: 'PodRemoved' as const, at, source: 'api' as const, pod: ref }] : []),
];

const requestedGrace = (opts: DeleteOptions): number | undefined => {
  if (opts.now === true) return 1;
  if (opts.gracePeriod === undefined) return opts.force === true ? 0 : undefined;
  if (!/^-?\d+$/.test(opts.gracePeriod)) throw new BadInput(`--grace-period: "${opts.gracePeriod}" is not a whole number of seconds`);
  const grace = Number(opts.gracePeriod);
  if (grace === 0 && opts.force !== true) throw new BadInput('--grace-period=0 must have --force specified');
  return grace;
};

export const registerDelete = (program: Command, ctx: Context): void => {
  program
    .command('delete')
    .description('record a deletion request for a pod')
    .argument('<resource>', 'pod')
    .argument('<name>', 'the pod')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .option('--grace-period <seconds>', "seconds to terminate gracefully (default: the pod's terminationGracePeriodSeconds)")
    .option('--force', 'with --grace-period=0: remove the object at once')
    .option('--now', 'grace period 1')
    .option('--at <T>', 'record the request at this instant instead of now')
    .action(async (resource: string, name: string, _: unknown, cmd: Command) => {
      podResource(resource);
      const opts = cmd.optsWithGlobals<DeleteOptions>();
      const namespace = ctx.namespaceNamed(opts);
      const requested = requestedGrace(opts);
      await withJournal(ctx, opts, 'update', async (journal) => {
        const at = writeInstant(ctx, journal, opts.at);
        const expectedSeq = journal.head().seq;
        const live = findPod(await stateAt(journal, { at, now: new Date(at) }), namespace, name);
        if (live === undefined) throw new BadInput(`pods "${name}" not found in namespace ${namespace}`);
        const ref = { namespace, name, uid: live.pod.metadata.uid ?? '' };
        const grace = effectiveGrace(live.pod, requested);
        await journal.append(deletionEvents(ref, grace, at), { expectedSeq });
        if (opts.force === true && requested === 0) {
          ctx.io.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
          ctx.io.out(`pod "${name}" force deleted\n`);
        } else ctx.io.out(`pod "${name}" deleted\n`);
      });
    });
};
