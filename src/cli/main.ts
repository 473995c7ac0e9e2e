/** The `podj` program: commander wiring of every verb, and the mapping of errors to the contract's exit codes. */
import { Command, CommanderError } from 'commander';
import { BadInput, BadRequest, EXIT_BAD_INPUT, EXIT_FINDING, EXIT_OK, EXIT_WATCH_INTERRUPTED, Finding, PipeClosed, WatchInterrupted } from './errors.js';
import type { CliIO } from './io.js';
import { contextOf } from './context.js';
import { registersFor, type Register } from './commands/index.js';
import { versionLine } from './commands/version.js';

const programFor = (io: CliIO, commands: readonly Register[]): Command => {
  const program = new Command('podj')
    .description('Replay, query and check Kubernetes pod lifecycle journals')
    .option('--journal <dir>', 'journal folder (else $PODJ_JOURNAL, else ./.podjournal)')
    .version(versionLine(), '--version', 'print the podj version')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined });
  const ctx = contextOf(io);
  for (const register of commands) register(program, ctx);
  return program;
};

/** Runs one invocation; never throws. Errors are printed as one line on stderr. */
export const run = async (argv: readonly string[], io: CliIO): Promise<number> => {
  try {
    const program = programFor(io, await registersFor(argv));
    // `podj` alone: the help, as a successful answer (kubectl does the same).
    if (argv.length === 0) {
      io.out(program.helpInformation());
      return EXIT_OK;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof PipeClosed) return EXIT_OK;
    if (e instanceof WatchInterrupted) return EXIT_WATCH_INTERRUPTED;
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT_OK; // --help, --version
      io.err(`${e.message.replace(/^error: /, 'error: ')}\n`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof Finding) {
      if (e.message !== '') io.err(`${e.message}\n`);
      return EXIT_FINDING;
    }
    if (e instanceof BadRequest) {
      io.err(`${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof BadInput) {
      io.out(e.printed);
      io.err(e.message.split('\n').map((line) => `error: ${line}\n`).join(''));
      return EXIT_BAD_INPUT;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`error: ${message}\n`);
    return EXIT_BAD_INPUT;
  }
};
