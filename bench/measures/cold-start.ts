/** `podj get pods` from a fresh process, as a user runs it: the built CLI spawned N times, median wall time. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { median, quantile, seconds } from '../lib/stats.js';
import { journalDir } from './journal.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const TIME = '/usr/bin/time';

export const coldStart = async (a: MeasureArgs): Promise<Measured> => {
  if (!existsSync(BIN)) return { unit: 'ms', details: {}, rssMiB: 0, pending: 'dist/cli/bin.js missing: run `npm run build` first' };
  const args = [BIN, 'get', 'pods', '--journal', journalDir(a)];
  const runs = a.tier === 'L' ? 5 : 10;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(seconds(t0) * 1000);
    if (run.status !== 0) throw new Error(`podj get pods exited ${run.status}: ${run.stderr.trim()}`);
  }
  // One more run under GNU time for the CLI's own peak RSS (`%M`, KiB); the timed runs stay unwrapped.
  let rssMiB = Number.NaN;
  if (existsSync(TIME)) {
    const run = spawnSync(TIME, ['-f', 'maxrss=%M', process.execPath, ...args], { encoding: 'utf8' });
    const kib = /maxrss=(\d+)/.exec(run.stderr)?.[1];
    if (kib !== undefined) rssMiB = Number(kib) / 1024;
  }
  return { value: median(times), unit: 'ms', details: { runs, p95Ms: quantile(times, 0.95), minMs: Math.min(...times) }, rssMiB };
};
