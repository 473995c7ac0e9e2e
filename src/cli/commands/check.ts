/** `podj check`: runs the lifecycle invariants over the journal; each violation with its records, exit 1 if any. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { checks, renderViolation } from '../../check/index.js';
import { checkStoredJournal, summaryLine } from '../../check/run.js';
import type { Context, GlobalOptions } from '../context.js';
import { Finding } from '../errors.js';
import { withJournal } from '../journal-access.js';

interface CheckOptions extends GlobalOptions {
  readonly output: 'text' | 'json';
}

const invariantsHelp = `\nInvariants:\n${checks.map((c) => `  ${c.name.padEnd(24)} ${c.rule}`).join('\n')}\n`;

export const registerCheck = (program: Command, ctx: Context): void => {
  program
    .command('check')
    .description('run the pod lifecycle invariants over the journal and name each violation with its records')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', invariantsHelp)
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<CheckOptions>();
      await withJournal(ctx, opts, 'read', async (journal) => {
        const report = await checkStoredJournal(journal);
        if (opts.output === 'json') ctx.io.out(`${JSON.stringify({ ...report, summary: summaryLine(report) }, null, 2)}\n`);
        else if (report.violations.length > 0) ctx.io.out(`${report.violations.map(renderViolation).join('\n\n')}\n`);
        if (report.violations.length > 0) throw new Finding(opts.output === 'json' ? '' : `journal ${ctx.journalDir(opts)}: ${summaryLine(report)}`);
        if (opts.output === 'text') ctx.io.out(`${summaryLine(report)}\n`);
      });
    });
};
