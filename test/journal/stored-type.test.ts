import { describe, expect, it } from 'vitest';
import { generateChunks } from '../../src/generator/index.js';
import { canonical } from '../../src/journal/canonical.js';
import { GENESIS_HASH, seal } from '../../src/journal/record.js';
import { podEntryValue } from '../../src/journal/pod-entry.js';
import { podEntryEventType, storedEventType } from '../../src/journal/stored-type.js';
import { at } from './fixtures.js';

describe('the event type of a stored value, read from its end', () => {
  it('is the type of every generated event whose last key but `v` is its type, as sealed; unknown for the others', () => {
    const [chunk = []] = generateChunks({ tier: 'S' }, 2000);
    const types = new Set<string>();
    for (const e of chunk) {
      const typeLast = Object.keys(e).sort().slice(-2)[0] === 'type';
      expect(storedEventType(seal(GENESIS_HASH, 1, at(0), canonical(e)).value)).toBe(typeLast ? e.type : undefined);
      expect(podEntryEventType(podEntryValue(at(0), canonical(e)))).toBe(typeLast ? e.type : undefined);
      if (typeLast) types.add(e.type);
    }
    expect(types).toContain('ProbeExecuted');
    expect(types.size).toBeGreaterThan(10);
  });

  it('is unknown for an older schema, a nested "type", or a value not written by seal', () => {
    const stored = (event: string) => `{"seq":1,"recordedAt":"${at(0)}","prevHash":"${GENESIS_HASH}","hash":"${GENESIS_HASH}","event":${event}}`;
    expect(storedEventType(stored('{"at":"x","type":"ProbeExecuted","v":0}'))).toBeUndefined();
    expect(storedEventType(stored('{"at":"x","extra":{"type":"ProbeExecuted","v":1}}'))).toBeUndefined();
    expect(storedEventType(`${stored('{"at":"x","type":"ProbeExecuted","v":1}')} `)).toBeUndefined();
    expect(storedEventType('{"type":"ProbeExecuted","v":1}}')).toBeUndefined();
    expect(storedEventType(stored('{"at":"x","type":"ContainerBackOff","until":"y","v":1}'))).toBeUndefined();
    expect(storedEventType(stored('{"at":"x","type":"ProbeExecuted","v":1}'))).toBe('ProbeExecuted');
  });

  it('reads a pod index entry, which ends with its event, and not a record with a pod entry\'s reader or the reverse', () => {
    const entry = (event: string) => `${at(0)}${event}`;
    expect(podEntryEventType(entry('{"at":"x","type":"ProbeExecuted","v":1}'))).toBe('ProbeExecuted');
    expect(podEntryEventType(entry('{"at":"x","type":"ProbeExecuted","v":0}'))).toBeUndefined();
    expect(podEntryEventType(entry('{"at":"x","type":"ContainerBackOff","until":"y","v":1}'))).toBeUndefined();
    expect(podEntryEventType(`${at(0)}{"at":"x","extra":{"type":"ProbeExecuted","v":1}}`)).toBeUndefined();
    expect(storedEventType(entry('{"at":"x","type":"ProbeExecuted","v":1}'))).toBeUndefined();
  });
});
