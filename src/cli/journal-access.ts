/**
 * Opening the journal for a command. Readers read a private snapshot of it (any number of them, beside the one
 * writer, on a read-only folder, changing nothing); updaters need an existing journal, creators make one, and
 * both hold LevelDB's lock; after a write the snapshots are brought up to date; the journal is always closed after.
 */
import { existsSync } from 'node:fs';
import { openJournal, readJournal, JournalError, type Journal } from '../journal/index.js';
import { BadInput, Finding } from './errors.js';
import { packageVersion } from './version.js';
import type { Context, GlobalOptions } from './context.js';

/** `verify` reads, and opens a journal whose head is missing, to report it as a finding. */
export type Access = 'read' | 'verify' | 'update' | 'create';

/** The head line every write prints on stderr: an anchor to keep outside the journal (`verify --expect-head`). */
export const headLine = (head: { readonly seq: number; readonly hash: string }): string => `head ${head.seq} sha256:${head.hash}\n`;

const badInput = (e: unknown): unknown => (e instanceof JournalError ? new BadInput(e.message) : e);

/** What verify finds: a store LevelDB reports damaged is a fault of the journal, as a bad record is (exit 1). */
const verifyFinding = (e: unknown): unknown => (e instanceof JournalError && e.kind === 'corrupt' ? new Finding(e.message) : badInput(e));

/** Runs `task` with the journal open, mapping the journal's one-line errors to bad input (exit 2). */
export const withJournal = async <T>(
  ctx: Context,
  opts: GlobalOptions,
  access: Access,
  task: (journal: Journal) => Promise<T>,
): Promise<T> => {
  const dir = ctx.journalDir(opts);
  if (access !== 'create' && !existsSync(dir)) {
    throw new BadInput(`no journal at ${dir} (pass --journal DIR or set PODJ_JOURNAL)`);
  }
  if (access === 'read' || access === 'verify') {
    return readJournal(dir, task, { verifying: access === 'verify' }).catch((e: unknown) => Promise.reject(access === 'verify' ? verifyFinding(e) : badInput(e)));
  }
  let journal: Journal;
  try {
    journal = await openJournal(dir);
  } catch (e) {
    throw badInput(e);
  }
  try {
    const before = journal.head().seq;
    const result = await task(journal);
    if (journal.head().seq !== before) {
      // Snapshot upkeep can take seconds after a large import: say so on a terminal, then clear the line.
      if (ctx.io.errIsTTY) ctx.io.err('updating snapshots…\r');
      // Loaded here: readers do not fold, so they do not load the fold.
      const { refreshSnapshots, timeTravel } = await import('../timetravel/time-travel.js');
      await refreshSnapshots(timeTravel(journal, packageVersion()));
      if (ctx.io.errIsTTY) ctx.io.err('\x1b[2K');
    }
    ctx.io.err(headLine(journal.head()));
    return result;
  } catch (e) {
    throw badInput(e);
  } finally {
    await journal.close();
  }
};
