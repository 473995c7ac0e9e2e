import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANY, ExpectedSequenceConflict, GENESIS_HASH, JournalError, openJournal, readJournal, type Journal } from '../../src/journal/index.js';
import { FLUSH_RECORDS } from '../../src/journal/index-backlog.js';
import { META_HEAD } from '../../src/journal/keys.js';
import { Level } from 'level';
import { at, containerStarted, freshJournal, nodeReady, podBound, podCreated } from './fixtures.js';

let journal: Journal;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ journal, done } = await freshJournal());
});
afterEach(() => done());

const seqs = (rs: ReadonlyArray<{ seq: number }>) => rs.map((r) => r.seq);

describe('append and read', () => {
  it('numbers records from 1, chains their hashes, and reads them back in sequence order', async () => {
    const appended = await journal.append([podCreated('a', 0), podBound('a', 1)], { expectedSeq: 0 });
    expect(seqs(appended)).toEqual([1, 2]);
    expect(appended[0]?.prevHash).toBe(GENESIS_HASH);
    expect(appended[1]?.prevHash).toBe(appended[0]?.hash);
    expect(journal.head()).toMatchObject({ seq: 2, hash: appended[1]?.hash, minAt: at(0), maxAt: at(1), ordered: true });
    const read = await journal.records().toArray();
    expect(read).toEqual(appended);
    expect(read[1]?.event).toEqual(podBound('a', 1));
    expect(read[0]?.recordedAt).toBe(at(1000));
  });

  it('reads a sequence range, inclusive at both ends', async () => {
    await journal.append([0, 1, 2, 3, 4].map((s) => containerStarted('a', s)), { expectedSeq: 0 });
    expect(seqs(await journal.records({ fromSeq: 2, toSeq: 4 }).toArray())).toEqual([2, 3, 4]);
    expect(seqs(await journal.records({ fromSeq: 4 }).toArray())).toEqual([4, 5]);
  });

  it('takes the record time from the append when given', async () => {
    const [r] = await journal.append([podCreated('a', 0)], { expectedSeq: 0, recordedAt: at(7) });
    expect(r?.recordedAt).toBe(at(7));
  });
});

describe('the index write an append does not wait for', () => {
  it('is seen by every read, lookup and verify right after the append', async () => {
    // A big append, so that its index write is still under way when the reads start.
    const events = Array.from({ length: 3000 }, (_, k) => containerStarted('a', k));
    await journal.append([nodeReady(0)], { expectedSeq: 0 });
    await journal.append(events, { expectedSeq: 1 });
    expect(await journal.podRecords('default', 'pod-a').toArray()).toHaveLength(3000);
    await journal.append(events.slice(0, 2000), { expectedSeq: 3001 });
    expect(await journal.appendNew(events, { expectedSeq: ANY })).toEqual([]);
    await journal.append([podBound('a', 0.5)], { expectedSeq: 5001 }); // late: a time index from here on
    await journal.append(events, { expectedSeq: 5002 });
    expect(seqs(await journal.recordsInTimeOrder({ untilAt: at(1) }).toArray())).toEqual([1, 2, 3002, 5003, 5002, 3, 3003, 5004]);
    await journal.append(events.slice(0, 1000), { expectedSeq: 8002 });
    expect(await journal.verify()).toMatchObject({ ok: true, count: 9002 });
  });
});

describe('the index entries of appends that wait in the backlog (index-backlog.ts)', () => {
  it('are seen by reads in the process, by a reader of the folder meanwhile (which rolls forward), and are stored by close', async () => {
    const { journal: writer, dir, done: closeWriter } = await freshJournal();
    try {
      // One event a call, fewer calls than FLUSH_RECORDS and then more: entries both waiting and written.
      for (let s = 0; s < FLUSH_RECORDS + 10; s++) await writer.append([containerStarted('a', s)], { expectedSeq: s });
      await readJournal(dir, async (reader) => {
        expect(reader.count()).toBe(FLUSH_RECORDS + 10);
        expect(await reader.podRecords('default', 'pod-a').toArray()).toHaveLength(FLUSH_RECORDS + 10);
      });
      expect(seqs(await writer.podRecords('default', 'pod-a').toArray())).toEqual(Array.from({ length: FLUSH_RECORDS + 10 }, (_, k) => k + 1));
      await writer.append([containerStarted('a', 100)], { expectedSeq: FLUSH_RECORDS + 10 });
      expect(await writer.appendNew([containerStarted('a', 100), containerStarted('a', 101)], { expectedSeq: ANY })).toHaveLength(1);
      await writer.append([containerStarted('a', 102)], { expectedSeq: FLUSH_RECORDS + 12 });
      await writer.close();
      // Close wrote the head: nothing is left for the next open to roll forward.
      const store = new Level<string, string>(dir);
      expect(JSON.parse((await store.get(META_HEAD)) ?? '{}')).toMatchObject({ seq: FLUSH_RECORDS + 13 });
      await store.close();
      const reopened = await openJournal(dir, { sync: false });
      try {
        expect(await reopened.verify()).toMatchObject({ ok: true, count: FLUSH_RECORDS + 13 });
      } finally {
        await reopened.close();
      }
    } finally {
      await closeWriter().catch(() => undefined);
    }
  });
});

describe('expected sequence', () => {
  it('refuses an append that expects another head, naming both', async () => {
    await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
    const refused = journal.append([podBound('a', 1)], { expectedSeq: 0 });
    await expect(refused).rejects.toBeInstanceOf(ExpectedSequenceConflict);
    await expect(refused).rejects.toThrow("append expected head sequence 0, but the journal's head is 1");
    expect(journal.count()).toBe(1);
  });

  it('accepts ANY head', async () => {
    await journal.append([podCreated('a', 0)], { expectedSeq: ANY });
    await journal.append([podBound('a', 1)], { expectedSeq: ANY });
    expect(journal.count()).toBe(2);
  });

  it('lets exactly one of two racing appends expecting the same head win', async () => {
    const results = await Promise.allSettled([
      journal.append([podCreated('a', 0)], { expectedSeq: 0 }),
      journal.append([podCreated('b', 0)], { expectedSeq: 0 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(journal.count()).toBe(1);
  });
});

describe('invalid events', () => {
  it('rejects the whole append, naming the index and the path, and writes nothing', async () => {
    await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
    const before = journal.head();
    const bad = { ...podBound('a', 1), node: 42 };
    const refused = journal.append([podBound('a', 1), bad], { expectedSeq: 1 });
    await expect(refused).rejects.toThrow('events[1]: PodBound: node: 42 is not a string');
    await expect(refused).rejects.toMatchObject({ kind: 'invalid-event' });
    expect(journal.head()).toEqual(before);
    expect(seqs(await journal.records().toArray())).toEqual([1]);
  });

  it('names an unknown event type', async () => {
    await expect(journal.append([{ type: 'Nope', v: 1 }], { expectedSeq: 0 })).rejects.toThrow('events[0]: unknown event type "Nope"');
  });

  it('throws JournalError for invalid input', async () => {
    await expect(journal.append([{}], { expectedSeq: 0 })).rejects.toBeInstanceOf(JournalError);
  });
});

describe('valid-time order', () => {
  it('scans in (at, seq) order when every append arrived in time order', async () => {
    await journal.append([podCreated('a', 0), podBound('a', 1), nodeReady(1), containerStarted('a', 2)], { expectedSeq: 0 });
    expect(journal.head().ordered).toBe(true);
    expect(seqs(await journal.recordsInTimeOrder().toArray())).toEqual([1, 2, 3, 4]);
    expect(seqs(await journal.recordsInTimeOrder({ untilAt: at(1) }).toArray())).toEqual([1, 2, 3]);
    expect(seqs(await journal.recordsInTimeOrder({ after: { at: at(1), seq: 2 } }).toArray())).toEqual([3, 4]);
    expect(seqs(await journal.recordsInTimeOrder({ after: { at: at(1), seq: 2 }, untilAt: at(1) }).toArray())).toEqual([3]);
  });

  it('walks the time index once a late event has arrived', async () => {
    await journal.append([podCreated('a', 0), containerStarted('a', 5)], { expectedSeq: 0 });
    await journal.append([podBound('a', 2)], { expectedSeq: 2 });
    expect(journal.head()).toMatchObject({ ordered: false, minAt: at(0), maxAt: at(5) });
    expect(seqs(await journal.recordsInTimeOrder().toArray())).toEqual([1, 3, 2]);
    expect(seqs(await journal.recordsInTimeOrder({ untilAt: at(4) }).toArray())).toEqual([1, 3]);
    expect(seqs(await journal.recordsInTimeOrder({ after: { at: at(2), seq: 3 } }).toArray())).toEqual([2]);
  });

  it('answers what had been recorded by a record time', async () => {
    await journal.append([podCreated('a', 0)], { expectedSeq: 0, recordedAt: at(100) });
    await journal.append([podBound('a', 1)], { expectedSeq: 1, recordedAt: at(200) });
    expect(seqs(await journal.recordsInTimeOrder({ asOfRecordedAt: at(150) }).toArray())).toEqual([1]);
    expect(seqs(await journal.podRecords('default', 'pod-a', { asOfRecordedAt: at(150) }).toArray())).toEqual([1]);
  });

  it('knows the first and last valid time', async () => {
    expect(journal.firstAt()).toBeUndefined();
    await journal.append([containerStarted('a', 9), podCreated('a', 3)], { expectedSeq: 0 });
    expect([journal.firstAt(), journal.lastAt()]).toEqual([at(3), at(9)]);
  });
});

describe('pod index', () => {
  it("reads one pod's records in time order, within bounds", async () => {
    await journal.append([podCreated('a', 0), podCreated('b', 0), nodeReady(1), podBound('b', 2), podBound('a', 3)], { expectedSeq: 0 });
    await journal.append([containerStarted('a', 1)], { expectedSeq: 5 });
    expect(seqs(await journal.podRecords('default', 'pod-a').toArray())).toEqual([1, 6, 5]);
    expect(seqs(await journal.podRecords('default', 'pod-b').toArray())).toEqual([2, 4]);
    expect(seqs(await journal.podRecords('default', 'pod-a', { untilAt: at(2) }).toArray())).toEqual([1, 6]);
    expect(seqs(await journal.podRecords('default', 'pod-a', { after: { at: at(1), seq: 6 } }).toArray())).toEqual([5]);
    expect(await journal.podRecords('default', 'pod-zzz').toArray()).toEqual([]);
  });

  it("holds each record's time and event, and the records themselves hold the hash chain", async () => {
    const written = await journal.append([podCreated('a', 0), nodeReady(1), podBound('a', 3)], { expectedSeq: 0, recordedAt: at(100) });
    const history = await journal.podRecords('default', 'pod-a').toArray();
    expect(history).toEqual([written[0], written[2]].map((r) => ({ seq: r?.seq, recordedAt: at(100), event: r?.event })));
    expect(await journal.recordsNumbered(history.map((r) => r.seq))).toEqual([written[0], written[2]]);
    await expect(journal.recordsNumbered([4])).rejects.toThrow('record 4 lies beyond the head');
  });

  it('keeps uids with separators apart', async () => {
    await journal.append([podCreated('x!y', 0), podCreated('x', 1), podCreated('x%21y', 2)], { expectedSeq: 0 });
    expect(seqs(await journal.podRecords('default', 'pod-x').toArray())).toEqual([2]);
    expect(seqs(await journal.podRecords('default', 'pod-x!y').toArray())).toEqual([1]);
    expect(seqs(await journal.podRecords('default', 'pod-x%21y').toArray())).toEqual([3]);
  });
});

describe('pages', () => {
  it('streams many records in pages of at most a thousand, in order', async () => {
    await journal.appendBulk(Array.from({ length: 2500 }, (_, i) => containerStarted('a', i)), { chunkSize: 700 });
    const sizes: number[] = [];
    let next = 1;
    for await (const page of journal.records().batches()) {
      sizes.push(page.length);
      for (const r of page) expect(r.seq).toBe(next++);
    }
    expect(next).toBe(2501);
    expect(sizes[0]).toBe(1000);
    expect(Math.max(...sizes)).toBe(1000);
  });
});
