/**
 * `podj verify`: checks the hash chain, every stored event's schema and every index, then every snapshot
 * against the chain and the fold of the events; exit 1 on the first fault.
 */
import type { Command } from 'commander';
import { timeTravel } from '../../timetravel/time-travel.js';
import { verifySnapshots } from '../../timetravel/verify-snapshots.js';
import type { Context, GlobalOptions } from '../context.js';
import { Finding } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { packageVersion } from '../version.js';

export const registerVerify = (program: Command, ctx: Context): void => {
  program
    .command('verify')
    .description('check every link of the hash chain, every stored event, every index entry and every snapshot')
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      await withJournal(ctx, opts, 'read', async (journal) => {
        const result = await journal.verify();
        if (!result.ok) throw new Finding(`journal ${ctx.journalDir(opts)}: record ${result.seq}: ${result.reason}`);
        const snapshots = await verifySnapshots(timeTravel(journal, packageVersion()));
        const [bad] = snapshots.faults;
        if (bad !== undefined) {
          const which = bad.position === undefined ? '' : `snapshot at ${bad.position.at} #${bad.position.seq}: `;
          throw new Finding(`journal ${ctx.journalDir(opts)}: ${which}${bad.reason} (reads ignore it; the next write rebuilds the snapshots)`);
        }
        const other = snapshots.otherVersion === 0 ? '' : `, ${snapshots.otherVersion} of another podj version ignored`;
        ctx.io.out(`verified ${result.count} records, head ${result.headHash}\n`);
        ctx.io.out(`verified ${snapshots.verified} snapshots against the events${other}\n`);
      });
    });
};
