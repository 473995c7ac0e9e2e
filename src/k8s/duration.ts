/**
 * Go `time.ParseDuration` durations (`90s`, `1h30m`, `1.5m`, `300ms`) as Kubernetes and kubectl write them,
 * to milliseconds. Stricter than human-language parsers on purpose: `5 minutes` is not a duration.
 */
const unitMs: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

const whole = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|ms|s|m|h))+$/;
const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|ms|s|m|h)/g;

/** Milliseconds, or undefined when the text is not a Go duration. `0` alone is allowed, as in Go. */
export const parseDuration = (text: string): number | undefined => {
  if (text === '0') return 0;
  const m = whole.exec(text);
  if (m === null) return undefined;
  let total = 0;
  for (const [, value = '', unit = ''] of text.matchAll(part)) total += Number(value) * (unitMs[unit] ?? 0);
  return Math.round(m[1] === '-' ? -total : total);
};

/** Milliseconds as a Go duration string: `1h2m3.5s`, `90ms`, `0s` (what `time.Duration.String` prints). */
export const formatDuration = (ms: number): string => {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${rest}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  return `${sign}${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`;
};
