/** Opening the journal for a command: readers need an existing journal, writers create one; always closed after. */
import { existsSync } from 'node:fs';
import { openJournal, JournalError, type Journal } from '../journal/index.js';
import { BadInput } from './errors.js';
import type { Context, GlobalOptions } from './context.js';

export type Access = 'read' | 'write';

/** Runs `task` with the journal open, mapping the journal's one-line errors to bad input (exit 2). */
export const withJournal = async <T>(
  ctx: Context,
  opts: GlobalOptions,
  access: Access,
  task: (journal: Journal) => Promise<T>,
): Promise<T> => {
  const dir = ctx.journalDir(opts);
  if (access === 'read' && !existsSync(dir)) {
    throw new BadInput(`no journal at ${dir} (pass --journal DIR or set PODJ_JOURNAL)`);
  }
  let journal: Journal;
  try {
    journal = await openJournal(dir);
  } catch (e) {
    throw e instanceof JournalError ? new BadInput(e.message) : e;
  }
  try {
    return await task(journal);
  } catch (e) {
    throw e instanceof JournalError ? new BadInput(e.message) : e;
  } finally {
    await journal.close();
  }
};
