/**
 * Simulation speed (issue 17) and its growth with a pod's containers (issue 14 item 7). A one-hour, 100-pod
 * scenario (`bench/lib/scenario.ts`) run as a user runs it, `podj simulate FILE` into a fresh journal, and
 * its engine alone in this process; then one pod of N and of 2N containers for two simulated minutes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { simulate } from '../../src/engine/index.js';
import { loadScenario, renderScenarioError, type LoadedScenario } from '../../src/scenario/index.js';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { clusterHour, widePod } from '../lib/scenario.js';
import { median, peakRssMiB } from '../lib/stats.js';

const BIN = fileURLToPath(new URL('../../dist/podj/bin.js', import.meta.url));
const HOUR_MS = 3_600_000;
const RUNS = 3;
/** Containers of the narrower wide pod; the other has twice as many. */
const WIDE = 200;

const loaded = (text: string): LoadedScenario => {
  const result = loadScenario(text, 'bench.yaml', () => E.left('bench scenarios read no files'));
  if (E.isLeft(result)) throw new Error(renderScenarioError(result.left));
  return result.right;
};

/** Milliseconds of CPU (user + system) this process spent in `f`, and its wall time. */
const timed = (f: () => unknown): { wallMs: number; cpuMs: number } => {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
};

export const simulation = async (a: MeasureArgs): Promise<Measured> => {
  if (!existsSync(BIN)) return { unit: '× real time', details: {}, rssMiB: 0, pending: 'dist/podj/bin.js missing: run `npm run build` first' };
  const dir = join(a.dataDir, 'simulate');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'hour.yaml');
  writeFileSync(file, clusterHour());
  const cli: number[] = [];
  let events = 0;
  for (let i = 0; i < RUNS; i++) {
    const journal = join(dir, `journal-${i}`);
    const t0 = performance.now();
    const run = spawnSync(BIN, ['simulate', file, '--journal', journal], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`podj simulate exited ${run.status}: ${run.stderr.trim()}`);
    cli.push(performance.now() - t0);
    events = Number(/: (\d+) events/.exec(run.stdout)?.[1] ?? Number.NaN);
    rmSync(journal, { recursive: true, force: true });
  }
  const hour = loaded(clusterHour());
  const engine = timed(() => simulate(hour.simulation));
  const wide = (n: number) => {
    const sim = loaded(widePod(n)).simulation;
    return timed(() => simulate(sim));
  };
  const narrow = wide(WIDE);
  const broad = wide(2 * WIDE);
  return {
    value: HOUR_MS / median(cli),
    unit: '× real time',
    details: {
      events,
      cliMs: median(cli),
      engineMs: engine.wallMs,
      engineCpuMs: engine.cpuMs,
      engineTimesRealTime: HOUR_MS / engine.wallMs,
      wideContainers: WIDE,
      wideMs: narrow.wallMs,
      wideCpuMs: narrow.cpuMs,
      wide2Ms: broad.wallMs,
      wide2CpuMs: broad.cpuMs,
    },
    rssMiB: peakRssMiB(),
  };
};
