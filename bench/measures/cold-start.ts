/**
 * `podj get pods` from a fresh process, as a user runs it: the built CLI spawned N times, median wall time; and
 * `podj describe pod --at` of the pods with the longest histories, one process a pod, as a user asks about one pod.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { median, quantile, seconds } from '../lib/stats.js';
import { journalDir } from './journal.js';
import { longestHistories } from './pod-history.js';

const BIN = fileURLToPath(new URL('../../dist/podj/bin.js', import.meta.url));
const TIME = '/usr/bin/time';
/** A namespace of the generated incident's workloads (`src/generator/catalogue.ts`). */
const BUSY_NAMESPACE = 'payments';

/** CPU time (user + system) of this process's finished children, from /proc (clock ticks of 10 ms). */
const childrenCpuMs = (): number => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After the command name: field 14 cutime and 15 cstime of stat(5), counted from field 3 (state).
  return (Number(fields[13]) + Number(fields[14])) * 10;
};

export const coldStart = async (a: MeasureArgs): Promise<Measured> => {
  if (!existsSync(BIN)) return { unit: 'ms', details: {}, rssMiB: 0, pending: 'dist/podj/bin.js missing: run `npm run build` first' };
  // the executable itself, as a shell runs it: its `#!` line's node and flags (src/cli/heap-growth.ts)
  const args = ['get', 'pods', '--journal', journalDir(a)];
  const runs = a.tier === 'L' ? 5 : 10;
  const cpuMs: Record<string, number[]> = { cli: [], bare: [] };
  const spawnMs = (file: string, argv: readonly string[], cpu?: number[]): number => {
    const t0 = performance.now();
    const before = childrenCpuMs();
    // stdout is discarded, not buffered: `get pods -A` at L prints megabytes, past spawnSync's 1 MiB buffer.
    const run = spawnSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (run.status !== 0) throw new Error(`${file} ${argv.join(' ')} exited ${run.status}: ${run.stderr.trim()}`);
    cpu?.push(childrenCpuMs() - before);
    return seconds(t0) * 1000;
  };
  // Interleaved, so that both feel the same load on a shared machine. The bare runs are the floor under any
  // CLI on this machine at this moment: node starting and exiting with nothing to do.
  const times: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(spawnMs(BIN, args, cpuMs['cli']));
    bare.push(spawnMs(process.execPath, ['-e', ''], cpuMs['bare']));
  }
  // Every namespace (-A): the whole head table, which grows with the live pods, not with the history.
  const allNamespaces = Array.from({ length: Math.ceil(runs / 2) }, () => spawnMs(BIN, [...args, '-A']));
  // `get pods` above asks for `default`, where the generated incident has no pods: one namespace that has
  // some (an eighth of the workloads) also reads, checks and prints its rows.
  const oneNamespace = Array.from({ length: Math.ceil(runs / 2) }, () => spawnMs(BIN, [...args, '-n', BUSY_NAMESPACE]));
  // One more run under GNU time for the CLI's own peak RSS (`%M`, KiB); the timed runs stay unwrapped.
  let rssMiB = Number.NaN;
  if (existsSync(TIME)) {
    const run = spawnSync(TIME, ['-f', 'maxrss=%M', BIN, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const kib = /maxrss=(\d+)/.exec(run.stderr)?.[1];
    if (kib !== undefined) rssMiB = Number(kib) / 1024;
  }
  // The RSS is the CLI's own; this spawning process's memory says nothing about it.
  return {
    value: median(times),
    unit: 'ms',
    details: { runs, p95Ms: quantile(times, 0.95), minMs: Math.min(...times), bareNodeMs: median(bare), allNamespacesMs: median(allNamespaces), oneNamespaceMs: median(oneNamespace), cpuMs: median(cpuMs['cli'] ?? []), bareNodeCpuMs: median(cpuMs['bare'] ?? []) },
    rssMiB,
    anonMiB: Number.NaN,
  };
};

/**
 * `podj describe pod NAME -n NS --at T` spawned once for each of the 21 pods with the longest histories (the
 * figure "one pod's history"'s pods), T its last record's instant: what a user waits for when asking about one
 * pod, the whole process (node's start, the bundle from its code cache, the journal's open, the pod's read,
 * fold and printing). Wall median; CPU (user + system, every thread) as a mean, since /proc counts it in 10 ms
 * ticks.
 */
export const describeCli = async (a: MeasureArgs): Promise<Measured> => {
  if (!existsSync(BIN)) return { unit: 'ms', details: {}, rssMiB: 0, pending: 'dist/podj/bin.js missing: run `npm run build` first' };
  const pods = await longestHistories(journalDir(a));
  const times: number[] = [];
  const before = childrenCpuMs();
  for (const { pod, lastAt } of pods) {
    const [namespace = '', name = ''] = pod.split('/');
    const t0 = performance.now();
    const run = spawnSync(BIN, ['describe', 'pod', name, '-n', namespace, '--at', lastAt, '--journal', journalDir(a)], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(seconds(t0) * 1000);
    // 1: the pod was gone at its last record's instant (NotFound); the read and the fold ran all the same
    if (run.status !== 0 && run.status !== 1) throw new Error(`podj describe pod ${name} -n ${namespace} exited ${run.status}: ${run.stderr.trim()}`);
  }
  return {
    value: median(times),
    unit: 'ms',
    details: { pods: pods.length, p95Ms: quantile(times, 0.95), cpuMeanMs: (childrenCpuMs() - before) / pods.length },
    rssMiB: Number.NaN,
    anonMiB: Number.NaN,
  };
};
