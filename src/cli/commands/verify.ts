/**
 * `podj verify [--expect-head [SEQ:]HASH]`: checks the hash chain, every stored event's schema and every
 * index, then every snapshot against the chain and the fold of the events; exit 1 on the first fault. The
 * chain alone proves the records agree with the head; the anchor (a head line kept outside the journal)
 * proves the head itself, or a prefix of it, was not rewritten.
 */
import type { Command } from 'commander';
import type { Journal } from '../../journal/index.js';
import { timeTravel } from '../../timetravel/time-travel.js';
import { verifySnapshots } from '../../timetravel/verify-snapshots.js';
import type { Context, GlobalOptions } from '../context.js';
import { BadInput, Finding } from '../errors.js';
import { counted } from '../../text/counted.js';
import { withJournal } from '../journal-access.js';
import { packageVersion } from '../version.js';

interface VerifyCliOptions extends GlobalOptions {
  readonly expectHead?: string;
}

/** A kept head: the record it names (absent: the journal's head now) and that record's hash. */
interface Anchor {
  readonly seq: number | undefined;
  readonly hash: string;
}

// `12345 sha256:…` as the head line prints it, `12345:sha256:…`, `12345:…`, `sha256:…` or the bare hex.
const ANCHOR = /^(?:head )?(?:(\d+)[: ])?(?:sha256:)?([0-9a-f]{64})$/;

const parseAnchor = (text: string): Anchor => {
  const m = ANCHOR.exec(text.trim());
  if (m === null) throw new BadInput(`--expect-head: "${text}" is not [SEQ:]HASH (a head line: head 12345 sha256:<64 hex digits>)`);
  return { seq: m[1] === undefined ? undefined : Number(m[1]), hash: m[2] ?? '' };
};

/** Why the journal does not hold the anchor, or undefined when it does. */
const anchorFault = async (journal: Journal, anchor: Anchor, count: number, headHash: string): Promise<string | undefined> => {
  if (anchor.seq === undefined) {
    return headHash === anchor.hash ? undefined : `the head is ${count} sha256:${headHash}, not the expected sha256:${anchor.hash}`;
  }
  if (anchor.seq > count) return `the anchor names record ${anchor.seq}, but the journal holds ${count} records: records were removed`;
  if (anchor.seq === 0) return anchor.hash === '0'.repeat(64) ? undefined : `record 0 is the genesis, whose hash is 64 zeros`;
  const [record] = await journal.records({ fromSeq: anchor.seq, toSeq: anchor.seq }).toArray();
  return record?.hash === anchor.hash ? undefined : `record ${anchor.seq} hashes to sha256:${record?.hash ?? '(none)'}, not the anchored sha256:${anchor.hash}: the journal was rewritten`;
};

export const registerVerify = (program: Command, ctx: Context): void => {
  program
    .command('verify')
    .description('check every link of the hash chain, every stored event, every index entry and every snapshot')
    .option('--expect-head <anchor>', 'also check the journal against a head line kept elsewhere: [SEQ:]HASH (with SEQ, records appended since are allowed)')
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<VerifyCliOptions>();
      const anchor = opts.expectHead === undefined ? undefined : parseAnchor(opts.expectHead);
      await withJournal(ctx, opts, 'verify', async (journal) => {
        const result = await journal.verify();
        if (!result.ok) throw new Finding(`journal ${ctx.journalDir(opts)}: record ${result.seq}: ${result.reason}`);
        const fault = anchor === undefined ? undefined : await anchorFault(journal, anchor, result.count, result.headHash);
        if (fault !== undefined) throw new Finding(`journal ${ctx.journalDir(opts)}: ${fault}`);
        const snapshots = await verifySnapshots(timeTravel(journal, packageVersion()));
        const [bad] = snapshots.faults;
        if (bad !== undefined) {
          const which = bad.position === undefined ? '' : `snapshot at ${bad.position.at} #${bad.position.seq}: `;
          throw new Finding(`journal ${ctx.journalDir(opts)}: ${which}${bad.reason} (reads ignore it; the next write rebuilds the snapshots)`);
        }
        const other = snapshots.otherVersion === 0 ? '' : `, ${snapshots.otherVersion} of another podj version ignored`;
        ctx.io.out(`verified ${counted(result.count, 'record')}, head ${result.headHash}\n`);
        ctx.io.out(`verified ${counted(snapshots.verified, 'snapshot')} against the events${other}\n`);
      });
    });
};
