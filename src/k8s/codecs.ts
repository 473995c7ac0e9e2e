/** Small io-ts building blocks shared by the Kubernetes object codecs and the event codecs. */
import * as t from 'io-ts';
import { isQuantity } from './quantity.js';

/** An RFC 3339 instant in UTC with milliseconds, `2026-01-02T03:04:05.678Z`: string order is time order. */
export interface InstantBrand {
  readonly Instant: unique symbol;
}
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The two-digit number at `i` of a string the pattern matched. */
const twoDigits = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/**
 * What `Date.parse` accepts in that form, without parsing it (every record read checks its instants):
 * month 1–12, day 1–31 (whatever the month, as ECMAScript's date-time format), 24:00:00.000 or an hour
 * below 24, minutes and seconds below 60.
 */
const isValidInstantText = (s: string): boolean => {
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  if (month < 1 || month > 12 || day < 1 || day > 31 || twoDigits(s, 14) > 59 || twoDigits(s, 17) > 59) return false;
  return hour < 24 || (hour === 24 && s.endsWith('00:00.000Z'));
};

export const Instant = t.brand(
  t.string,
  (s): s is t.Branded<string, InstantBrand> => instantPattern.test(s) && isValidInstantText(s),
  'Instant',
);
export type Instant = t.TypeOf<typeof Instant>;

/** The canonical instant for a millisecond epoch. */
export const instantOf = (ms: number): Instant => new Date(ms).toISOString() as Instant;
export const msOf = (instant: Instant): number => Date.parse(instant);

/** A Kubernetes timestamp as the API writes it (RFC 3339: seconds, an optional fraction, `Z` or an offset). */
export const rfc3339Pattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A timestamp field of a Kubernetes object, kept as its text; anything else is refused with the field's path
 * (an importer reading it as absent would silently drop the fact it times).
 */
export const TimeString = new t.Type<string, string, unknown>(
  'Time',
  (u): u is string => typeof u === 'string' && rfc3339Pattern.test(u),
  (u, c) => (typeof u === 'string' && rfc3339Pattern.test(u) ? t.success(u) : t.failure(u, c, 'is not an RFC 3339 time')),
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
