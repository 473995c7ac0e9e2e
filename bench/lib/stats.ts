/** Small statistics and clocks for the benchmarks: elapsed seconds, median, percentiles, peak RSS. */
import { readFileSync } from 'node:fs';

export const seconds = (fromMs: number): number => (performance.now() - fromMs) / 1000;

/** The `p`-quantile (0..1) by nearest rank; NaN for no samples. */
export const quantile = (xs: readonly number[], p: number): number => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
};

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** This process's peak resident set so far, in MiB (`getrusage` maxrss, as VmHWM). */
export const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

/** On-CPU nanoseconds of one of this process's threads so far (`schedstat`: not inflated by waiting for a core). */
export const threadCpuNs = (task: string): number => Number(readFileSync(`/proc/self/task/${task}/schedstat`, 'utf8').split(' ')[0]);

/** On-CPU nanoseconds of this process's main thread so far. */
export const mainThreadCpuNs = (): number => threadCpuNs(String(process.pid));

/**
 * Wall and CPU time (user + system, every thread of the process) summed over timed sections. On a shared,
 * loaded machine the CPU time of a section moves much less than its wall time. The main thread's own share
 * says which side bounds a write: JavaScript (main thread near the wall time) or LevelDB's threads.
 */
export class Stopwatch {
  wallSeconds = 0;
  cpuSeconds = 0;
  mainThreadCpuSeconds = 0;
  private wall0 = 0;
  private cpu0: NodeJS.CpuUsage = { user: 0, system: 0 };
  private main0 = 0;

  start(): void {
    this.wall0 = performance.now();
    this.cpu0 = process.cpuUsage();
    this.main0 = mainThreadCpuNs();
  }

  stop(): void {
    this.wallSeconds += seconds(this.wall0);
    const cpu = process.cpuUsage(this.cpu0);
    this.cpuSeconds += (cpu.user + cpu.system) / 1e6;
    this.mainThreadCpuSeconds += (mainThreadCpuNs() - this.main0) / 1e9;
  }

  /** A rate's figures: `count` per wall second (the value) and per CPU second. */
  rate(count: number): { value: number; details: { seconds: number; cpuSeconds: number; mainThreadCpuSeconds: number; perCpuSecond: number } } {
    return {
      value: count / this.wallSeconds,
      details: { seconds: this.wallSeconds, cpuSeconds: this.cpuSeconds, mainThreadCpuSeconds: this.mainThreadCpuSeconds, perCpuSecond: count / this.cpuSeconds },
    };
  }
}

/** One field of `/proc/self/status` in MiB (Linux), NaN elsewhere. */
const statusMiB = (field: string): number => {
  try {
    const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kib === undefined ? Number.NaN : Number(kib) / 1024;
  } catch {
    return Number.NaN;
  }
};

/**
 * Samples the anonymous part of the resident set (`RssAnon`: heap and native allocations, not the LevelDB
 * table files classic-level maps into memory, which count in maxrss) every 25 ms; returns its peak so far.
 */
export const anonRssSampler = (): (() => number) => {
  let peak = statusMiB('RssAnon');
  const timer = setInterval(() => {
    peak = Math.max(peak, statusMiB('RssAnon'));
  }, 25);
  timer.unref();
  return () => Math.max(peak, statusMiB('RssAnon'));
};
