/**
 * Opening the journal for a command: readers and updaters need an existing journal, creators make one; after
 * a write the snapshots are brought up to date; the journal is always closed after.
 */
import { existsSync } from 'node:fs';
import { openJournal, JournalError, type Journal } from '../journal/index.js';
import { refreshSnapshots, timeTravel } from '../timetravel/time-travel.js';
import { BadInput } from './errors.js';
import { packageVersion } from './version.js';
import type { Context, GlobalOptions } from './context.js';

export type Access = 'read' | 'update' | 'create';

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
  let journal: Journal;
  try {
    journal = await openJournal(dir);
  } catch (e) {
    throw e instanceof JournalError ? new BadInput(e.message) : e;
  }
  try {
    const before = journal.head().seq;
    const result = await task(journal);
    if (access !== 'read' && journal.head().seq !== before) await refreshSnapshots(timeTravel(journal, packageVersion()));
    return result;
  } catch (e) {
    throw e instanceof JournalError ? new BadInput(e.message) : e;
  } finally {
    await journal.close();
  }
};
