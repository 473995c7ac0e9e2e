/** The time axis: instants to pixels and back, and ticks at round real-clock steps. */

export interface View {
  readonly start: number;
  readonly end: number;
  /** Pixels: where the time area begins and how wide it is. */
  readonly left: number;
  readonly width: number;
}

export const xOf = (v: View, t: number): number => v.left + ((t - v.start) / (v.end - v.start)) * v.width;
export const timeOf = (v: View, x: number): number => v.start + ((x - v.left) / v.width) * (v.end - v.start);

const S = 1000;
const DAY = 86_400;
/**
 * Round steps from a tenth of a second (a capture of one second, or a view zoomed into one, still ticks) up to four
 * weeks: a report of a month's capture (a crash loop imported from its first start) ticks weekly.
 */
const STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY].map((s) => s * S);

/** Ticks about every `spacing` pixels, on whole multiples of a round step. */
export const ticksOf = (v: View, spacing = 110): { step: number; ticks: number[] } => {
  const wanted = ((v.end - v.start) / v.width) * spacing;
  const step = STEPS.find((s) => s >= wanted) ?? STEPS[STEPS.length - 1] ?? S;
  const ticks: number[] = [];
  for (let t = Math.ceil(v.start / step) * step; t <= v.end; t += step) ticks.push(t);
  return { step, ticks };
};

/** `08:05:30` (UTC). */
export const clockText = (t: number): string => new Date(t).toISOString().slice(11, 19);

/** `2026-02-03`: the day (UTC) of an instant. */
export const dayText = (t: number): string => new Date(t).toISOString().slice(0, 10);

/**
 * A tick's time: its clock, with its milliseconds when it is not on a whole second (`08:05:30.200`), or at midnight
 * (UTC) the date the day begins, so a span of days reads which day is which.
 */
export const tickText = (t: number): string =>
  t % 86_400_000 === 0 ? dayText(t) : t % 1000 === 0 ? clockText(t) : `${clockText(t)}.${String(t % 1000).padStart(3, '0')}`;

export const dateText = (t: number): string => `${dayText(t)} UTC`;

/** `+1m30s` from the first event, the way `--at +DURATION` is written. */
export const offsetText = (t: number, first: number): string => {
  let s = Math.round((t - first) / 1000);
  const sign = s < 0 ? '-' : '+';
  s = Math.abs(s);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return `${sign}${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${sec > 0 || s === 0 ? `${sec}s` : ''}`;
};
