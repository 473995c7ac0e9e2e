/** Event instants as the Kubernetes API shows them: RFC 3339 in whole seconds (`metav1.Time` drops the milliseconds). */
import type { Instant } from '../k8s/codecs.js';

// The fold converts an instant on nearly every event, in time order, many within one second: the last
// conversion is kept (a cache that callers cannot observe; only a whole `YYYY-MM-DDTHH:MM:SS` prefix matches).
let last = { second: '\u0000', api: '' };

/** `2026-01-01T00:00:05.678Z` → `2026-01-01T00:00:05Z` (truncated, as `metav1.Time` serializes). */
export const apiTime = (at: Instant): string => {
  if (at.startsWith(last.second)) return last.api;
  const second = at.slice(0, 19);
  const api = `${second}Z`;
  if (second.length === 19) last = { second, api };
  return api;
};

/** The last instant `metav1.Time` can serialize (RFC 3339 has four-digit years). */
export const LAST_API_TIME = '9999-12-31T23:59:59Z';
const LAST_API_MS = Date.parse(LAST_API_TIME);
const FIRST_API_MS = Date.parse('0000-01-01T00:00:00Z');

/**
 * `at` plus whole seconds, in API form: the deletion timestamp is `now + grace`. Total over any stored
 * number: a sum past year 9999 (or before year 0, or not a number at all) is clamped to the nearest end.
 */
export const apiTimePlus = (at: Instant, seconds: number): string => {
  const ms = Date.parse(at) + seconds * 1000;
  if (Number.isNaN(ms) || ms > LAST_API_MS) return LAST_API_TIME;
  if (ms < FIRST_API_MS) return '0000-01-01T00:00:00Z';
  return apiTime(new Date(ms).toISOString() as Instant);
};
