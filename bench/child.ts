/**
 * One measurement in its own process, so its peak RSS is its own: `child.ts NAME ARGS_JSON`. Each child
 * loads only the module of the measurement it runs: loading them all (the engine, the report's browser
 * library, ...) held ≈ 75 MiB of anonymous memory that every figure then counted (a replay at S peaked at
 * 143 MiB where its own modules need ≈ 65 MiB).
 */
import { RESULT_PREFIX, type MeasureArgs, type Measured } from './lib/protocol.js';
import { anonRssSampler } from './lib/stats.js';
import { limitHeapGrowth } from '../src/cli/heap-growth.js';
import { limitInlining } from '../src/cli/inlining-budget.js';

// the same heap and compiler settings as the CLI (src/cli/launcher.ts): no bench-only tuning
limitHeapGrowth();
limitInlining();

type Measure = (a: MeasureArgs) => Promise<Measured>;

export const measures: Readonly<Record<string, () => Promise<Measure>>> = {
  generate: async () => (await import('./measures/baselines.js')).generate,
  rawWrite: async () => (await import('./measures/baselines.js')).rawWrite,
  rawWriteSameOptions: async () => (await import('./measures/baselines.js')).rawWriteSameOptions,
  rawScan: async () => (await import('./measures/baselines.js')).rawScan,
  jsonParse: async () => (await import('./measures/baselines.js')).jsonParse,
  durableAppend1: async () => (await import('./measures/durable.js')).durableAppend1,
  durableAppend10: async () => (await import('./measures/durable.js')).durableAppend10,
  append: async () => (await import('./measures/journal.js')).append,
  snapshots: async () => (await import('./measures/journal.js')).snapshots,
  snapshotCount: async () => (await import('./measures/journal.js')).snapshotCount,
  diskBytes: async () => (await import('./measures/journal.js')).diskBytes,
  podHistory: async () => (await import('./measures/pod-history.js')).podHistory,
  podHistoryEveryRecord: async () => (await import('./measures/pod-history.js')).podHistoryEveryRecord,
  podHistoryRead: async () => (await import('./measures/pod-history.js')).podHistoryRead,
  importAudit: async () => (await import('./measures/import.js')).importAudit,
  replay: async () => (await import('./measures/journal.js')).replay,
  replayRead: async () => (await import('./measures/journal.js')).replayRead,
  clusterAtMiddle: async () => (await import('./measures/queries.js')).clusterAtMiddle,
  describeAt: async () => (await import('./measures/queries.js')).describeAt,
  coldStart: async () => (await import('./measures/cold-start.js')).coldStart,
  describeCli: async () => (await import('./measures/cold-start.js')).describeCli,
  report: async () => (await import('./measures/report.js')).report,
  simulation: async () => (await import('./measures/simulate.js')).simulation,
};

const [name = '', json = '{}'] = process.argv.slice(2);
const load = measures[name];
if (load === undefined) throw new Error(`unknown measure "${name}"`);
const anonPeak = anonRssSampler();
const measure = await load();
const result = await measure(JSON.parse(json) as MeasureArgs);
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ...result, anonMiB: result.anonMiB ?? anonPeak() })}\n`);
