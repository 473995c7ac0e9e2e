import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, type Journal } from '../../src/journal/index.js';
import { META_HEAD, digestKey, podKey, recordKey, timeKey } from '../../src/journal/keys.js';
import { sha256 } from '../../src/journal/record.js';
import { canonical } from '../../src/journal/canonical.js';
import { at, containerStarted, freshJournal, nodeReady, podBound, podCreated, tamper } from './fixtures.js';

let journal: Journal;
let dir: string;
let done: () => Promise<void>;

beforeEach(async () => {
  ({ journal, dir, done } = await freshJournal());
  await journal.append([podCreated('a', 0), podBound('a', 1), nodeReady(1)], { expectedSeq: 0 });
  await journal.append([containerStarted('a', 2), podCreated('b', 3), podBound('b', 4)], { expectedSeq: 3 });
});
afterEach(() => done());

/** Closes the journal, applies the edit to its store, reopens it and verifies. */
const verifyAfter = async (edit: Parameters<typeof tamper>[1]) => {
  await journal.close();
  await tamper(dir, edit);
  // as podj verify opens it: a head that does not name the last record is refused by every other open
  journal = await openJournal(dir, { verifying: true });
  return journal.verify();
};

const valueOf = async (db: Parameters<Parameters<typeof tamper>[1]>[0], key: string): Promise<string> => {
  const value = await db.get(key);
  if (value === undefined) throw new Error(`test setup: ${key} is missing`);
  return value;
};

describe('verify', () => {
  it('passes a good journal, counting its records and naming its head hash', async () => {
    expect(await journal.verify()).toEqual({ ok: true, count: 6, headHash: journal.head().hash });
  });

  it('passes an empty journal', async () => {
    const fresh = await freshJournal();
    expect(await fresh.journal.verify()).toMatchObject({ ok: true, count: 0 });
    await fresh.done();
  });

  it('catches a changed stored event', async () => {
    const result = await verifyAfter(async (db) => {
      const value = await valueOf(db, recordKey(2));
      await db.put(recordKey(2), value.replace('"node":"node-1"', '"node":"node-2"'));
    });
    expect(result).toEqual({ ok: false, seq: 2, reason: 'hash does not match the record' });
  });

  it("catches a record whose CRC-32 alone changed (every read refuses it; the record's own hash still matches)", async () => {
    const result = await verifyAfter(async (db) => {
      const value = await valueOf(db, recordKey(3));
      await db.put(recordKey(3), `${value[0] === '0' ? '1' : '0'}${value.slice(1)}`);
    });
    expect(result).toEqual({ ok: false, seq: 3, reason: 'its CRC-32 does not match the record' });
  });

  it('catches a change that keeps the event valid JSON but breaks its schema', async () => {
    const result = await verifyAfter(async (db) => {
      const value = await valueOf(db, recordKey(4));
      await db.put(recordKey(4), value.replace('"containerID":"cid-a-2"', '"containerID":7'));
    });
    expect(result).toMatchObject({ ok: false, seq: 4, reason: 'event: ContainerStarted: containerID: 7 is not a string' });
  });

  it('catches a value that no longer parses', async () => {
    const result = await verifyAfter((db) => db.put(recordKey(5), '{"seq":5,'));
    expect(result).toEqual({ ok: false, seq: 5, reason: 'record does not parse: is not JSON' });
  });

  it('catches a dropped record', async () => {
    const result = await verifyAfter((db) => db.del(recordKey(3)));
    expect(result).toEqual({ ok: false, seq: 3, reason: 'record 3 is missing (the next is 4)' });
  });

  it('catches two records swapped', async () => {
    const result = await verifyAfter(async (db) => {
      const [three, four] = [await valueOf(db, recordKey(3)), await valueOf(db, recordKey(4))];
      await db.batch().put(recordKey(3), four).put(recordKey(4), three).write();
    });
    expect(result).toEqual({ ok: false, seq: 3, reason: 'the record stored as 3 says it is 4' });
  });

  it('catches a tampered time index entry in a journal that is not time-ordered', async () => {
    await journal.append([podBound('b', 3.5)], { expectedSeq: 6 }); // before record 6's instant: late
    const result = await verifyAfter((db) =>
      db.batch().del(timeKey({ at: at(2), seq: 4 })).put(timeKey({ at: at(9), seq: 4 }), '').write(),
    );
    expect(result).toEqual({ ok: false, seq: 4, reason: `time index entry ${timeKey({ at: at(2), seq: 4 })} is missing` });
  });

  it('catches a time index deleted from a journal that is not time-ordered', async () => {
    await journal.append([podBound('b', 3.5)], { expectedSeq: 6 });
    const result = await verifyAfter((db) => db.clear({ gte: 't!', lt: 't"' }));
    expect(result).toEqual({ ok: false, seq: 1, reason: `time index entry ${timeKey({ at: at(0), seq: 1 })} is missing` });
  });

  it('catches a time index entry in a time-ordered journal, which keeps none', async () => {
    const key = timeKey({ at: at(2), seq: 4 });
    const result = await verifyAfter((db) => db.put(key, ''));
    expect(result).toEqual({ ok: false, seq: 4, reason: `time index entry ${key} in a time-ordered journal, which keeps none` });
  });

  it('catches a time-ordered head over records that are not (its time index removed)', async () => {
    await journal.append([podBound('b', 3.5)], { expectedSeq: 6 });
    const result = await verifyAfter(async (db) => {
      const head = JSON.parse(await valueOf(db, META_HEAD)) as Record<string, unknown>;
      await db.put(META_HEAD, JSON.stringify({ ...head, ordered: true }));
      await db.clear({ gte: 't!', lt: 't"' });
    });
    expect(result).toMatchObject({ ok: false, seq: 7, reason: expect.stringContaining('head ordered') });
  });

  it('catches a stray pod index entry that names a real record', async () => {
    const result = await verifyAfter((db) => db.put(podKey('default/pod-b', false, { at: at(1), seq: 2 }), ''));
    expect(result).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining('which it does not index') });
  });

  it('catches a dedup entry pointing at the wrong record', async () => {
    const digest = digestKey(at(1), sha256(canonical(nodeReady(1))));
    const result = await verifyAfter((db) => db.put(digest, '6'));
    expect(result).toMatchObject({ ok: false, seq: 6, reason: expect.stringContaining(`index entry ${digest} names record 6, which it does not index`) });
  });

  it('catches a dedup entry for an event with a pod, which its pod index entry dedups (format 8)', async () => {
    const digest = digestKey(at(1), sha256(canonical(podBound('a', 1))));
    const result = await verifyAfter((db) => db.put(digest, '2'));
    expect(result).toMatchObject({ ok: false, seq: 2, reason: `index entry ${digest} names record 2, which it does not index` });
  });

  it('passes a dedup entry naming a later record with the same event (an append without lookup)', async () => {
    await journal.append([nodeReady(1)], { expectedSeq: 6 });
    await journal.close();
    await tamper(dir, async (db) => expect(await db.get(digestKey(at(1), sha256(canonical(nodeReady(1)))))).toBe('7'));
    journal = await openJournal(dir);
    expect(await journal.verify()).toMatchObject({ ok: true, count: 7 });
  });

  it('catches a pod index copy that differs from its record', async () => {
    const key = podKey('default/pod-a', false, { at: at(1), seq: 2 });
    const result = await verifyAfter(async (db) => db.put(key, (await valueOf(db, key)).replace('node-1', 'node-9')));
    expect(result).toMatchObject({ ok: false, seq: 2, reason: `pod index entry ${key} does not hold the record` });
  });

  it('catches a pod index entry with another record time, or holding the whole record (format 5)', async () => {
    const key = podKey('default/pod-a', false, { at: at(1), seq: 2 });
    const retimed = await verifyAfter(async (db) => db.put(key, (await valueOf(db, key)).replace(/^\d{4}/, '1999')));
    expect(retimed).toMatchObject({ ok: false, seq: 2, reason: `pod index entry ${key} does not hold the record` });
    const whole = await verifyAfter(async (db) => db.put(key, await valueOf(db, recordKey(2))));
    expect(whole).toMatchObject({ ok: false, seq: 2, reason: `pod index entry ${key} does not hold the record` });
  });

  it("a pod's history refuses an entry that does not start with its record time", async () => {
    const key = podKey('default/pod-a', false, { at: at(1), seq: 2 });
    await journal.close();
    await tamper(dir, async (db) => db.put(key, (await valueOf(db, key)).slice(24)));
    journal = await openJournal(dir);
    await expect(journal.podRecords('default', 'pod-a').toArray()).rejects.toThrow(`pod index entry ${key}: does not start with its record time`);
  });

  it('catches a changed head hash', async () => {
    const result = await verifyAfter(async (db) => {
      const head = JSON.parse(await valueOf(db, META_HEAD)) as Record<string, unknown>;
      await db.put(META_HEAD, JSON.stringify({ ...head, hash: 'f'.repeat(64) }));
    });
    expect(result).toMatchObject({ ok: false, seq: 6, reason: expect.stringContaining('head hash') });
  });

  it('catches a head that claims more records than there are', async () => {
    const result = await verifyAfter(async (db) => {
      const head = JSON.parse(await valueOf(db, META_HEAD)) as Record<string, unknown>;
      await db.put(META_HEAD, JSON.stringify({ ...head, seq: 8 }));
    });
    expect(result).toEqual({ ok: false, seq: 7, reason: 'record 7 is missing (the head is 8)' });
  });

  it('catches a head moved back, and opening does not delete the records beyond it', async () => {
    const result = await verifyAfter(async (db) => {
      const head = JSON.parse(await valueOf(db, META_HEAD)) as Record<string, unknown>;
      await db.put(META_HEAD, JSON.stringify({ ...head, seq: 4 }));
    });
    expect(result).toEqual({ ok: false, seq: 5, reason: 'record 5 lies beyond the head (4)' });
  });

  it('names the first fault when there are several', async () => {
    const result = await verifyAfter(async (db) => {
      await db.del(recordKey(5));
      await db.del(podKey('default/pod-a', false, { at: at(0), seq: 1 }));
    });
    expect(result).toMatchObject({ ok: false, seq: 1 });
  });
});
