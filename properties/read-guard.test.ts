/**
 * The journal's fast checks answer as the codecs do: the compiled guards (`src/journal/compiled-guard.ts`)
 * accept and reject exactly what io-ts's `is` does, on valid events and on events with any one value
 * anywhere replaced, removed or added; the append path's `checkEvent` gives exactly `decodeEvent`'s answer
 * on the same events; the compiled canonical encoder (`src/journal/compiled-encoder.ts`) writes exactly
 * `canonical`'s JSON on the same events; its checking walk answers only for events `checkEvent` stores as
 * given, always with `canonical`'s JSON, and for every valid one; and the instant check accepts exactly what
 * the pattern and `Date.parse` accept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Event, decodeEvent } from '../src/events/index.js';
import { canonical } from '../src/journal/canonical.js';
import { canonicalEvent, checkedCanonicalEvent } from '../src/journal/compiled-encoder.js';
import { checkEvent } from '../src/journal/event-guard.js';
import { compileGuard } from '../src/journal/compiled-guard.js';
import { Instant } from '../src/k8s/codecs.js';
import { podEvent } from './arbitraries/events.js';
import { podManifest } from './arbitraries/manifests.js';
import { holds } from './support/property.js';

const compiled = new Map(Event.types.map((m) => [m.name, compileGuard(m)]));
const member = new Map(Event.types.map((m) => [m.name, m]));

const agree = (u: Record<string, unknown>): void => {
  const type = String(u['type']);
  expect(compiled.get(type)?.(u)).toBe(member.get(type)?.is(u));
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v` (object keys and array indexes). */
const paths = (v: Json, at: (string | number)[] = []): (string | number)[][] => {
  if (v === null || typeof v !== 'object') return [at];
  const children = Array.isArray(v) ? v.map((x, i) => paths(x, [...at, i])) : Object.entries(v).map(([k, x]) => paths(x, [...at, k]));
  return [at, ...children.flat()];
};

/** `v` with the value at `path` replaced (`undefined`: removed), or added where an object lacks its last key. */
const edited = (v: Json, path: (string | number)[], value: Json | undefined): Json => {
  const [head, ...rest] = path;
  if (head === undefined) return value ?? null;
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? edited(x, rest, value) : x));
  if (v === null || typeof v !== 'object') return v;
  const out: { [k: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) if (k !== head || value !== undefined || rest.length > 0) out[k] = k === head ? edited(x, rest, value) : x;
  if (rest.length === 0 && value !== undefined && !Object.hasOwn(v, head)) out[head] = value;
  return out;
};

/** A copy of `v` with the value at `path` set to `value` as it is: an undefined property stays a property, NaN a number. */
const withValue = (v: Json, path: (string | number)[], value: unknown): unknown => {
  const copy = structuredClone(v) as unknown;
  const last = path.at(-1);
  const parent = path.slice(0, -1).reduce<unknown>((at, k) => (at as Record<string | number, unknown>)[k], copy);
  if (last !== undefined) (parent as Record<string | number, unknown>)[last] = value;
  return copy;
};

const anyEvent = podManifest('guard').chain((pod) => podEvent(pod));
// Out-of-range numbers too (an int32 exit code, a duration beyond time.Duration's): the range check's cases.
const replacement: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('', 0, -1, 1.5, true, null, [], {}, '2026-01-01T00:00:00.000Z', 'Always', 2 ** 31, 9e15, -(2 ** 63)),
);
const broken = anyEvent.chain((e) => {
  const json = JSON.parse(JSON.stringify(e)) as Json;
  const at = fc.constantFrom(...paths(json).filter((p) => p.length > 0 && p[0] !== 'type'));
  const extraKey = fc.tuple(fc.constantFrom(...paths(json).filter((p) => p.length > 0)), fc.string()).map(([p, k]) => [...p, k]);
  const topLevelKey = fc.string().map((k) => [k]);
  return fc.tuple(fc.oneof(at, extraKey, topLevelKey), replacement).map(([path, value]) => edited(json, path, value));
});
/** A number anywhere in the event (its manifest's included) made too big, negative or fractional. */
const outOfRange = anyEvent.chain((e) => {
  const json = JSON.parse(JSON.stringify(e)) as Json;
  const valueAt = (path: (string | number)[]): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], json);
  const numbers = paths(json).filter((p) => typeof valueAt(p) === 'number');
  if (numbers.length === 0) return fc.constant(json);
  return fc.tuple(fc.constantFrom(...numbers), fc.constantFrom<Json>(2 ** 31, 2 ** 53, 9e15, 1e300, -1, -(2 ** 31) - 1, 0.5)).map(([path, value]) => edited(json, path, value));
});

describe('compiled guards', () => {
  it('accept every valid event, as io-ts does', async () => {
    await holds('compiled-guard-valid', fc.property(anyEvent, (e) => agree(JSON.parse(JSON.stringify(e)) as Record<string, unknown>)), 300);
  });

  it('answer as io-ts on an event with any one value replaced, removed or added', async () => {
    await holds('compiled-guard-broken', fc.property(broken, (u) => agree(u as Record<string, unknown>)), 1000);
  });
});

describe("the append path's check", () => {
  /** The same Left, or Rights that encode to the same canonical JSON (what the journal hashes and stores). */
  const sameAsDecode = (u: unknown): void => {
    const [fast, full] = [checkEvent(u), decodeEvent(u)];
    expect(fast._tag).toBe(full._tag);
    if (fast._tag === 'Left' && full._tag === 'Left') expect(fast.left).toBe(full.left);
    if (fast._tag === 'Right' && full._tag === 'Right') expect(canonical(fast.right)).toBe(canonical(full.right));
  };

  it('gives decodeEvent\'s answer on every valid event', async () => {
    await holds('append-check-valid', fc.property(anyEvent, (e) => sameAsDecode(JSON.parse(JSON.stringify(e)))), 300);
  });

  it('gives decodeEvent\'s answer on an event with any one value replaced, removed or added (a top-level key too)', async () => {
    await holds('append-check-broken', fc.property(broken, sameAsDecode), 1000);
  });

  it('gives decodeEvent\'s answer on an event with a number out of its field\'s range', async () => {
    await holds('append-check-range', fc.property(outOfRange, sameAsDecode), 500);
  });
});

describe('the compiled canonical encoder', () => {
  const sameAsCanonical = (u: unknown): void => {
    let expected: string | Error;
    try {
      expected = canonical(u);
    } catch (error) {
      expected = error as Error;
    }
    if (expected instanceof Error) expect(() => canonicalEvent(u)).toThrow(expected.message);
    else expect(canonicalEvent(u)).toBe(expected);
  };

  it('writes canonical\'s JSON for every valid event, as built and as parsed back', async () => {
    await holds('compiled-encoder-valid', fc.property(anyEvent, (e) => {
      sameAsCanonical(e);
      sameAsCanonical(JSON.parse(JSON.stringify(e)));
    }), 300);
  });

  it('writes canonical\'s JSON for an event with any one value replaced, removed or added, at any depth', async () => {
    await holds('compiled-encoder-broken', fc.property(broken, sameAsCanonical), 1000);
  });

  it('leaves out undefined properties and refuses what JSON cannot carry, as canonical does', async () => {
    await holds('compiled-encoder-undefined', fc.property(anyEvent, fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY), (e, odd) => {
      const json = JSON.parse(JSON.stringify(e)) as Json;
      const at = paths(json).filter((p) => p.length > 0);
      for (const path of at.slice(0, 5)) sameAsCanonical(withValue(json, path, odd));
    }), 200);
  });
});

describe("the append's one walk: check and canonical JSON", () => {
  /** `checkEvent`'s Right holding `u` itself, encoded, or undefined: what the walk may answer (it may also leave odd values to the check). */
  const storedAsGiven = (u: unknown): string | undefined => {
    const checked = checkEvent(u);
    if (checked._tag === 'Left' || checked.right !== u) return undefined;
    try {
      return canonical(u);
    } catch {
      return undefined;
    }
  };
  const agreesWithCheck = (u: unknown): void => {
    const json = checkedCanonicalEvent(u);
    if (json !== undefined) expect(json).toBe(storedAsGiven(u));
  };

  it('answers every valid event, as built and as parsed back, with canonical\'s JSON', async () => {
    await holds('checked-walk-valid', fc.property(anyEvent, (e) => {
      for (const u of [e, JSON.parse(JSON.stringify(e)) as unknown]) expect(checkedCanonicalEvent(u)).toBe(canonical(u));
    }), 300);
  });

  it('answers nothing the check refuses or decodes into another, on an event with any one value replaced, removed or added', async () => {
    await holds('checked-walk-broken', fc.property(broken, agreesWithCheck), 1000);
  });

  it('answers nothing with a number out of its field\'s range', async () => {
    await holds('checked-walk-range', fc.property(outOfRange, agreesWithCheck), 500);
  });

  it('answers nothing the check would not store, with an undefined property or a value JSON cannot carry', async () => {
    await holds('checked-walk-undefined', fc.property(anyEvent, fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, 10n), (e, odd) => {
      const json = JSON.parse(JSON.stringify(e)) as Json;
      for (const path of paths(json).filter((p) => p.length > 0).slice(0, 8)) agreesWithCheck(withValue(json, path, odd));
    }), 200);
  });
});

describe('the instant check', () => {
  // Go's time.Parse takes only a date of the calendar (k8s/calendar.ts): Date.parse rolls 2026-02-31 and 24:00 over, and prints another text back
  const reference = (s: string): boolean => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(Date.parse(s)).toISOString() === s;
  const digits = (n: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  // Fields near their limits as often as anywhere: 00, 01, 12, 13, 24, 31, 32, 59, 60, 99.
  const field = fc.oneof(digits(2), fc.constantFrom('00', '01', '12', '13', '23', '24', '29', '30', '31', '32', '59', '60', '99'));
  const shaped = fc
    .tuple(digits(4), field, field, field, field, field, fc.oneof(digits(3), fc.constant('000')))
    .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);

  it('accepts what the pattern and Date.parse accept and print back unchanged', async () => {
    await holds('instant-check', fc.property(fc.oneof(shaped, fc.string()), (s) => {
      expect(Instant.is(s)).toBe(reference(s));
    }), 3000);
  });

  it("knows the ends of each field (Go's time.Parse: the days of the month, hours to 23)", () => {
    for (const s of ['2024-02-29T00:00:00.000Z', '2026-01-31T23:59:59.999Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) expect(Instant.is(s)).toBe(true);
    for (const s of ['2026-02-29T00:00:00.000Z', '2026-02-31T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-32T00:00:00.000Z', '2026-00-01T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-01-00T00:00:00.000Z', '2026-01-01T24:00:00.001Z', '2026-01-01T23:60:00.000Z', '2026-01-01T23:59:60.000Z']) {
      expect(Instant.is(s)).toBe(false);
    }
  });
});
