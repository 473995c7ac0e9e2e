/** `podj export`: the journal as JSON lines that `podj import` restores exactly (same records, same hashes). */
import { Option, type Command } from 'commander';
import type { Context, GlobalOptions } from '../context.js';
import { withJournal } from '../journal-access.js';

export const registerExport = (program: Command, ctx: Context): void => {
  program
    .command('export')
    .description('write the journal as JSON lines (a header, then one record per line)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['jsonl']).default('jsonl'))
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      await withJournal(ctx, opts, 'read', async (journal) => {
        for await (const line of journal.exportLines()) ctx.io.out(`${line}\n`);
      });
    });
};
