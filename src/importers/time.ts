/** Kubernetes timestamps (RFC 3339, seconds to nanoseconds, any offset) as our millisecond UTC Instant. */
import * as t from 'io-ts';
import { calendarProblemOf } from '../k8s/calendar.js';
import { type Instant, instantOf, msOf, rfc3339Pattern, rfc3339Problem } from '../k8s/codecs.js';

/** The Instant of a Kubernetes timestamp, truncated to the millisecond; undefined when it is not RFC 3339. */
export const instantOfK8s = (text: string): Instant | undefined => {
  const m = rfc3339Pattern.exec(text);
  if (m === null || calendarProblemOf(text) !== undefined) return undefined;
  // Date.parse reads at most milliseconds reliably: cut the fraction to three digits first (truncation, as Go does).
  const ms = Date.parse(`${m[1]}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}${m[3]}`);
  return Number.isNaN(ms) ? undefined : instantOf(ms);
};

/** Why a value is no Kubernetes timestamp: the calendar's reason (`day out of range`) when it has the form. */
const notATime = (u: unknown): string => (typeof u === 'string' ? rfc3339Problem(u) : undefined) ?? 'is not an RFC 3339 time';

/** A Kubernetes timestamp field, decoded to an Instant. */
export const K8sTime = new t.Type<Instant, string, unknown>(
  'Time',
  (u): u is Instant => typeof u === 'string' && instantOfK8s(u) === u,
  (u, c) => {
    const at = typeof u === 'string' ? instantOfK8s(u) : undefined;
    return at === undefined ? t.failure(u, c, notATime(u)) : t.success(at);
  },
  (at) => at,
);

/** A Kubernetes timestamp field checked as one and kept as written (a MicroTime's digits, its offset). */
export const K8sTimeText = new t.Type<string, string, unknown>(
  'Time',
  (u): u is string => typeof u === 'string' && instantOfK8s(u) !== undefined,
  (u, c) => (typeof u === 'string' && instantOfK8s(u) !== undefined ? t.success(u) : t.failure(u, c, notATime(u))),
  (text) => text,
);

/** Kubernetes writes `null` for unset times (`eventTime: null`, `lastProbeTime: null`). */
export const OptionalK8sTime = t.union([K8sTime, t.null], 'Time');

/** The Instant of a Kubernetes timestamp that may be absent; Go's zero time (1970) counts as absent. */
export const maybeInstant = (text: string | null | undefined): Instant | undefined => {
  if (text === undefined || text === null) return undefined;
  const at = instantOfK8s(text);
  return at === undefined || msOf(at) <= 0 ? undefined : at;
};

/** The whole second an instant falls in: Kubernetes truncates to seconds, so equal seconds may be one moment. */
export const secondOf = (at: Instant): number => Math.floor(msOf(at) / 1000);

export const plusMs = (at: Instant, ms: number): Instant => instantOf(msOf(at) + ms);

/** The latest of some instants (ISO strings in UTC order lexically as in time). */
export const latest = (instants: readonly (Instant | undefined)[]): Instant | undefined =>
  instants.reduce<Instant | undefined>((a, b) => (b === undefined || (a !== undefined && a >= b) ? a : b), undefined);
