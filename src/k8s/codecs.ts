/** Small io-ts building blocks shared by the Kubernetes object codecs and the event codecs. */
import * as t from 'io-ts';
import { calendarProblemOf } from './calendar.js';
import { isQuantity } from './quantity.js';

/** An RFC 3339 instant in UTC with milliseconds, `2026-01-02T03:04:05.678Z`: string order is time order. */
export interface InstantBrand {
  readonly Instant: unique symbol;
}
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const Instant = t.brand(
  t.string,
  (s): s is t.Branded<string, InstantBrand> => instantPattern.test(s) && calendarProblemOf(s) === undefined,
  'Instant',
);
export type Instant = t.TypeOf<typeof Instant>;

/** The canonical instant for a millisecond epoch. */
export const instantOf = (ms: number): Instant => new Date(ms).toISOString() as Instant;
export const msOf = (instant: Instant): number => Date.parse(instant);

/** A Kubernetes timestamp as the API writes it (RFC 3339: seconds, an optional fraction, `Z` or an offset). */
export const rfc3339Pattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** Why a text is not a Kubernetes timestamp (`is not an RFC 3339 time[: day out of range]`); undefined when it is one. */
export const rfc3339Problem = (s: string): string | undefined => {
  if (!rfc3339Pattern.test(s)) return 'is not an RFC 3339 time';
  const problem = calendarProblemOf(s);
  return problem === undefined ? undefined : `is not an RFC 3339 time: ${problem}`;
};

/**
 * A timestamp field of a Kubernetes object, kept as its text; anything else is refused with the field's path
 * (an importer reading it as absent would silently drop the fact it times).
 */
export const TimeString = new t.Type<string, string, unknown>(
  'Time',
  (u): u is string => typeof u === 'string' && rfc3339Problem(u) === undefined,
  (u, c) => {
    const problem = typeof u === 'string' ? rfc3339Problem(u) : 'is not an RFC 3339 time';
    return typeof u === 'string' && problem === undefined ? t.success(u) : t.failure(u, c, problem);
  },
  (s) => s,
);

/** An integer. Unlike `t.Int` its static type is plain `number`, so literals need no brand casts. */
export const Integer = new t.Type<number, number, unknown>(
  'Int',
  (u): u is number => typeof u === 'number' && Number.isInteger(u),
  (u, c) => (typeof u === 'number' && Number.isInteger(u) ? t.success(u) : t.failure(u, c)),
  (n) => n,
);

/** A resource quantity (`"250m"`, `"64Mi"`, `"1e3"`); YAML numbers are accepted and kept as strings. */
export const QuantityString = new t.Type<string, string, unknown>(
  'Quantity',
  (u): u is string => typeof u === 'string' && isQuantity(u),
  (u, c) => {
    const s = typeof u === 'number' && Number.isFinite(u) ? String(u) : u;
    return typeof s === 'string' && isQuantity(s) ? t.success(s) : t.failure(u, c, 'is not a quantity');
  },
  (s) => s,
);

export const ResourceList = t.record(t.string, QuantityString, 'ResourceList');
export type ResourceList = t.TypeOf<typeof ResourceList>;

export const StringMap = t.record(t.string, t.string, 'StringMap');
export type StringMap = t.TypeOf<typeof StringMap>;

/** An Event's `EventSource` (core/v1 `source`, events.k8s.io/v1 `deprecatedSource`): the reporting component and its host, both `omitempty`. */
export const EventSource = t.partial({ component: t.string, host: t.string });

/** An integer or a string, as Kubernetes' IntOrString (probe ports, for example). */
export const IntOrString = t.union([Integer, t.string], 'IntOrString');
export type IntOrString = t.TypeOf<typeof IntOrString>;

export const ConditionStatus = t.keyof({ True: null, False: null, Unknown: null }, 'ConditionStatus');
export type ConditionStatus = t.TypeOf<typeof ConditionStatus>;

/** `t.type` for the required fields and `t.partial` for the optional ones, under one name. */
export const struct = <R extends t.Props, O extends t.Props>(name: string, required: R, optional: O) =>
  t.intersection([t.type(required), t.partial(optional)], name);
