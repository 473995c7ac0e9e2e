/**
 * `podj import FILE...`: audit logs, watch streams, PodLists, Kubernetes Events and podjournal exports,
 * detected by content, merged in valid-time order; facts already in the journal are not added twice. Any bad
 * line refuses the whole import (unless --skip-bad), and the journal stays as it was.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { convertFiles, countProgress, formatBadLine, subjectKeyOf, terminalProgress, type FileSummary } from '../../importers/index.js';
import type { Event } from '../../events/index.js';
import type { ImportSource } from '../../journal/index.js';
import type { Context, GlobalOptions } from '../context.js';
import { BadInput } from '../errors.js';
import { withJournal } from '../journal-access.js';

interface ImportCliOptions extends GlobalOptions {
  readonly skipBad?: boolean;
}

/** `1 document`, `2 documents`. */
const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const ignoredText = (s: FileSummary): string => {
  const parts = Object.entries(s.ignored).map(([why, n]) => `${n} ${why}`);
  return parts.length === 0 ? '' : ` (ignored: ${parts.join(', ')})`;
};

/** The file's lines, opened only when the import reaches it (readline drops lines emitted before it is iterated). */
async function* exportLines(file: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

export const registerImport = (program: Command, ctx: Context): void => {
  program
    .command('import')
    .description('import audit logs, watch streams, PodLists, Kubernetes Events or podjournal exports (detected by content)')
    .argument('<files...>', 'files to import')
    .option('--skip-bad', 'import what converts and list the lines left out, instead of refusing the whole import')
    .action(async (files: string[], _: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ImportCliOptions>();
      await withJournal(ctx, opts, 'create', async (journal) => {
        const progress = ctx.io.errIsTTY ? terminalProgress(process.stderr) : undefined;
        const converted = await convertFiles(files, { skipBad: opts.skipBad, onProgress: progress?.update }).finally(() => progress?.stop());
        if (E.isLeft(converted)) throw new BadInput(converted.left.join('\n'));
        const { facts, files: summaries, skipped, exports } = converted.right;
        // What the journal already holds about the imported subjects takes part in the merge, so facts it
        // knows are recognised fact by fact, not only byte for byte.
        const knownOf = async function* (subjects: ReadonlySet<string>): AsyncGenerator<Event> {
          if (journal.head().seq === 0) return;
          for await (const page of journal.records().batches()) {
            for (const r of page) if (subjects.has(subjectKeyOf(r.event))) yield r.event;
          }
        };
        for (const bad of skipped) ctx.io.err(`skipped ${formatBadLine(bad)}\n`);
        // Exports and converted events go in as one staged append: a refused line anywhere leaves the journal as it was.
        const sources: ImportSource[] = [
          ...exports.map((file) => ({ kind: 'export' as const, name: file, lines: exportLines(file) })),
          { kind: 'events', events: facts.merged(knownOf) },
        ];
        const total = summaries.reduce((n, s) => n + s.events, 0);
        const appending = ctx.io.errIsTTY ? countProgress('appending', total, process.stderr) : undefined;
        const result = await journal
          .importSources(sources, { onProgress: appending?.update })
          .finally(() => {
            appending?.stop();
            return facts.dispose();
          });
        for (const x of result.exports) ctx.io.out(`${x.name}: podjournal export, ${x.records} records (${x.mode === 'restore' ? 'restored' : 'merged'})\n`);
        for (const s of summaries.filter((f) => f.format !== 'podjournal-export')) {
          ctx.io.out(`${s.file}: ${s.format}, ${counted(s.documents, 'document')}, ${counted(s.events, 'event')}${ignoredText(s)}\n`);
        }
        if (result.appended === 0) {
          ctx.io.out(`imported 0 new events: the journal holds every fact already, head ${result.head.hash}\n`);
          return;
        }
        ctx.io.out(`imported ${result.appended} new events (${result.skipped} already present), head ${result.head.hash}\n`);
      });
    });
};
