/**
 * `npm run bench [-- --tier S|M|L] [--seed N] [--keep] [--only a,b]`: generates the tier's incident, runs
 * every measurement in its own child process (baselines first, then the journal on the same records), prints
 * the table of figures against baselines and targets, and writes `bench/results/TIER.json` after each one.
 * `--only` re-runs some measurements on the stores a `--keep` run left, keeping the other results.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, tiers, type TierName } from '../src/generator/index.js';
import { MALLOC_ARENA_MAX, SEMI_SPACE_FLAG } from '../src/cli/heap-growth.js';
import { DEFAULT_CHUNK } from '../src/journal/index.js';
import { RESULT_PREFIX, type MeasureArgs, type Measured } from './lib/protocol.js';
import { markdownTable, rowsOf, type Results } from './lib/report.js';
import { buildProductIfStale, bundleChild } from './lib/built.js';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));

/** In order: each reads what the ones before it wrote (raw store, then journal). */
const ORDER = ['generate', 'rawWrite', 'rawWriteSameOptions', 'rawScan', 'jsonParse', 'durableAppend1', 'durableAppend10', 'append', 'snapshots', 'diskBytes', 'podHistory', 'podHistoryEveryRecord', 'podHistoryRead', 'replayRead', 'replay', 'clusterAtMiddle', 'describeAt', 'describeCli', 'coldStart', 'report', 'importAudit', 'simulation'];

/** Snapshot upkeep can outlast a session at L: it is stopped after this long and what it wrote is counted. */
const SNAPSHOT_BUDGET_MS = 8 * 60_000;

const isTier = (s: string): s is TierName => s in tiers;

/** A child that cannot even load the code it measures reports that code as pending, not as a failure. */
const pendingImport = (stderr: string): string | undefined =>
  /ERR_MODULE_NOT_FOUND|does not provide an export named/.test(stderr)
    ? (/(Cannot find module '[^']+'|does not provide an export named '[^']+')/.exec(stderr)?.[1] ?? 'code not landed')
    : undefined;

type Outcome = Measured | { error: string };

const runMeasure = (child: string, name: string, args: MeasureArgs, timeoutMs?: number): Outcome => {
  process.stderr.write(`bench ${args.tier}: ${name}…`);
  const t0 = performance.now();
  // the built child, node started as `podj`'s `#!` line starts it (src/cli/heap-growth.ts :: PROCESS_START)
  const run = spawnSync(process.execPath, [SEMI_SPACE_FLAG, child, name, JSON.stringify(args)], {
    encoding: 'utf8',
    env: { ...process.env, MALLOC_ARENA_MAX },
    maxBuffer: 64 * 1024 * 1024,
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs, killSignal: 'SIGKILL' as const }),
  });
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  if (run.error !== undefined && timeoutMs !== undefined) return { error: `stopped after ${timeoutMs / 1000} s` };
  const line = run.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (run.status === 0 && line !== undefined) return JSON.parse(line.slice(RESULT_PREFIX.length)) as Measured;
  const pending = pendingImport(run.stderr);
  if (pending !== undefined) return { unit: '', details: {}, rssMiB: 0, pending };
  const why = run.stderr.split('\n').find((l) => /Error|error/.test(l)) ?? `exit ${run.status}`;
  process.stderr.write(run.stderr);
  return { error: why.trim() };
};

/** S's single-pod median, kept from its own run, for the L (and M) comparison. */
const sPodAtMs = (): number | undefined => {
  const file = join(RESULTS, 'S.json');
  if (!existsSync(file)) return undefined;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { results?: Results };
  const m = saved.results?.['describeAt'];
  return m !== undefined && !('error' in m) ? m.value : undefined;
};

const machine = () => ({
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memTotalGiB: +(totalmem() / 2 ** 30).toFixed(1),
  memFreeGiB: +(freemem() / 2 ** 30).toFixed(1),
  loadavg: loadavg().map((x) => +x.toFixed(2)),
  node: process.version,
});

/** Snapshot upkeep within its budget; if stopped, what it had written by then. */
const runSnapshots = (child: string, args: MeasureArgs): Outcome => {
  const outcome = runMeasure(child, 'snapshots', args, SNAPSHOT_BUDGET_MS);
  if (!('error' in outcome)) return outcome;
  const count = runMeasure(child, 'snapshotCount', args);
  return 'error' in count ? outcome : { error: `${outcome.error}, having written ${JSON.stringify(count.details)}` };
};

const previousResults = (file: string): Record<string, Outcome> =>
  existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { results?: Record<string, Outcome> }).results ?? {}) : {};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      tier: { type: 'string', default: 'S' },
      seed: { type: 'string' },
      keep: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const tier = values.tier ?? 'S';
  if (!isTier(tier)) throw new Error(`--tier must be S, M or L, not "${tier}"`);
  const only = values.only?.split(',');
  const unknown = only?.filter((m) => !ORDER.includes(m));
  if (unknown !== undefined && unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(', ')}; known: ${ORDER.join(', ')}`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  buildProductIfStale();
  const child = await bundleChild();
  const dataDir = join(tmpdir(), `podj-bench-${tier}`);
  if (only === undefined) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${tier}.json`);
  const args: MeasureArgs = { tier, seed, dataDir, chunk: DEFAULT_CHUNK };
  const before = machine();
  const results: Record<string, Outcome> = only === undefined ? {} : previousResults(file);
  const save = (): string => {
    const rows = rowsOf(tier, results, tier === 'S' ? undefined : sPodAtMs());
    writeFileSync(file, `${JSON.stringify({ tier, seed, date: new Date().toISOString(), machine: { before, after: machine() }, results, rows }, null, 2)}\n`);
    return markdownTable(rows);
  };
  for (const name of ORDER.filter((m) => only === undefined || only.includes(m))) {
    results[name] = name === 'snapshots' ? runSnapshots(child, args) : runMeasure(child, name, args);
    save();
  }
  const table = save();
  process.stdout.write(`\npodjournal benchmarks, tier ${tier} (${tiers[tier].pods} pods, ${tiers[tier].nodes} nodes), seed ${seed}\n\n${table}\n`);
  process.stdout.write(`\nwritten ${file}\n`);
  if (values.keep !== true && only === undefined) rmSync(dataDir, { recursive: true, force: true });
};

await main();
