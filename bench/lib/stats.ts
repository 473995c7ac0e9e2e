/** Small statistics and clocks for the benchmarks: elapsed seconds, median, percentiles, peak RSS. */

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
