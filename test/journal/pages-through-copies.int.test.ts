import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, recordPagesThroughCopies, type Journal, type JournalRecord } from '../../src/journal/index.js';
import { freshJournal, podBound, podCreated, tamper } from './fixtures.js';

let journal: Journal;
let dir: string;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ journal, dir, done } = await freshJournal());
});
afterEach(() => done());

const seqs = (records: readonly JournalRecord[]): number[] => records.map((r) => r.seq);

const throughCopies = async (...args: Parameters<typeof recordPagesThroughCopies>): Promise<number[]> => {
  const read: number[] = [];
  for await (const page of recordPagesThroughCopies(...args)) read.push(...seqs(page));
  return read;
};

/** `count` records: with 2,500, more than two pages of the journal's reads (1,000 entries), so a copy of one record a page is closed twice. */
const appendMany = async (from: number, count: number, offset: number): Promise<void> => {
  const events = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? podCreated(`u${from + i}`, from + i + offset) : podBound(`u${from + i - 1}`, from + i + offset)));
  await journal.appendBulk(events);
};

/** The read copies left in the journal's folder. */
const copiesLeft = (): string[] => readdirSync(dir).filter((name) => name.startsWith('podj-read-'));

describe('records in time order through read snapshots closed as the read goes', () => {
  it('gives what one read gives, in a time-ordered journal and once late appends make it use the time index', async () => {
    await appendMany(0, 2_500, 0);
    const [middle] = await journal.recordsNumbered([700]);
    if (middle === undefined) throw new Error('record 700 is missing');
    const queries: Parameters<typeof recordPagesThroughCopies>[1][] = [{}, { skipTypes: new Set(['PodBound']) }, { after: { at: middle.event.at, seq: middle.seq } }];
    for (const q of queries) {
      const whole = seqs(await journal.recordsInTimeOrder(q).toArray());
      expect(await throughCopies(journal, q, journal.head().seq, { ownFirst: 1, perCopy: 1 })).toEqual(whole);
    }
    // Earlier instants than the journal's latest: it is no longer time-ordered.
    await appendMany(2_500, 1_200, -2_000.5);
    const whole = seqs(await journal.recordsInTimeOrder().toArray());
    expect(whole).not.toEqual([...whole].sort((a, b) => a - b));
    expect(await throughCopies(journal, {}, journal.head().seq, { ownFirst: 1, perCopy: 1 })).toEqual(whole);
  });

  it('ends at the head it was given, whatever a later copy holds, and leaves no copy behind', async () => {
    await appendMany(0, 2_500, 0);
    const head = journal.head().seq;
    const before = seqs(await journal.recordsInTimeOrder().toArray());
    const read = recordPagesThroughCopies(journal, {}, head, { ownFirst: 1, perCopy: 1 })[Symbol.asyncIterator]();
    // the first page through the writer's own handle, the next through a copy
    const first = await read.next();
    expect(copiesLeft()).toEqual([]);
    await appendMany(2_500, 500, 10);
    const second = await read.next();
    expect(copiesLeft()).toHaveLength(1);
    const rest: number[] = [...seqs(second.done === true ? [] : second.value)];
    for (let page = await read.next(); page.done !== true; page = await read.next()) rest.push(...seqs(page.value));
    expect([...seqs(first.done === true ? [] : first.value), ...rest]).toEqual(before);
    expect(copiesLeft()).toEqual([]);
  });

  it('makes no copy for a read shorter than what the writer reads through its own handle first', async () => {
    await appendMany(0, 2_500, 0);
    const whole = seqs(await journal.recordsInTimeOrder().toArray());
    const read: number[] = [];
    for await (const page of recordPagesThroughCopies(journal, {}, journal.head().seq, { ownFirst: 5_000, perCopy: 1 })) {
      expect(copiesLeft()).toEqual([]);
      read.push(...seqs(page));
    }
    expect(read).toEqual(whole);
  });

  it("keeps reading when the writer's compactions delete the tables a copy holds: the copy links them by hard links, in the journal's folder", async () => {
    // More than one 8 MiB table of records (open.ts), all below level 0 after a full compaction, so that LevelDB
    // opens the second only when the read reaches it.
    await appendMany(0, 40_000, 0);
    await journal.close();
    // classic-level's compactRange, which the `level` typings leave out
    await tamper(dir, (db) => (db as unknown as { compactRange(start: string, end: string): Promise<void> }).compactRange('\u0000', '\uffff'));
    const writer = await openJournal(dir, { sync: false });
    try {
      const whole = seqs(await writer.recordsInTimeOrder().toArray());
      const read = recordPagesThroughCopies(writer, {}, writer.head().seq, { ownFirst: 0, perCopy: 100_000 })[Symbol.asyncIterator]();
      const first = await read.next();
      // What a compaction does with the tables it merged: the writer's names go, the copy's links stay.
      const tables = readdirSync(dir).filter((name) => name.endsWith('.ldb'));
      expect(tables.length).toBeGreaterThan(1);
      for (const name of tables) rmSync(join(dir, name));
      const rest: number[] = [];
      for (let page = await read.next(); page.done !== true; page = await read.next()) rest.push(...seqs(page.value));
      expect([...seqs(first.done === true ? [] : first.value), ...rest]).toEqual(whole);
    } finally {
      await writer.close();
    }
    expect(copiesLeft()).toEqual([]);
  });
});
