/** Go's `time.Duration.String()` for a whole number of milliseconds (kubelet messages print durations so). */

/** Seconds with a trimmed fraction: 1.5, 2, 0.25. */
const seconds = (ms: number): string => {
  const whole = Math.trunc(ms / 1000);
  const frac = String(ms % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
};

/** `1.234s`, `523ms`, `2m5.5s`, `1h0m0s`, `0s`. */
export const goDuration = (ms: number): string => {
  const abs = Math.abs(Math.trunc(ms));
  const sign = ms < 0 ? '-' : '';
  if (abs === 0) return '0s';
  if (abs < 1000) return `${sign}${abs}ms`;
  const h = Math.trunc(abs / 3_600_000);
  const m = Math.trunc((abs % 3_600_000) / 60_000);
  const s = seconds(abs % 60_000);
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
};
