/**
 * Fast canonical instants for generated events: the same string as `instantOf(ms)`, built from a cached
 * day prefix, because `Date#toISOString` alone would cost a third of the generator's budget.
 */
import type { Instant } from '../k8s/codecs.js';

const DAY_MS = 86_400_000;
let cachedDay = Number.NaN;
let dayPrefix = '';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` for a millisecond epoch (UTC, years 1970–9999). */
export const instantAt = (ms: number): Instant => {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    dayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${dayPrefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(rest - s * 1000)}Z` as Instant;
};
