/**
 * `podj replay FILE`: builds a fresh journal from a scenario or a podjournal export, prints what happened
 * (a compact timeline: offset, pod, what changed, the cause) and then the final `get pods` table.
 */
import { rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { simulate } from '../../engine/index.js';
import { summarize } from '../../events/summary.js';
import { canonical, type Journal } from '../../journal/index.js';
import type { Event } from '../../events/index.js';
import { getPods, renderTable } from '../../printers/index.js';
import { podsOf } from '../../reducers/index.js';
import type { PodChange } from '../../timetravel/pod-changes.js';
import { timelineOf, type TimelineEntry } from '../../timetravel/timeline.js';
import type { Context, GlobalOptions } from '../context.js';
import { BadInput } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { stateAt } from '../read-options.js';
import { readInput, readScenario } from '../scenario-file.js';
import { appendSimulated } from '../simulated.js';
import { offsetOf } from './timeline.js';
import { formatDuration } from '../../k8s/duration.js';
import { instantOf, msOf } from '../../k8s/codecs.js';

interface ReplayOptions extends GlobalOptions {
  readonly replace?: boolean;
}

/** The changes a reader of a replay wants on one line: what `get pods` would show differently. */
const compact = (changes: readonly PodChange[]): string =>
  changes
    .filter((c) => c.field === 'STATUS' || c.field === 'READY' || c.field.endsWith('.restartCount'))
    .map((c) => (c.from === undefined ? `${c.field} ${c.to ?? ''}` : `${c.field} ${c.from} → ${c.to ?? '<none>'}`))
    .join(', ');

const isExport = (text: string): boolean => text.trimStart().startsWith('{"podjournal"');

/** True when the journal holds exactly these events already (this replay was run before). */
const holdsExactly = async (journal: Journal, events: readonly Event[]): Promise<boolean> => {
  if (journal.head().seq !== events.length) return false;
  let i = 0;
  for await (const r of journal.records()) if (canonical(r.event) !== canonical(events[i++])) return false;
  return true;
};

/** Loads the file into the journal; for a scenario, returns the instant it runs until (its story's end). */
const load = async (journal: Journal, ctx: Context, file: string, text: string): Promise<Date | undefined> => {
  if (isExport(text)) {
    if (journal.head().seq === 0) await journal.importExport(text.split('\n'));
    return undefined;
  }
  const { simulation } = readScenario(ctx, file, text);
  const events = simulate(simulation);
  if (journal.head().seq > 0 && !(await holdsExactly(journal, events))) {
    throw new BadInput(`journal ${journal.dir} already holds other events: replay into a fresh one with --journal DIR, or pass --replace`);
  }
  if (journal.head().seq === 0) await appendSimulated(journal, events);
  return new Date(simulation.until);
};

/** The cause of an entry; for a kubelet sync, the latest observation it published. */
const replayCause = (e: TimelineEntry): string => {
  const behind = e.observed?.at(-1)?.event;
  return behind === undefined ? `${e.cause.type}: ${summarize(e.cause)}` : `${behind.type}: ${summarize(behind)} (published at sync)`;
};

export const registerReplay = (program: Command, ctx: Context): void => {
  program
    .command('replay')
    .description('replay a scenario or an export into a fresh journal: what happened, then the final table')
    .argument('<file>', 'a scenario (YAML) or a podjournal export (JSON lines)')
    .option('--replace', 'discard the journal folder first if it holds something else')
    .action(async (file: string, _: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ReplayOptions>();
      const text = readInput(ctx, file);
      if (opts.replace === true) await rm(ctx.journalDir(opts), { recursive: true, force: true });
      const until = await withJournal(ctx, opts, 'create', (journal) => load(journal, ctx, file, text));
      await withJournal(ctx, opts, 'read', async (journal) => {
        const first = journal.firstAt();
        const records = await journal.recordsInTimeOrder().toArray();
        const rows = [...timelineOf(records)]
          .map((e) => ({ e, what: compact(e.changes) }))
          .filter(({ what }) => what !== '')
          .map(({ e, what }) => [offsetOf(e.at, first), e.pod.split('/')[1] ?? e.pod, what, replayCause(e)]);
        ctx.io.out(renderTable([['OFFSET', 'POD', 'CHANGE', 'CAUSE'], ...rows]));
        // The table as the story ends: at the scenario's `until`, else at the last event.
        const last = journal.lastAt();
        const now = until ?? (last === undefined ? new Date(0) : new Date(last));
        const state = await stateAt(journal, { now });
        const table = getPods(podsOf(state), { allNamespaces: true }, now);
        ctx.io.out(`\n${until === undefined ? '' : `at +${formatDuration(now.getTime() - msOf(first ?? last ?? instantOf(0)))}:\n`}${table.stdout}`);
        ctx.io.err(table.stderr);
        ctx.io.out(`\njournal: ${ctx.journalDir(opts)} (${journal.head().seq} events; ask it more: podj get pods --at +1m, podj timeline pod NAME)\n`);
      });
    });
};
