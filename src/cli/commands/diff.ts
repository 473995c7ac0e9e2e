/** `podj diff pod NAME --from T1 --to T2`: the fields of the v1 Pod that changed, and the events between. */
import { Option, type Command } from 'commander';
import { subjectOf, summarize } from '../../events/summary.js';
import { renderTable } from '../../printers/index.js';
import { fieldDiff, fieldDiffLine } from '../../timetravel/field-diff.js';
import { podAt } from '../../timetravel/pod-at.js';
import { NAMESPACE_FLAG_HELP, type Context, type GlobalOptions } from '../context.js';
import { asOfOption, instantOption, refuseReversedRange } from '../instants.js';
import { Finding } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { requirePodRecords } from '../pod-records.js';
import { podResource } from '../resources.js';

interface DiffOptions extends GlobalOptions {
  readonly namespace?: string;
  readonly from: string;
  readonly to?: string;
  readonly at?: string;
  readonly asOf?: string;
  readonly output: 'text' | 'json';
}

export const registerDiff = (program: Command, ctx: Context): void => {
  program
    .command('diff')
    .description('what changed in a pod between two instants, and the events between them (exit 1 when something changed)')
    .argument('<resource>', 'pod')
    .argument('<name>', 'the pod')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .requiredOption('--from <T1>', 'the earlier instant: RFC 3339, or +DURATION from the first event')
    .option('--to <T2>', 'the later instant (default: the end of the journal)')
    .option('--at <T2>', 'the same as --to')
    .option('--as-of <R>', 'use only what had been recorded by this time')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (resource: string, name: string, _: unknown, cmd: Command) => {
      podResource(resource);
      const opts = cmd.optsWithGlobals<DiffOptions>();
      const namespace = ctx.namespaceNamed(opts);
      await withJournal(ctx, opts, 'read', async (journal) => {
        const from = instantOption(journal, '--from', opts.from);
        const to = instantOption(journal, opts.at === undefined ? '--to' : '--at', opts.at ?? opts.to) ?? journal.lastAt();
        const asOf = await asOfOption(journal, opts.asOf);
        refuseReversedRange('--from', from, '--to', to);
        const records = await requirePodRecords(journal, { namespace, name, untilAt: to, asOf });
        const [before, after] = [podAt(records, from)?.pod, podAt(records, to)?.pod];
        const diffs = fieldDiff(before, after);
        const between = records.filter((r) => from === undefined || r.event.at > from);
        if (opts.output === 'json') {
          ctx.io.out(`${JSON.stringify({ from, to, changes: diffs, events: between }, null, 2)}\n`);
        } else {
          ctx.io.out(`pod/${name} from ${from ?? '<start>'} to ${to ?? '<end>'}:\n`);
          ctx.io.out(diffs.length === 0 ? '  (no changes)\n' : diffs.map((d) => `  ${fieldDiffLine(d)}\n`).join(''));
          ctx.io.out('\nEvents:\n');
          const rows = between.map((r) => [String(r.seq), r.event.at, subjectOf(r.event), r.event.type, summarize(r.event)]);
          ctx.io.out(rows.length === 0 ? '  <none>\n' : renderTable([['SEQ', 'AT', 'OBJECT', 'EVENT', 'DETAILS'], ...rows]));
        }
        // As `kubectl diff` (and diff(1)): exit 1 when there are differences.
        if (diffs.length > 0) throw new Finding('');
      });
    });
};
