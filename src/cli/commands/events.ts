/** `podj events`: the journal's events in valid-time order, as a table or as JSON lines. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { subjectOf, summarize } from '../../events/summary.js';
import { renderTable } from '../../printers/index.js';
import type { PodRecord } from '../../journal/index.js';
import type { Context, GlobalOptions } from '../context.js';
import { BadInput } from '../errors.js';
import { asOfOption, instantOption, refuseReversedRange } from '../instants.js';
import { withJournal } from '../journal-access.js';

interface EventsOptions extends GlobalOptions {
  readonly for?: string;
  readonly namespace?: string;
  readonly since?: string;
  readonly until?: string;
  readonly at?: string;
  readonly asOf?: string;
  readonly output: 'table' | 'jsonl';
}

/** The pod name of `--for pod/NAME`. */
const podNameOf = (target: string): string => {
  const m = /^(?:pods?|po)\/([^/]+)$/.exec(target);
  if (m?.[1] === undefined) throw new BadInput(`--for: "${target}" is not pod/NAME`);
  return m[1];
};

const header = ['SEQ', 'AT', 'SOURCE', 'OBJECT', 'EVENT', 'DETAILS'];
const cells = (r: PodRecord): string[] => [
  String(r.seq),
  r.event.at,
  r.event.source,
  subjectOf(r.event),
  r.event.type,
  summarize(r.event),
];

export const registerEvents = (program: Command, ctx: Context): void => {
  program
    .command('events')
    .description("the journal's events in valid-time order")
    .option('--for <pod/NAME>', 'only the events of one pod')
    .option('-n, --namespace <ns>', 'namespace of --for (default: $PODJ_NAMESPACE, else default)')
    .option('--since <T>', 'from this instant (RFC 3339 or +DURATION)')
    .option('--until <T>', 'up to this instant, inclusive')
    .option('--at <T>', 'the same as --until: the journal as it stood at T')
    .option('--as-of <R>', 'only what had been recorded by R')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'jsonl']).default('table'))
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<EventsOptions>();
      const namespace = ctx.namespaceNamed(opts);
      const pod = opts.for === undefined ? undefined : podNameOf(opts.for);
      await withJournal(ctx, opts, 'read', async (journal) => {
        const since = instantOption(journal, '--since', opts.since);
        const untilFlag = opts.at === undefined ? '--until' : '--at';
        const untilAt = instantOption(journal, untilFlag, opts.at ?? opts.until);
        refuseReversedRange('--since', since, untilFlag, untilAt);
        const asOfRecordedAt = await asOfOption(journal, opts.asOf);
        const rows: string[][] = [];
        // One pod's events come from the pod index, not a scan of the journal.
        const query = { untilAt, asOfRecordedAt };
        const stream = pod === undefined ? journal.recordsInTimeOrder(query) : journal.podRecords(namespace, pod, query);
        for await (const page of stream.batches()) {
          const shown = since === undefined ? page : page.filter((r) => r.event.at >= since);
          if (opts.output === 'table') rows.push(...shown.map(cells));
          // A line is the whole record, hash chain included: the pod index holds no hashes.
          else for (const r of pod === undefined ? shown : await journal.recordsOf(shown)) ctx.io.out(`${JSON.stringify(r)}\n`);
        }
        if (opts.output === 'table') {
          if (rows.length === 0) ctx.io.err('No events found.\n');
          else ctx.io.out(renderTable([header, ...rows]));
        }
      });
    });
};
