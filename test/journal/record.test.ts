import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/journal/canonical.js';
import { GENESIS_HASH, parseEnvelope, readRecord, seal } from '../../src/journal/record.js';
import { at, podBound } from './fixtures.js';

describe('sealing a record', () => {
  const event = podBound('a', 1);
  const sealed = seal(GENESIS_HASH, 1, at(100), canonical(event));

  it('hashes the previous hash followed by the canonical record without its hash', () => {
    const body = canonical({ seq: 1, recordedAt: at(100), prevHash: GENESIS_HASH, event });
    expect(sealed.hash).toBe(createHash('sha256').update(GENESIS_HASH + body).digest('hex'));
  });

  it('stores seq, recordedAt, prevHash, hash and event in that order', () => {
    expect(sealed.value).toBe(JSON.stringify({ seq: 1, recordedAt: at(100), prevHash: GENESIS_HASH, hash: sealed.hash, event: JSON.parse(canonical(event)) as unknown }));
  });

  it('chains: the same event after another hash seals differently', () => {
    expect(seal(sealed.hash, 2, at(100), canonical(event)).hash).not.toBe(sealed.hash);
  });

  it('reads back what it stored', () => {
    expect(readRecord(sealed.value, 'e!0000000000000001')).toEqual({ seq: 1, recordedAt: at(100), prevHash: GENESIS_HASH, hash: sealed.hash, event });
  });
});

describe('a record changed in the store', () => {
  const sealed = seal(GENESIS_HASH, 7, at(100), canonical(podBound('a', 1)));
  const key = 'e!0000000000000007';

  it('is refused when any byte of its event, time or links changed and it still decodes, naming its key', () => {
    const changed = [
      sealed.value.replace('"node":"node-1"', '"node":"node-2"'),
      sealed.value.replace(at(100), at(101)),
      sealed.value.replace(`"prevHash":"${GENESIS_HASH}"`, `"prevHash":"${'1'.repeat(64)}"`),
      sealed.value.replace(sealed.hash, sealed.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))),
    ];
    for (const value of changed) {
      expect(value).not.toBe(sealed.value);
      expect(() => readRecord(value, key)).toThrow(`record ${key}: its bytes do not hash to its hash: changed since it was written`);
    }
  });

  it('is refused under another key than its own sequence number', () => {
    expect(() => readRecord(sealed.value, 'e!0000000000000008')).toThrow('record e!0000000000000008: says it is record 7');
  });
});

describe('reading records', () => {
  it('names the record and the field of a stored value that does not decode', () => {
    const bad = seal(GENESIS_HASH, 1, at(100), canonical({ ...podBound('a', 1), node: 3 }));
    expect(() => readRecord(bad.value, 'e!0000000000000001')).toThrow('record e!0000000000000001: PodBound: node: 3 is not a string');
    expect(() => readRecord('{', 'e!1')).toThrow('record e!1: is not JSON');
  });

  it('names the bad envelope field of an export line', () => {
    expect(parseEnvelope('{"seq":0,"recordedAt":"x","prevHash":"","hash":"","event":{}}')).toEqual(E.left('seq: 0 is not a Seq'));
  });
});
