/** Event instants as the Kubernetes API shows them: RFC 3339 in whole seconds (`metav1.Time` drops the milliseconds). */
import type { Instant } from '../k8s/codecs.js';

/** `2026-01-01T00:00:05.678Z` → `2026-01-01T00:00:05Z` (truncated, as `metav1.Time` serializes). */
export const apiTime = (at: Instant): string => `${at.slice(0, 19)}Z`;

/** `at` plus whole seconds, in API form: the deletion timestamp is `now + grace`. */
export const apiTimePlus = (at: Instant, seconds: number): string =>
  apiTime(new Date(Date.parse(at) + seconds * 1000).toISOString() as Instant);
