import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/journal/canonical.js';
import { crc32 } from 'node:zlib';
import { GENESIS_HASH, parseEnvelope, readRecord, readUncheckedRecord, recordText, seal, storedForm } from '../../src/journal/record.js';
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

  it('stores the record behind the CRC-32 of its UTF-8 bytes in 8 hex digits, and exports the record alone', () => {
    expect(sealed.stored).toBe(`${crc32(Buffer.from(sealed.value, 'utf8')).toString(16).padStart(8, '0')}${sealed.value}`);
    expect(recordText(sealed.stored)).toBe(sealed.value);
  });

  it('reads back what it stored', () => {
    expect(readRecord(sealed.stored, 'e!0000000000000001')).toEqual({ seq: 1, recordedAt: at(100), prevHash: GENESIS_HASH, hash: sealed.hash, event });
  });
});

describe('a record changed in the store', () => {
  const sealed = seal(GENESIS_HASH, 7, at(100), canonical(podBound('a', 1)));
  const key = 'e!0000000000000007';

  it('is refused when any one byte of it changed, in its check, its seq, time, links or event, naming its key', () => {
    const bytes = Buffer.from(sealed.stored, 'utf8');
    for (let i = 0; i < bytes.length; i++) {
      for (const flip of [0x01, 0x20, 0x80]) {
        const changed = Buffer.from(bytes);
        changed[i] = (changed[i] ?? 0) ^ flip;
        // A byte that no longer decodes as UTF-8 reads as U+FFFD, as LevelDB's utf8 values do.
        expect(() => readRecord(changed.toString('utf8'), key), `byte ${i} ^ ${flip}`).toThrow(`record ${key}: its bytes do not match their CRC-32: changed since it was written`);
      }
    }
  });

  it('is refused when any field changed that still decodes, even with its check made again, by verify (its hash)', () => {
    const changed = [
      sealed.value.replace('"node":"node-1"', '"node":"node-2"'),
      sealed.value.replace(at(100), at(101)),
      sealed.value.replace(`"prevHash":"${GENESIS_HASH}"`, `"prevHash":"${'1'.repeat(64)}"`),
      sealed.value.replace(sealed.hash, sealed.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))),
    ];
    for (const value of changed) {
      expect(value).not.toBe(sealed.value);
      expect(() => readRecord(value, key)).toThrow(`record ${key}: its bytes do not match their CRC-32: changed since it was written`);
      // A record of format 9 (no check) is read against its SHA-256, as the upgrade to format 10 reads it.
      expect(() => readUncheckedRecord(value, key)).toThrow(`record ${key}: its bytes do not hash to its hash: changed since it was written`);
    }
    expect(readUncheckedRecord(sealed.value, key)).toEqual(readRecord(sealed.stored, key));
  });

  it('is refused under another key than its own sequence number', () => {
    expect(() => readRecord(sealed.stored, 'e!0000000000000008')).toThrow('record e!0000000000000008: says it is record 7');
  });
});

describe('reading records', () => {
  it('names the record and the field of a stored value that does not decode', () => {
    const bad = seal(GENESIS_HASH, 1, at(100), canonical({ ...podBound('a', 1), node: 3 }));
    expect(() => readRecord(bad.stored, 'e!0000000000000001')).toThrow('record e!0000000000000001: PodBound: node: 3 is not a string');
    expect(() => readRecord(storedForm('{'), 'e!1')).toThrow('record e!1: is not JSON');
  });

  it('names the bad envelope field of an export line', () => {
    expect(parseEnvelope('{"seq":0,"recordedAt":"x","prevHash":"","hash":"","event":{}}')).toEqual(E.left('seq: 0 is not a Seq'));
  });
});
