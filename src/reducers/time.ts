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

/** `at` plus whole seconds, in API form: the deletion timestamp is `now + grace`. */
export const apiTimePlus = (at: Instant, seconds: number): string =>
  apiTime(new Date(Date.parse(at) + seconds * 1000).toISOString() as Instant);
