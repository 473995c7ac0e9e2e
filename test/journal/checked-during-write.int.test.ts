/**
 * A durable append with a refused event leaves nothing of it: the events are checked before the write
 * (`compiled-encoder.ts :: checkedCanonicalEvent`, else `checkEvent`). podj before that check wrote a durable
 * append's records while it checked them and took them back on a refusal; an open after such a podj crashed
 * in between takes that append back whole (recover.ts), so a refused event is never read, and never
 * survives as a record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonical, openJournal, readJournal, seal, type Journal, type Sha256 } from '../../src/journal/index.js';
import { META_HEAD, META_UNCHECKED, recordKey, uncheckedMark } from '../../src/journal/keys.js';
import { at, containerStarted, podBound, podCreated, tamper, tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

const open = (): Promise<Journal> => openJournal(dir, { clock: () => at(1000), sync: true });

/** What the store holds under the record keys `seqs` and the unchecked mark. */
const stored = async (seqs: readonly number[]): Promise<{ records: Array<string | undefined>; mark: string | undefined }> => {
  let result = { records: [] as Array<string | undefined>, mark: undefined as string | undefined };
  await tamper(dir, async (db) => {
    result = { records: await db.getMany(seqs.map(recordKey)), mark: await db.get(META_UNCHECKED) };
  });
  return result;
};

describe('a durable append whose check refuses an event', () => {
  it('answers with the refusal, and leaves no record, mark, entry or head of it', async () => {
    const journal = await open();
    await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
    const before = journal.head();
    const bad = { ...podBound('a', 1), node: 42 };
    for (const events of [[bad], [podBound('a', 1), containerStarted('a', 2), bad]]) {
      await expect(journal.append(events, { expectedSeq: 1 })).rejects.toThrow(`events[${events.length - 1}]: PodBound: node: 42 is not a string`);
      expect(journal.head()).toEqual(before);
      expect(await journal.podRecords('default', 'pod-a').toArray()).toHaveLength(1);
    }
    await journal.close();
    expect(await stored([2, 3, 4])).toEqual({ records: [undefined, undefined, undefined], mark: undefined });
    const reopened = await open();
    expect(reopened.count()).toBe(1);
    await reopened.append([podBound('a', 1)], { expectedSeq: 1 });
    expect(await reopened.verify()).toMatchObject({ ok: true, count: 2 });
    await reopened.close();
  });

  it('stores an event its check decodes into another (an unknown key dropped) as decoded', async () => {
    const journal = await open();
    const [record] = await journal.append([{ ...podBound('a', 1), extra: 'dropped' }], { expectedSeq: 0 });
    expect(record?.event).toEqual(podBound('a', 1));
    expect((await journal.records().toArray()).map((r) => r.event)).toEqual([podBound('a', 1)]);
    expect(await journal.verify()).toMatchObject({ ok: true, count: 1 });
    await journal.close();
  });
});

describe('an open after an earlier podj crashed between a refused append writing its records and taking them back', () => {
  /**
   * A journal of one acknowledged and indexed record, then (as a crash leaves them) records sealed beyond its
   * stored head: `beyond` events from seq 2 on, and the unchecked mark that podj's durable append of several wrote.
   */
  const crashedWith = async (beyond: readonly unknown[], mark?: readonly [number, number]): Promise<void> => {
    const journal = await open();
    await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
    await journal.close();
    await tamper(dir, async (db) => {
      let prevHash = (JSON.parse((await db.get(META_HEAD)) ?? '{}') as { hash: Sha256 }).hash;
      const batch = db.batch();
      beyond.forEach((event, i) => {
        const record = seal(prevHash, i + 2, at(1000), canonical(event));
        batch.put(recordKey(record.seq), record.stored);
        prevHash = record.hash;
      });
      if (mark !== undefined) batch.put(META_UNCHECKED, uncheckedMark(...mark));
      await batch.write({ sync: true });
    });
  };

  it('takes back the whole append the mark names, after rolling forward the acknowledged one before it', async () => {
    // Seq 2 was acknowledged (its entries lost with the crash); 3 to 5 are one append, refused at 5.
    await crashedWith([podBound('a', 1), containerStarted('a', 2), containerStarted('a', 3), { ...containerStarted('a', 4), container: 7 }], [3, 5]);
    await readJournal(dir, async (reader) => {
      expect(reader.count()).toBe(2);
      expect((await reader.podRecords('default', 'pod-a').toArray()).map((r) => r.seq)).toEqual([1, 2]);
    });
    const journal = await open();
    expect(journal.count()).toBe(2);
    expect((await journal.podRecords('default', 'pod-a').toArray()).map((r) => r.seq)).toEqual([1, 2]);
    expect(await journal.verify()).toMatchObject({ ok: true, count: 2 });
    await journal.close();
    expect(await stored([3, 4, 5])).toEqual({ records: [undefined, undefined, undefined], mark: undefined });
  });

  it('takes back a refused record of one event, and one an append would have stored decoded', async () => {
    for (const refused of [{ ...podBound('a', 1), node: 42 }, { ...podBound('a', 1), extra: 'kept' }]) {
      await cleanup();
      ({ dir, cleanup } = await tempDir());
      await crashedWith([podBound('a', 1), refused], [1, 1]);
      const journal = await open();
      expect(journal.count()).toBe(2);
      expect(await journal.verify()).toMatchObject({ ok: true, count: 2 });
      await journal.close();
      expect((await stored([3])).records).toEqual([undefined]);
    }
  });
});
