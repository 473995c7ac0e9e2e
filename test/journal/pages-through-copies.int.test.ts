import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordPagesThroughCopies, type Journal, type JournalRecord } from '../../src/journal/index.js';
import { freshJournal, podBound, podCreated } from './fixtures.js';

let journal: Journal;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ journal, done } = await freshJournal());
});
afterEach(() => done());

const seqs = (records: readonly JournalRecord[]): number[] => records.map((r) => r.seq);

const throughCopies = async (...args: Parameters<typeof recordPagesThroughCopies>): Promise<number[]> => {
  const read: number[] = [];
  for await (const page of recordPagesThroughCopies(...args)) read.push(...seqs(page));
  return read;
};

/** 2,500 records: more than two pages of the journal's reads (1,000 entries), so a copy of one record a page is closed twice. */
const appendMany = async (from: number, count: number, offset: number): Promise<void> => {
  const events = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? podCreated(`u${from + i}`, from + i + offset) : podBound(`u${from + i - 1}`, from + i + offset)));
  await journal.appendBulk(events);
};

describe('records in time order through read snapshots closed as the read goes', () => {
  it('gives what one read gives, in a time-ordered journal and once late appends make it use the time index', async () => {
    await appendMany(0, 2_500, 0);
    const [middle] = await journal.recordsNumbered([700]);
    if (middle === undefined) throw new Error('record 700 is missing');
    const queries: Parameters<typeof recordPagesThroughCopies>[1][] = [{}, { skipTypes: new Set(['PodBound']) }, { after: { at: middle.event.at, seq: middle.seq } }];
    for (const q of queries) {
      const whole = seqs(await journal.recordsInTimeOrder(q).toArray());
      expect(await throughCopies(journal.dir, q, journal.head().seq, 1)).toEqual(whole);
    }
    // Earlier instants than the journal's latest: it is no longer time-ordered.
    await appendMany(2_500, 1_200, -2_000.5);
    const whole = seqs(await journal.recordsInTimeOrder().toArray());
    expect(whole).not.toEqual([...whole].sort((a, b) => a - b));
    expect(await throughCopies(journal.dir, {}, journal.head().seq, 1)).toEqual(whole);
  });

  it('ends at the head it was given, whatever a later copy holds, and leaves no copy behind', async () => {
    await appendMany(0, 2_500, 0);
    const head = journal.head().seq;
    const before = seqs(await journal.recordsInTimeOrder().toArray());
    const read = recordPagesThroughCopies(journal.dir, {}, head, 1)[Symbol.asyncIterator]();
    const first = await read.next();
    await appendMany(2_500, 500, 10);
    const rest: number[] = [];
    for (let page = await read.next(); page.done !== true; page = await read.next()) rest.push(...seqs(page.value));
    expect([...seqs(first.done === true ? [] : first.value), ...rest]).toEqual(before);
    const left = (folder: string): string[] => readdirSync(folder).filter((name) => name.startsWith(`podj-read-${process.pid}-`));
    expect([...left('/dev/shm'), ...left(process.env.TMPDIR ?? '/tmp')]).toEqual([]);
  });
});
