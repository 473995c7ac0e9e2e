/**
 * Checking events with the codecs' guards compiled (`compiled-guard.ts`), one member at a time by `type`:
 * the read path's check of stored events, and the append path's check of the events its one walk
 * (`compiled-encoder.ts :: checkedCanonicalEvent`) does not store as given.
 */
import type * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { Event, decodeEvent } from '../events/index.js';
import { eventRangeError } from '../events/ranges.js';
import { compiledWhenUsed } from './compiled-guard.js';

/** The union's members by `type`: one member is checked, not each in turn. */
const memberByType = new Map(Event.types.map((m) => [m.name, m]));
const guardByType = new Map<string, t.Is<Event>>();

/**
 * The guard of the member named `type`, compiled once events of that type have been checked often enough to
 * pay for it (`compiledWhenUsed`): a process that reads one pod's records, or none (`podj get pods` at the
 * end), compiles none.
 */
export const guardOf = (type: string): t.Is<Event> | undefined => {
  const known = guardByType.get(type);
  if (known !== undefined) return known;
  const member = memberByType.get(type);
  if (member === undefined) return undefined;
  const guard: t.Is<Event> = compiledWhenUsed(member);
  guardByType.set(type, guard);
  return guard;
};

/** Whether `u` is an event of the current schema (its member's guard; keys outside the schema allowed). */
export const isCurrentEvent = (u: Record<string, unknown>): u is Event => {
  const type = u['type'];
  return typeof type === 'string' && guardOf(type)?.(u) === true;
};

/** The top-level keys each member's schema names: the members are exact, so decoding drops any other. */
const keysByType = new Map(Event.types.map((m) => [m.name, new Set(m.type.types.flatMap((part) => Object.keys(part.props)))]));

// for-in allocates no array of keys, where Object.keys does one per event; it also lists inherited enumerable
// keys, and an object with one outside the schema takes the full decode, whose answer is the same.
const hasOnlySchemaKeys = (u: Record<string, unknown>, type: string): boolean => {
  const keys = keysByType.get(type);
  if (keys === undefined) return false;
  for (const key in u) if (!keys.has(key)) return false;
  return true;
};

/**
 * An event to append, checked as `decodeEvent` checks it, with the same answer: an event of the current
 * schema, with no key outside it and every number in range, is itself the decoded event (decoding would
 * return it unchanged), so the compiled guard and the range check suffice (≈ 1 µs where io-ts's decode
 * costs ≈ 10). Anything else takes the full decode, which upcasts, drops unknown keys or names the bad field.
 */
export const checkEvent = (u: unknown): E.Either<string, Event> => {
  if (typeof u === 'object' && u !== null && !Array.isArray(u)) {
    const raw = u as Record<string, unknown>;
    if (isCurrentEvent(raw) && hasOnlySchemaKeys(raw, raw.type) && eventRangeError(raw) === undefined) return E.right(raw);
  }
  return decodeEvent(u);
};
