import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/journal/canonical.js';
import { GENESIS_HASH, seal, sha256 } from '../../src/journal/record.js';
import { encodePodEntry, encodeRecord } from '../../src/journal/record-bytes.js';
import { podEntryValue } from '../../src/journal/pod-entry.js';
import { RECORDS, upper } from '../../src/journal/keys.js';
import { openJournal } from '../../src/journal/index.js';
import { at, podBound, tamper, tempDir } from './fixtures.js';

/** An event whose node name holds `text`: any Unicode, escaped or not by canonical JSON. */
const withText = (s: number, text: string) => podBound('u', s, text);

describe('the bytes an append writes for a record', () => {
  it('are the UTF-8 bytes of the stored form and pod entry `seal` and `podEntryValue` spell, for any text and link', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.string({ minLength: 1, maxLength: 20 }), (text, seq, prev) => {
        const json = canonical(withText(1, text));
        const prevHash = sha256(prev);
        const sealed = seal(prevHash, seq, at(5), json);
        const encoded = encodeRecord(prevHash, seq, at(5), json);
        expect(encoded.link).toEqual({ seq, recordedAt: at(5), prevHash, hash: sealed.hash });
        expect(encoded.stored.toString('utf8')).toBe(sealed.stored);
        expect(encoded.podEntry.toString('utf8')).toBe(podEntryValue(at(5), json));
        expect(encodePodEntry(at(5), json).toString('utf8')).toBe(podEntryValue(at(5), json));
      }),
    );
  });

  it('holds an event larger than the buffer it starts with', () => {
    const json = canonical(withText(1, '€𝄞'.repeat(40_000)));
    const encoded = encodeRecord(GENESIS_HASH, 1, at(5), json);
    expect(encoded.stored.toString('utf8')).toBe(seal(GENESIS_HASH, 1, at(5), json).stored);
    expect(encoded.podEntry.toString('utf8')).toBe(podEntryValue(at(5), json));
  });
});

describe('records appended as bytes', () => {
  it('are stored as their stored form, read back and verified, by the durable and the bulk append alike', async () => {
    const { dir, cleanup } = await tempDir();
    const journal = await openJournal(dir, { clock: () => at(1000), sync: false });
    const texts = ['node-ü', 'ノード', 'n\u2028"\\𝄞', 'x'.repeat(70_000)];
    await journal.append([withText(1, texts[0] ?? '')], { expectedSeq: 0 });
    await journal.append([withText(2, texts[1] ?? ''), withText(3, texts[2] ?? '')], { expectedSeq: 1 });
    await journal.appendBulk([withText(4, texts[3] ?? ''), withText(5, texts[0] ?? '')]);
    const records = await journal.records().toArray();
    expect(records.map((r) => r.event)).toEqual([1, 2, 3, 4, 5].map((s, i) => withText(s, texts[i % 4] ?? '')));
    const pod = await journal.podRecords('default', 'pod-u').toArray();
    expect(pod.map((r) => r.event)).toEqual(records.map((r) => r.event));
    expect(await journal.verify()).toMatchObject({ ok: true });
    await journal.close();
    await tamper(dir, async (db) => {
      const stored = await db.values({ gte: RECORDS, lt: upper(RECORDS) }).all();
      expect(stored).toEqual(records.map((r) => seal(r.prevHash as never, r.seq, r.recordedAt, canonical(r.event)).stored));
    });
    await cleanup();
  });
});
