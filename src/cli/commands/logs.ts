/** `podj logs`: kubectl's habit, answered plainly: a journal records lifecycle events, never container output. */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { Finding } from '../errors.js';

export const registerLogs = (program: Command, _ctx: Context): void => {
  program
    .command('logs')
    .description('(a journal holds no container logs: says so, and where to look instead)')
    .argument('[pod]', 'the pod')
    .allowUnknownOption()
    .allowExcessArguments()
    .action((pod: string | undefined) => {
      const name = pod === undefined ? 'NAME' : pod.replace(/^pods?\//, '');
      // kubectl exits 1 when it cannot show logs; so does podj, for the same reason: there are none here.
      throw new Finding(
        `error: a podjournal journal holds no container logs, only lifecycle events; try: podj describe pod ${name}, podj events --for pod/${name}, podj timeline pod ${name}`,
      );
    });
};
