/**
 * Codec invariants: every event the engine or the raw generator makes survives encode → JSON → decode
 * unchanged, and breaking any one field of a valid event is rejected with a message naming that field.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { Event, decodeEvent, eventTypes } from '../src/events/index.js';
import { podEvent, rawPodSequence } from './arbitraries/events.js';
import { podManifest } from './arbitraries/manifests.js';
import { scenario } from './arbitraries/scenarios.js';
import { journalOf } from './support/simulated.js';
import { holds } from './support/property.js';

const anyEvent = podManifest('codec').chain((pod) => podEvent(pod));

const roundTrips = (e: Event): void => {
  const decoded = decodeEvent(JSON.parse(JSON.stringify(Event.encode(e))));
  expect(decoded).toEqual(E.right(e));
};

/** A value of the wrong type for any field: a number becomes a word, a string a list (quantities accept numbers), anything else a word. */
const wrongValue = (v: unknown): unknown => (typeof v === 'number' ? 'forty-two' : typeof v === 'string' ? [42] : 'not-an-object');

/** Fields every event has, whose breaking the decoder must name (`pod` and nested objects name their own keys). */
const topLevelFields = (e: Event): string[] => Object.keys(e).filter((k) => k !== 'type');

describe('event codecs', () => {
  it('codec-roundtrip (raw events of every type)', async () => {
    await holds('codec-roundtrip-raw', fc.property(anyEvent, roundTrips), 500);
  });

  it('codec-roundtrip (engine journals)', async () => {
    await holds('codec-roundtrip-engine', fc.property(scenario(), (s) => journalOf(s).forEach(roundTrips)), 15);
  });

  it('the raw generator makes every type of the vocabulary', () => {
    const made = new Set(fc.sample(rawPodSequence('coverage', 60), { numRuns: 300, seed: 1 }).flatMap((p) => p.events.map((e) => e.type)));
    expect([...eventTypes].filter((t) => !made.has(t as Event['type']))).toEqual([]);
  });

  it('codec-rejects-invalid-with-path', async () => {
    const broken = anyEvent.chain((e) => fc.constantFrom(...topLevelFields(e)).map((field) => ({ e, field })));
    await holds('codec-rejects-invalid-with-path', fc.property(broken, ({ e, field }) => {
      const raw: Record<string, unknown> = { ...JSON.parse(JSON.stringify(e)) };
      raw[field] = wrongValue(raw[field]);
      const decoded = decodeEvent(raw);
      if (E.isRight(decoded)) throw new Error(`${e.type} with ${field} = ${JSON.stringify(raw[field])} was accepted`);
      expect(decoded.left).toContain(field);
      expect(decoded.left.startsWith(`${e.type}:`) || field === 'v').toBe(true);
    }), 500);
  });

  it('codec-rejects-missing-field-with-path', async () => {
    const required = anyEvent.chain((e) => fc.constantFrom(...topLevelFields(e)).map((field) => ({ e, field })));
    await holds('codec-rejects-missing-field-with-path', fc.property(required, ({ e, field }) => {
      const { [field]: _dropped, ...rest } = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
      const decoded = decodeEvent(rest);
      // optional fields may go; a required one must be named
      const optional = E.isRight(Event.decode(rest));
      if (optional) return;
      expect(E.isLeft(decoded) ? decoded.left : 'accepted').toContain(field);
    }), 500);
  });
});
