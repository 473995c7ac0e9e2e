/** `podj get pods` from a fresh process, as a user runs it: the built CLI spawned N times, median wall time. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { median, quantile, seconds } from '../lib/stats.js';
import { journalDir } from './journal.js';

const BIN = fileURLToPath(new URL('../../dist/podj/bin.js', import.meta.url));
const TIME = '/usr/bin/time';

export const coldStart = async (a: MeasureArgs): Promise<Measured> => {
  if (!existsSync(BIN)) return { unit: 'ms', details: {}, rssMiB: 0, pending: 'dist/podj/bin.js missing: run `npm run build` first' };
  const args = [BIN, 'get', 'pods', '--journal', journalDir(a)];
  const runs = a.tier === 'L' ? 5 : 10;
  const spawnMs = (argv: readonly string[]): number => {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, argv, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`node ${argv.join(' ')} exited ${run.status}: ${run.stderr.trim()}`);
    return seconds(t0) * 1000;
  };
  const times = Array.from({ length: runs }, () => spawnMs(args));
  // Every namespace (-A): the whole head table, which grows with the live pods, not with the history.
  const allNamespaces = Array.from({ length: Math.ceil(runs / 2) }, () => spawnMs([...args, '-A']));
  // The floor under any CLI on this machine at this moment: node starting and exiting with nothing to do.
  const bare = Array.from({ length: runs }, () => spawnMs(['-e', '']));
  // One more run under GNU time for the CLI's own peak RSS (`%M`, KiB); the timed runs stay unwrapped.
  let rssMiB = Number.NaN;
  if (existsSync(TIME)) {
    const run = spawnSync(TIME, ['-f', 'maxrss=%M', process.execPath, ...args], { encoding: 'utf8' });
    const kib = /maxrss=(\d+)/.exec(run.stderr)?.[1];
    if (kib !== undefined) rssMiB = Number(kib) / 1024;
  }
  // The RSS is the CLI's own; this spawning process's memory says nothing about it.
  return {
    value: median(times),
    unit: 'ms',
    details: { runs, p95Ms: quantile(times, 0.95), minMs: Math.min(...times), bareNodeMs: median(bare), allNamespacesMs: median(allNamespaces) },
    rssMiB,
    anonMiB: Number.NaN,
  };
};
