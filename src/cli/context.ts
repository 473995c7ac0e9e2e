/** What every command receives: the effects, and the journal folder chosen by flag, environment or default. */
import { resolve } from 'node:path';
import type { CliIO } from './io.js';

export const DEFAULT_JOURNAL_DIR = '.podjournal';

export interface GlobalOptions {
  readonly journal?: string;
}

export interface Context {
  readonly io: CliIO;
  /** `--journal DIR`, else `PODJ_JOURNAL`, else `.podjournal` in the working directory. */
  readonly journalDir: (opts: GlobalOptions) => string;
}

export const contextOf = (io: CliIO): Context => ({
  io,
  journalDir: (opts) => resolve(io.cwd, opts.journal ?? io.env['PODJ_JOURNAL'] ?? DEFAULT_JOURNAL_DIR),
});
