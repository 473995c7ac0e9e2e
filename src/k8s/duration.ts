/**
 * Go `time.ParseDuration` durations (`90s`, `1h30m`, `1.5m`, `300ms`) as Kubernetes and kubectl write them,
 * to milliseconds. Stricter than human-language parsers on purpose: `5 minutes` is not a duration.
 */
const unitMs: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

const whole = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/;
const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g;

/** Milliseconds, or undefined when the text is not a Go duration. `0` alone is allowed, as in Go. */
export const parseDuration = (text: string): number | undefined => {
  if (text === '0') return 0;
  const m = whole.exec(text);
  if (m === null) return undefined;
  let total = 0;
  for (const [, value = '', unit = ''] of text.matchAll(part)) total += Number(value) * (unitMs[unit] ?? 0);
  return Math.round(m[1] === '-' ? -total : total);
};
