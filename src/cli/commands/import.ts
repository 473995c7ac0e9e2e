/**
 * `podj import FILE...`: audit logs, watch streams, PodLists, Kubernetes Events and podjournal exports,
 * detected by content, merged in valid-time order; facts already in the journal are not added twice. Any bad
 * line refuses the whole import (unless --skip-bad), and the journal stays as it was.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { countProgress, formatBadLine, importFiles, terminalProgress, type FileSummary } from '../../importers/index.js';
import type { Journal } from '../../journal/index.js';
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

const importExportFile = async (journal: Journal, file: string): Promise<string> => {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const result = await journal.importExport(lines).catch((e: unknown) => {
    if (!(e instanceof Error)) throw e;
    // The journal names the line as `line N: why`; every import error reads `file:N: why`.
    const at = /^line (\d+): ([^]*)$/.exec(e.message);
    throw new BadInput(at === null ? `${file}: ${e.message}` : `${file}:${at[1]}: ${at[2]}`);
  });
  return `${file}: podjournal export, ${result.mode === 'restore' ? 'restored' : 'merged'} ${result.appended} records (${result.skipped} already present)\n`;
};

export const registerImport = (program: Command, ctx: Context): void => {
  program
    .command('import')
    .description('import audit logs, watch streams, PodLists, Kubernetes Events or podjournal exports (detected by content)')
    .argument('<files...>', 'files to import')
    .option('--skip-bad', 'import what converts and list the lines left out, instead of refusing the whole import')
    .action(async (files: string[], _: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ImportCliOptions>();
      await withJournal(ctx, opts, 'create', async (journal) => {
        // What the journal already holds, so facts it knows are recognised fact by fact, not only byte for byte.
        const known = journal.head().seq === 0 ? [] : (await journal.records().toArray()).map((r) => r.event);
        const progress = ctx.io.errIsTTY ? terminalProgress(process.stderr) : undefined;
        const converted = await importFiles(files, { skipBad: opts.skipBad, onProgress: progress?.update, known }).finally(() =>
          progress?.stop(),
        );
        if (E.isLeft(converted)) throw new BadInput(converted.left.join('\n'));
        const { events, files: summaries, skipped, exports } = converted.right;
        for (const bad of skipped) ctx.io.err(`skipped ${formatBadLine(bad)}\n`);
        for (const file of exports) ctx.io.out(await importExportFile(journal, file));
        for (const s of summaries.filter((f) => f.format !== 'podjournal-export')) {
          ctx.io.out(`${s.file}: ${s.format}, ${counted(s.documents, 'document')}, ${counted(s.events, 'event')}${ignoredText(s)}\n`);
        }
        if (events.length === 0) {
          ctx.io.out(`imported 0 new events: the journal holds every fact already, head ${journal.head().hash}\n`);
          return;
        }
        const appending = ctx.io.errIsTTY ? countProgress('appending', events.length, process.stderr) : undefined;
        const result = await journal
          .appendBulk(events, { dedup: true, expectedSeq: journal.head().seq, onProgress: appending?.update })
          .finally(() => appending?.stop());
        ctx.io.out(`imported ${result.appended} new events (${result.skipped} already present), head ${result.head.hash}\n`);
      });
    });
};
