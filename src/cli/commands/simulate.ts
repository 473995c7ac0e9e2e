/** `podj simulate SCENARIO`: runs a scenario through the engine and appends what happens to the journal. */
import type { Command } from 'commander';
import { simulate } from '../../engine/index.js';
import type { Context, GlobalOptions } from '../context.js';
import { withJournal } from '../journal-access.js';
import { readInput, readScenario } from '../scenario-file.js';
import { appendSimulated } from '../simulated.js';

export const registerSimulate = (program: Command, ctx: Context): void => {
  program
    .command('simulate')
    .description('run a scenario file through the engine into the journal')
    .argument('<scenario>', 'a scenario file (docs/scenarios.md)')
    .action(async (file: string, _: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const scenario = readScenario(ctx, file, readInput(ctx, file));
      const events = simulate(scenario.simulation);
      await withJournal(ctx, opts, 'create', async (journal) => {
        const result = await appendSimulated(journal, events);
        ctx.io.out(`simulated ${scenario.name}: ${events.length} events, ${result.appended} new, head ${result.head.hash}\n`);
      });
    });
};
