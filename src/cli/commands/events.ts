/**
 * `podj events`: the journal's own events in valid-time order, as a table (the default, `-o journal`) or as JSON
 * lines (`-o jsonl`); `-o kubectl` (and json, yaml, name, jsonpath) is `kubectl events` (kubectl-events.ts) over
 * the Events the journal implies.
 */
import type { Command } from 'commander';
import { subjectOf, summarize } from '../../events/summary.js';
import { renderTable } from '../../printers/index.js';
import type { PodRecord } from '../../journal/index.js';
import { CHUNK_SIZE_OPTION } from '../chunk-size.js';
import { NAMESPACE_FLAG_HELP, type Context } from '../context.js';
import { BadInput } from '../errors.js';
import { addEventTtlOption, eventTtlOf } from '../event-ttl.js';
import { asOfOption, instantOption, refuseReversedRange } from '../instants.js';
import { withJournal } from '../journal-access.js';
import { eventsOutputOf, forObjectOf, listKubectlEvents, watchKubectlEvents, type ForObject } from '../kubectl-events.js';
import { addReadOptions, readPoint, type ReadOptions } from '../read-options.js';

interface EventsOptions extends ReadOptions {
  readonly for?: string;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly types: string[];
  readonly headers: boolean;
  readonly watch?: boolean;
  readonly since?: string;
  readonly until?: string;
  readonly eventTtl?: string;
  readonly output?: string;
}

/** The journal's own events, the verb's first job: a table (no `-o`, `-o journal`, `-o table`) or a record a line. */
const journalFormats = [undefined, '', 'table', 'journal', 'jsonl'] as const;
type JournalFormat = (typeof journalFormats)[number];
const isJournalFormat = (s: string | undefined): s is JournalFormat => (journalFormats as readonly (string | undefined)[]).includes(s);

const header = ['SEQ', 'AT', 'SOURCE', 'OBJECT', 'EVENT', 'DETAILS'];
const cells = (r: PodRecord): string[] => [String(r.seq), r.event.at, r.event.source, subjectOf(r.event), r.event.type, summarize(r.event)];

/** The journal lists one pod's records (its index), so `--for` names a pod there. */
const podOf = (target: ForObject | undefined): string | undefined => {
  if (target !== undefined && target.kind !== 'Pod') throw new BadInput(`--for: -o journal|jsonl lists a pod's events; "${target.kind}" is not a pod`);
  return target?.name;
};

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').filter((v) => v !== '')];

export const registerEvents = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('events')
    .description('list the journal\'s events in order (-o kubectl|json|yaml|name: the Events, as kubectl events does)')
    .option('--for <TYPE/NAME>', 'only the Events of this object (pod/NAME)')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .option('-A, --all-namespaces', 'Events of every namespace')
    .option('--types <types>', 'only Events of these types (Normal, Warning; comma-separated)', collect, [])
    .option('--no-headers', "the table without its header line")
    .option('-w, --watch', 'after the Events, each write of one in the journal\'s order, then what other processes append, until interrupted')
    .option('-o, --output <format>', 'journal (the default) or jsonl: the journal\'s own events; kubectl, json, yaml, name, jsonpath=TEMPLATE: the Events as kubectl events prints them')
    .option('--since <T>', 'only what happened from this instant on (RFC 3339 or +DURATION)')
    .option('--until <T>', 'the same as --at')
    .option(...CHUNK_SIZE_OPTION);
  addEventTtlOption(addReadOptions(cmd)).action(async (_: unknown, command: Command) => {
    const opts = command.optsWithGlobals<EventsOptions>();
    // The journal's listing does not follow appends, so a bare `-w` watches the Events' table as kubectl's does.
    const bareWatch = opts.watch === true && (opts.output === undefined || opts.output === '');
    const raw = isJournalFormat(opts.output) && !bareWatch ? undefined : await eventsOutputOf(opts.output);
    const target = opts.for === undefined ? undefined : forObjectOf(opts.for);
    if (raw === undefined && opts.watch === true) throw new BadInput(`-w: -o ${opts.output ?? ''} lists the journal; watch the Events (-o kubectl|json|yaml|name)`);
    await withJournal(ctx, opts, 'read', async (journal) => {
      const since = instantOption(journal, '--since', opts.since);
      const untilFlag = opts.at === undefined ? '--until' : '--at';
      const untilAt = instantOption(journal, untilFlag, opts.at ?? opts.until);
      refuseReversedRange('--since', since, untilFlag, untilAt);
      if (raw !== undefined) {
        const point = await readPoint(journal, { ...opts, at: opts.at ?? opts.until }, ctx.io.err);
        const query = { namespace: ctx.namespaceOf(opts), namespaceShown: ctx.namespaceNamed(opts), types: opts.types, for: target, since, headers: opts.headers, output: raw, eventTtlMs: eventTtlOf(opts.eventTtl) };
        if (opts.watch === true) await watchKubectlEvents(ctx, journal, point, query, ctx.journalDir(opts));
        else await listKubectlEvents(ctx, journal, point, query);
        return;
      }
      if (opts.types.length > 0) throw new BadInput('--types: only the Events have a type; give -o kubectl (or json, yaml, name)');
      const pod = podOf(target);
      const namespace = ctx.namespaceNamed(opts);
      const asOfRecordedAt = await asOfOption(journal, opts.asOf);
      const rows: string[][] = [];
      // One pod's events come from the pod index, not a scan of the journal.
      const query = { untilAt, asOfRecordedAt };
      const stream = pod === undefined ? journal.recordsInTimeOrder(query) : journal.podRecords(namespace, pod, query);
      for await (const page of stream.batches()) {
        const shown = since === undefined ? page : page.filter((r) => r.event.at >= since);
        if (opts.output !== 'jsonl') rows.push(...shown.map(cells));
        // A line is the whole record, hash chain included: the pod index holds no hashes.
        else for (const r of pod === undefined ? shown : await journal.recordsOf(shown)) ctx.io.out(`${JSON.stringify(r)}\n`);
      }
      if (opts.output !== 'jsonl') {
        if (rows.length === 0) ctx.io.err('No events found.\n');
        else ctx.io.out(renderTable([header, ...rows]));
      }
    });
  });
};
