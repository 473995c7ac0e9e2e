/** `podj export`: the journal as JSON lines that `podj import` restores exactly (same records, same hashes). */
import { Option, type Command } from 'commander';
import type { Context, GlobalOptions } from '../context.js';
import { withJournal } from '../journal-access.js';
import { redactedExportLines } from '../redacted-export.js';

interface ExportOptions extends GlobalOptions {
  readonly redact?: boolean;
}

export const registerExport = (program: Command, ctx: Context): void => {
  program
    .command('export')
    .description('write the journal as JSON lines (a header, then one record per line)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['jsonl']).default('jsonl'))
    .option('--redact', 'replace env values, args, probe header values and annotation values by a stable digest (the chain is sealed again)')
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ExportOptions>();
      await withJournal(ctx, opts, 'read', async (journal) => {
        const lines = opts.redact === true ? redactedExportLines(journal) : journal.exportLines();
        for await (const line of lines) ctx.io.out(`${line}\n`);
      });
    });
};
