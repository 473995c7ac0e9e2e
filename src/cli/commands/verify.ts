/** `podj verify`: checks the hash chain, every stored event's schema and every index; exit 1 on the first fault. */
import type { Command } from 'commander';
import type { Context, GlobalOptions } from '../context.js';
import { Finding } from '../errors.js';
import { withJournal } from '../journal-access.js';

export const registerVerify = (program: Command, ctx: Context): void => {
  program
    .command('verify')
    .description('check every link of the hash chain, every stored event and every index entry')
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      await withJournal(ctx, opts, 'read', async (journal) => {
        const result = await journal.verify();
        if (!result.ok) throw new Finding(`journal ${ctx.journalDir(opts)}: record ${result.seq}: ${result.reason}`);
        ctx.io.out(`verified ${result.count} records, head ${result.headHash}\n`);
      });
    });
};
