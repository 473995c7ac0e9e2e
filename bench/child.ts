/** One measurement in its own process, so its peak RSS is its own: `child.ts NAME ARGS_JSON`. */
import { append, diskBytes, replay, snapshotCount, snapshots } from './measures/journal.js';
import { durableAppend1, durableAppend10 } from './measures/durable.js';
import { podHistory } from './measures/pod-history.js';
import { importAudit } from './measures/import.js';
import { generate, jsonParse, rawScan, rawWrite, rawWriteSameOptions } from './measures/baselines.js';
import { clusterAtMiddle, describeAt } from './measures/queries.js';
import { coldStart } from './measures/cold-start.js';
import { report } from './measures/report.js';
import { simulation } from './measures/simulate.js';
import { RESULT_PREFIX, type MeasureArgs, type Measured } from './lib/protocol.js';
import { anonRssSampler } from './lib/stats.js';
import { limitHeapGrowth } from '../src/cli/heap-growth.js';

// the same heap growth as the CLI (src/cli/bin.ts): no bench-only tuning
limitHeapGrowth();

export const measures: Readonly<Record<string, (a: MeasureArgs) => Promise<Measured>>> = {
  generate,
  rawWrite,
  rawWriteSameOptions,
  rawScan,
  jsonParse,
  durableAppend1,
  durableAppend10,
  append,
  snapshots,
  snapshotCount,
  diskBytes,
  podHistory,
  importAudit,
  replay,
  clusterAtMiddle,
  describeAt,
  coldStart,
  report,
  simulation,
};

const [name = '', json = '{}'] = process.argv.slice(2);
const measure = measures[name];
if (measure === undefined) throw new Error(`unknown measure "${name}"`);
const anonPeak = anonRssSampler();
const result = await measure(JSON.parse(json) as MeasureArgs);
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ...result, anonMiB: result.anonMiB ?? anonPeak() })}\n`);
