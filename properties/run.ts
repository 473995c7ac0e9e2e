/**
 * `npm run properties -- [--runs N] [--seed S] [--only PATTERN]`: runs the property suites deeper than
 * `npm test` does, with every property's run count set to N and the seed to S (default: the suite's own),
 * by spawning vitest over `properties/` with `PODJ_PROPERTY_RUNS` and `PODJ_PROPERTY_SEED` set.
 * Failing engine-level properties leave their scenario under reports/counterexamples/ for `podj replay`.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from './support/property.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    seed: { type: 'string' },
    only: { type: 'string' },
  },
});

const positiveInt = (raw: string | undefined, flag: string): string | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    process.stderr.write(`error: --${flag} needs a positive integer, got "${raw}"\n`);
    process.exit(2);
  }
  return raw;
};

const runs = positiveInt(values.runs, 'runs');
const seed = values.seed === undefined ? String(DEFAULT_SEED) : positiveInt(values.seed, 'seed');
process.stdout.write(`properties: seed ${seed}${runs === undefined ? ', default run counts' : `, ${runs} runs each`}\n`);

const target = values.only === undefined ? 'properties/' : `properties/${values.only}`;
// deep runs take as long as they take: no per-test timeout then
const args = ['vitest', 'run', target, ...(runs === undefined ? [] : ['--testTimeout=0'])];
const result = spawnSync('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, PODJ_PROPERTY_SEED: seed, ...(runs === undefined ? {} : { PODJ_PROPERTY_RUNS: runs }) },
});
process.exit(result.status ?? 1);
