/** kubectl's durations: a port of `apimachinery/pkg/util/duration :: HumanDuration` and the age of a timestamp. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's `int(x)` for a float: truncation toward zero. */
const int = (x: number): number => Math.trunc(x);

/** About two or three significant figures of a duration given in milliseconds, as kubectl prints ages. */
export const humanDuration = (ms: number): string => {
  // Up to 2 s into the future (excluded) counts as now, to tolerate clock skew.
  const seconds = int(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = int(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = int(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = int(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = int(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
};

/**
 * `translateTimestampSince`: the age of an RFC 3339 timestamp at `now`, `<unknown>` when it is missing
 * (Go's zero time) or unparsable.
 */
export const ageOf = (timestamp: string | undefined, now: Date): string => {
  const ms = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
  return Number.isNaN(ms) ? '<unknown>' : humanDuration(now.getTime() - ms);
};
