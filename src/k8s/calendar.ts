/**
 * The calendar check of Go's `time.Parse(time.RFC3339, …)`, one for every instant podj reads (`--at`, the
 * journal's Instant codec, the timestamps of manifests and imported objects): `format_rfc3339.go ::
 * parseRFC3339` takes month 1–12, day 1 to the days of its month, hour 0–23, minute and second 0–59, and the
 * slow path names the field it refuses (`format.go :: parse`: "day out of range"). `Date.parse` rolls
 * `2026-02-30` over into March and takes `24:00:00` for the next midnight.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number): number => (month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));

/** Why this date and time of day name no instant, as Go says it; undefined when they name one. */
const calendarProblem = (year: number, month: number, day: number, hour: number, minute: number, second: number): string | undefined => {
  if (month < 1 || month > 12) return 'month out of range';
  if (day < 1 || (day > 28 && day > daysIn(year, month))) return 'day out of range';
  if (hour > 23) return 'hour out of range';
  if (minute > 59) return 'minute out of range';
  if (second > 59) return 'second out of range';
  return undefined;
};

/** The number of the `n` digits at `i`, read digit by digit: every record read checks its instants. */
const digits = (s: string, i: number, n: number): number => {
  let value = 0;
  for (let k = i; k < i + n; k++) value = value * 10 + s.charCodeAt(k) - 48;
  return value;
};

/**
 * Why the text, which a pattern has matched as `YYYY-MM-DD?HH:MM:SS…` (any separator), names no instant;
 * undefined when it names one.
 */
export const calendarProblemOf = (s: string): string | undefined =>
  calendarProblem(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2), digits(s, 11, 2), digits(s, 14, 2), digits(s, 17, 2));
