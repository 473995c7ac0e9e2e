/** `podj timeline pod NAME`: each change of status, phase, condition and container, with the event that caused it. */
import { Option, type Command } from 'commander';
import { summarize } from '../../events/summary.js';
import { msOf, type Instant } from '../../k8s/codecs.js';
import { formatDuration } from '../../k8s/duration.js';
import { renderTable } from '../../printers/index.js';
import type { PodChange } from '../../timetravel/pod-changes.js';
import { observationBehind } from '../../timetravel/observed.js';
import { timelineOf, type TimelineEntry } from '../../timetravel/timeline.js';
import { NAMESPACE_FLAG_HELP, type Context } from '../context.js';
import { withJournal } from '../journal-access.js';
import { requirePodRecords } from '../pod-records.js';
import { addReadOptions, readPoint, type ReadOptions } from '../read-options.js';
import { podResource } from '../resources.js';

interface TimelineOptions extends ReadOptions {
  readonly namespace?: string;
  readonly output: 'table' | 'compact' | 'json';
}

export const offsetOf = (at: Instant, first: Instant | undefined): string =>
  `+${formatDuration(msOf(at) - msOf(first ?? at))}`;

export const changeText = (c: PodChange): string => `${c.field}: ${c.from ?? '<none>'} → ${c.to ?? '<none>'}`;

const seqText = (seq: number | undefined): string => (seq === undefined ? '' : `#${seq} `);
const publishedAt = (e: TimelineEntry): string => `(published at sync${e.seq === undefined ? '' : ` #${e.seq}`})`;

/** `#12 ContainerExited (runtime): …`; an observation a sync made visible says so: `(published at sync #14)`. */
export const causeText = (e: TimelineEntry, c: PodChange): string => {
  const behind = observationBehind(e, c);
  if (behind === undefined) return `${seqText(e.seq)}${e.cause.type} (${e.cause.source}): ${summarize(e.cause)}`;
  return `${seqText(behind.seq)}${behind.event.type} (${behind.event.source}): ${summarize(behind.event)} ${publishedAt(e)}`;
};

/** `-o compact`: the cause by its type, or the observation a sync published, short enough for 120 columns. */
const compactCause = (e: TimelineEntry, c: PodChange): string => {
  const behind = observationBehind(e, c);
  return behind === undefined ? `${seqText(e.seq)}${e.cause.type}` : `${seqText(behind.seq)}${behind.event.type} (sync)`;
};

/** `-o compact` fits a terminal of this many columns: no AT column, the cause by its type, long lines cut. */
const COMPACT_WIDTH = 120;

const fitted = (text: string, width: number): string =>
  text
    .split('\n')
    .map((line) => (line.length > width ? `${line.slice(0, width - 1)}…` : line))
    .join('\n');

export const registerTimeline = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('timeline')
    .description('each change of a pod, with its instant and the event that caused it')
    .argument('<resource>', 'pod')
    .argument('<name>', 'the pod')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'compact', 'json']).default('table'));
  addReadOptions(cmd).action(async (resource: string, name: string, _: unknown, command: Command) => {
    podResource(resource);
    const opts = command.optsWithGlobals<TimelineOptions>();
    const namespace = ctx.namespaceNamed(opts);
    await withJournal(ctx, opts, 'read', async (journal) => {
      const point = await readPoint(journal, opts, ctx.io.err);
      const records = await requirePodRecords(journal, { namespace, name, untilAt: point.at, asOf: point.asOf });
      const entries = [...timelineOf(records)];
      const first = journal.firstAt();
      if (opts.output === 'json') {
        const json = entries.map((e) => ({
          at: e.at,
          offset: offsetOf(e.at, first),
          seq: e.seq,
          changes: e.changes,
          cause: e.cause,
          ...(e.observed === undefined ? {} : { observed: e.observed.map(({ seq, event }) => ({ seq, event })) }),
        }));
        ctx.io.out(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      if (opts.output === 'compact') {
        const compact = entries.flatMap((e) => e.changes.map((c) => [offsetOf(e.at, first), changeText(c), compactCause(e, c)]));
        ctx.io.out(fitted(renderTable([['OFFSET', 'CHANGE', 'CAUSE'], ...compact]), COMPACT_WIDTH));
        return;
      }
      const rows = entries.flatMap((e) => e.changes.map((c) => [offsetOf(e.at, first), e.at, changeText(c), causeText(e, c)]));
      ctx.io.out(renderTable([['OFFSET', 'AT', 'CHANGE', 'CAUSE'], ...rows]));
    });
  });
};
