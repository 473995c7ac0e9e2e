/**
 * How fast the reducers fold: the M tier (or `--tier S|L`) generated into memory, then `foldCluster` over it
 * several times (`--rounds N`, default 7). Prints the median events per CPU second (user + system: the
 * machine is shared, so wall time says little), with the same figure for the stack notes' baseline fold
 * (a switch returning a spread 6-field state per pod in a Map) measured in the same run.
 * `npx tsx bench/fold/fold.ts`; profile with `node --cpu-prof --import tsx bench/fold/fold.ts`.
 */
import type { Event } from '../../src/events/index.js';
import type { TierName } from '../../src/generator/index.js';
import { foldCluster } from '../../src/reducers/index.js';
import { median } from '../lib/stats.js';
import { baselineFold } from './baseline.js';
import { tierEvents } from './inputs.js';

const option = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
};

const tier = option('tier', 'M') as TierName;
const rounds = Number(option('rounds', '7'));

/** CPU seconds (user + system) of one call. */
const cpuSeconds = (f: () => unknown): number => {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1e6;
};

const rate = (events: readonly Event[], fold: (events: readonly Event[]) => unknown): number[] => {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) times.push(cpuSeconds(() => fold(events)));
  return times.map((s) => events.length / s);
};

const events = tierEvents(tier);
const fold = rate(events, (es) => foldCluster(es));
const baseline = rate(events, baselineFold);
const m = (xs: number[]): string => `${(median(xs) / 1e6).toFixed(3)} M/s`;
const range = (xs: number[]): string => `${(Math.min(...xs) / 1e6).toFixed(3)}–${(Math.max(...xs) / 1e6).toFixed(3)}`;
console.log(`tier ${tier}: ${events.length} events, ${rounds} rounds, CPU time`);
console.log(`foldCluster  ${m(fold)}  (${range(fold)})  ${(1e6 / median(fold)).toFixed(3)} µs/event`);
console.log(`baseline     ${m(baseline)}  (${range(baseline)})  ratio ${(median(fold) / median(baseline)).toFixed(2)}`);
